import type { Reply } from '../messages/reply.js';

/** A message in a locally kept conversation (the playground). */
export interface TranscriptMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly author: string;
  readonly text: string | null;
  readonly reply: Reply | null;
  readonly seq: number;
  readonly createdAt: Date;
}

/** Conversations Relais keeps itself, for the playground door. */
export interface ChatTranscript {
  addUserMessage(conversationId: string, author: string, text: string): Promise<TranscriptMessage>;
  /** Inserts or, when `key` exists, replaces a Relais message (updates in place). */
  putRelaisMessage(conversationId: string, key: string, reply: Reply): Promise<TranscriptMessage>;
  findByKey(key: string): Promise<TranscriptMessage | null>;
  since(conversationIds: readonly string[], afterSeq: number, limit: number): Promise<TranscriptMessage[]>;
}
