import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Reply } from '../../core/messages/reply.js';
import type { ChatTranscript, TranscriptMessage } from '../../core/ports/chat-transcript.js';
import type { Executor } from '../database.js';
import { playgroundMessages } from '../schema/index.js';

const toMessage = (r: typeof playgroundMessages.$inferSelect): TranscriptMessage => ({
  id: r.id, conversationId: r.conversationId, author: r.author, text: r.text, reply: r.reply as unknown as Reply | null,
  seq: r.seq, createdAt: r.createdAt,
});

export class DrizzleChatTranscript implements ChatTranscript {
  constructor(private readonly db: Executor) {}

  async addUserMessage(conversationId: string, author: string, text: string): Promise<TranscriptMessage> {
    const [row] = await this.db.insert(playgroundMessages).values({ conversationId, author, text }).returning();
    return toMessage(row!);
  }

  async putRelaisMessage(conversationId: string, key: string, reply: Reply): Promise<TranscriptMessage> {
    const [row] = await this.db.insert(playgroundMessages)
      .values({ conversationId, author: 'relais', messageKey: key, reply: reply as unknown as Record<string, unknown> })
      .onConflictDoUpdate({
        target: playgroundMessages.messageKey,
        set: { reply: reply as unknown as Record<string, unknown>, seq: sql`nextval('relais.playground_seq')` },
      }).returning();
    return toMessage(row!);
  }

  async findByKey(key: string): Promise<TranscriptMessage | null> {
    const [row] = await this.db.select().from(playgroundMessages).where(eq(playgroundMessages.messageKey, key));
    return row ? toMessage(row) : null;
  }

  async since(conversationIds: readonly string[], afterSeq: number, limit: number): Promise<TranscriptMessage[]> {
    if (conversationIds.length === 0) return [];
    const rows = await this.db.select().from(playgroundMessages)
      .where(and(inArray(playgroundMessages.conversationId, [...conversationIds]), gt(playgroundMessages.seq, afterSeq)))
      .orderBy(asc(playgroundMessages.seq)).limit(limit);
    return rows.map(toMessage);
  }
}
