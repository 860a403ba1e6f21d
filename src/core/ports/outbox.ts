import type { Reply } from '../messages/reply.js';

/** Where a message goes. Platform senders turn it into a channel / conversation id. */
export type Destination =
  /**
   * The conversation a request came from (DM, channel or thread). `reference` is what the
   * platform needs to post there (Teams: the activity's serviceUrl), taken from the request.
   */
  | {
    readonly kind: 'conversation'; readonly platform: string; readonly workspaceId: string; readonly conversationId: string; readonly threadId?: string;
    readonly reference?: Readonly<Record<string, unknown>>;
  }
  /** A person's private conversation with Relais, on every platform they are linked on. */
  | { readonly kind: 'person'; readonly personId: string }
  /** The team's bound channel(s). */
  | { readonly kind: 'team-channel'; readonly teamId: string };

export interface OutgoingMessage {
  /** Unique: the same key is never delivered twice (retries, redeliveries). */
  readonly key: string;
  readonly destination: Destination;
  readonly reply: Reply;
  /** Key of an earlier message to update in place instead of posting a new one. */
  readonly replaces?: string;
}

/** Durable sends: a crash never loses a message, a retry never posts it twice. */
export interface Outbox {
  enqueue(messages: readonly OutgoingMessage[]): Promise<void>;
}
