import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, relais } from './common.js';

export const playgroundSeq = relais.sequence('playground_seq');

/**
 * The playground's conversations: a person's DM with Relais (`dm:<personId>`)
 * and team channels (`team:<teamId>`). Relais messages hold the neutral reply;
 * `seq` grows on every insert and update so the page can poll for changes.
 */
export const playgroundMessages = relais.table('playground_messages', {
  id: id(),
  conversationId: text('conversation_id').notNull(),
  /** 'relais' or the person id of the user who wrote. */
  author: text('author').notNull(),
  /** Outbox key for Relais messages, so updates land in place. */
  messageKey: text('message_key'),
  text: text('text'),
  reply: jsonb('reply').$type<Record<string, unknown>>(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('relais.playground_seq')`),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('playground_messages_key').on(t.messageKey),
  index('playground_messages_conversation_seq').on(t.conversationId, t.seq),
]);
