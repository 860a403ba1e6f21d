import { randomUUID } from 'node:crypto';
import { eq, gte, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../core/ports/clock.js';
import type { Inbox, InboxItem } from '../core/ports/inbox.js';
import type { WrittenEntry } from './intake-journal.js';
import type { Executor } from '../storage/database.js';
import { inbox } from '../storage/schema/index.js';

interface Waiting {
  readonly item: InboxItem;
  readonly resolve: (value: { created: boolean; id: string }) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows per INSERT: far below PostgreSQL's 65,535 bound parameters (4 per row). */
const MAX_BATCH = 500;

/**
 * The durable intake, with group commit: the events that arrive in the same
 * turn of the event loop, or while a write is in flight, are written together
 * in one `INSERT … ON CONFLICT DO NOTHING` (one statement, so one commit).
 * Each caller's promise resolves only once its row is committed, so an event
 * is still acknowledged only after it is stored. Alone, an event waits one
 * `setImmediate`; under a burst, PGlite (whose statements run on the main
 * thread, one at a time) and PostgreSQL do one write per batch, not per event. Same dedupe key twice, in one batch or
 * not: one row, the first caller gets `created: true`. A batch that fails is
 * retried row by row, so one bad event never fails the others.
 */
export class DrizzleInbox implements Inbox {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Executor, private readonly clock: Clock, private readonly onEnqueued: () => void = () => undefined) {}

  enqueue(item: InboxItem): Promise<{ created: boolean; id: string }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.writeAll());
      }
    });
  }

  private async writeAll(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, MAX_BATCH);
        let inserted: Map<string, string>;
        try {
          inserted = await this.insert(batch.map((w) => w.item));
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const one of batch) await this.writeOne(one);
          continue;
        }
        await this.settle(batch, inserted);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeOne(one: Waiting): Promise<void> {
    let inserted: Map<string, string>;
    try {
      inserted = await this.insert([one.item]);
    } catch (error) {
      one.reject(error);
      return;
    }
    await this.settle([one], inserted);
  }

  /**
   * Inserts the rows in one statement (one commit); the ids of the rows it created, by dedupe key.
   * Written as SQL rather than through the query builder: this runs before every acknowledgement,
   * and building the statement cost about as much as PGlite running it.
   */
  private async insert(items: readonly InboxItem[]): Promise<Map<string, string>> {
    const now = this.clock.now().toISOString();
    const values = items.map((item) => sql`(${randomUUID()}, ${item.dedupeKey}, ${item.kind}, ${JSON.stringify(item.payload)}::jsonb, ${now})`);
    const result = await this.db.execute(sql`
      insert into relais.inbox (id, dedupe_key, kind, payload, available_at) values ${sql.join(values, sql`, `)}
      on conflict (dedupe_key) do nothing returning id, dedupe_key`) as unknown as { rows: Array<{ id: string; dedupe_key: string }> };
    return new Map(result.rows.map((r) => [r.dedupe_key, r.id]));
  }

  /** Answers each caller: the first caller of a created row gets `created: true`, the others the existing row's id. */
  private async settle(batch: readonly Waiting[], inserted: ReadonlyMap<string, string>): Promise<void> {
    if (inserted.size > 0) this.onEnqueued();
    const missing = [...new Set(batch.map((w) => w.item.dedupeKey).filter((k) => !inserted.has(k)))];
    let existing = new Map<string, string>();
    let lookupFailed: unknown = null;
    if (missing.length > 0) {
      try {
        existing = new Map((await this.db.select({ id: inbox.id, dedupeKey: inbox.dedupeKey }).from(inbox)
          .where(inArray(inbox.dedupeKey, missing))).map((r) => [r.dedupeKey, r.id]));
      } catch (error) {
        lookupFailed = error ?? new Error('inbox.lookup_failed');
      }
    }
    const claimed = new Set<string>();
    for (const w of batch) {
      const key = w.item.dedupeKey;
      const id = inserted.get(key);
      if (id !== undefined && !claimed.has(key)) {
        claimed.add(key);
        w.resolve({ created: true, id });
      } else if (id === undefined && lookupFailed !== null) {
        w.reject(lookupFailed);
      } else {
        w.resolve({ created: false, id: id ?? existing.get(key) ?? '' });
      }
    }
  }

  /**
   * Stores events already received and journaled (their ids and receipt times kept); a key
   * already stored is skipped, so storing the same entries twice is harmless. Wakes the worker.
   */
  async restore(entries: readonly WrittenEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += MAX_BATCH) {
      const values = entries.slice(i, i + MAX_BATCH).map((e) => sql`(${e.id}, ${e.dedupeKey}, ${e.kind}, ${e.payloadJson}::jsonb, ${e.receivedAt}, ${e.receivedAt})`);
      await this.db.execute(sql`
        insert into relais.inbox (id, dedupe_key, kind, payload, available_at, created_at) values ${sql.join(values, sql`, `)}
        on conflict (dedupe_key) do nothing`);
    }
    if (entries.length > 0) this.onEnqueued();
  }

  /** The keys (and row ids) received since `since`: what a redelivery may still repeat. */
  async keysSince(since: Date): Promise<Array<{ dedupeKey: string; id: string }>> {
    return this.db.select({ dedupeKey: inbox.dedupeKey, id: inbox.id }).from(inbox).where(gte(inbox.createdAt, since));
  }

  async statusOf(dedupeKey: string): Promise<string | null> {
    const [row] = await this.db.select({ status: inbox.status }).from(inbox).where(eq(inbox.dedupeKey, dedupeKey));
    return row?.status ?? null;
  }
}
