import { eq } from 'drizzle-orm';
import type { Clock } from '../core/ports/clock.js';
import type { Inbox, InboxItem } from '../core/ports/inbox.js';
import type { Executor } from '../storage/database.js';
import { inbox } from '../storage/schema/index.js';

export class DrizzleInbox implements Inbox {
  constructor(private readonly db: Executor, private readonly clock: Clock, private readonly onEnqueued: () => void = () => undefined) {}

  async enqueue(item: InboxItem): Promise<{ created: boolean; id: string }> {
    const rows = await this.db.insert(inbox).values({
      dedupeKey: item.dedupeKey, kind: item.kind, payload: item.payload as Record<string, unknown>, availableAt: this.clock.now(),
    }).onConflictDoNothing({ target: inbox.dedupeKey }).returning({ id: inbox.id });
    if (rows[0]) {
      this.onEnqueued();
      return { created: true, id: rows[0].id };
    }
    const [existing] = await this.db.select({ id: inbox.id }).from(inbox).where(eq(inbox.dedupeKey, item.dedupeKey));
    return { created: false, id: existing?.id ?? '' };
  }

  async statusOf(dedupeKey: string): Promise<string | null> {
    const [row] = await this.db.select({ status: inbox.status }).from(inbox).where(eq(inbox.dedupeKey, dedupeKey));
    return row?.status ?? null;
  }
}
