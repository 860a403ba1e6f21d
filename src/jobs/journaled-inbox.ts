import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/ports/clock.js';
import type { Inbox, InboxItem } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { IntakeJournal, WrittenEntry } from './intake-journal.js';

/** The inbox table, as the journal needs it. */
export interface InboxTable {
  restore(entries: readonly WrittenEntry[]): Promise<void>;
  keysSince(since: Date): Promise<Array<{ dedupeKey: string; id: string }>>;
  statusOf(dedupeKey: string): Promise<string | null>;
}

export interface JournaledInboxOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Awaited before each move to the table: acknowledgements first (see `IngressGate`). */
  readonly giveWay?: () => Promise<void>;
  /** After a failed move (database unavailable), when to try again. */
  readonly retryMs?: number;
  /** How many recent keys are remembered to spot redeliveries. */
  readonly rememberKeys?: number;
}

/** Rows per statement when moving events to the table. */
const MOVE_CHUNK = 100;

/** Slack retries an event for a few minutes; an hour of keys covers every redelivery in practice. */
const REDELIVERY_WINDOW_MS = 60 * 60_000;

/**
 * The doors' intake on the embedded install: an event is appended to the
 * journal (a file) and acknowledged, then moved to the inbox table in the
 * background, in one statement per batch, once no platform request is
 * waiting. At start, `recover` stores what a killed process left in the
 * journal. Redeliveries are recognised from memory: the keys received by this
 * process, and those stored in the last hour, read at start. A redelivery older
 * than that is still stored once (the table's unique key), only reported as new.
 */
export class JournaledInbox implements Inbox {
  private pending: WrittenEntry[] = [];
  private readonly pendingKeys = new Set<string>();
  /** Recently received keys and their row ids, oldest first. */
  private readonly known = new Map<string, string>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly journal: IntakeJournal, private readonly table: InboxTable, private readonly options: JournaledInboxOptions) {}

  /** Stores the events a killed process journaled but did not move; returns how many were read back. */
  async recover(): Promise<number> {
    const { entries, segments, torn } = this.journal.leftovers();
    if (entries.length > 0) await this.table.restore(entries);
    this.journal.discard(segments);
    if (entries.length > 0 || torn > 0) this.options.logger.info({ recovered: entries.length, torn }, 'intake.journal_recovered');
    const since = new Date(this.options.clock.now().getTime() - REDELIVERY_WINDOW_MS);
    for (const { dedupeKey, id } of await this.table.keysSince(since)) this.remember(dedupeKey, id);
    return entries.length;
  }

  enqueue(item: InboxItem): Promise<{ created: boolean; id: string }> {
    const seen = this.known.get(item.dedupeKey);
    if (seen !== undefined) return Promise.resolve({ created: false, id: seen });
    let entry: WrittenEntry;
    try {
      entry = this.journal.append({
        id: randomUUID(), dedupeKey: item.dedupeKey, kind: item.kind, payload: item.payload, receivedAt: this.options.clock.now().toISOString(),
      });
    } catch (error) {
      return Promise.reject(error);
    }
    this.remember(entry.dedupeKey, entry.id);
    this.pending.push(entry);
    this.pendingKeys.add(entry.dedupeKey);
    this.schedule();
    return Promise.resolve({ created: true, id: entry.id });
  }

  async statusOf(dedupeKey: string): Promise<string | null> {
    return this.pendingKeys.has(dedupeKey) ? 'pending' : this.table.statusOf(dedupeKey);
  }

  /** How many events are journaled and not yet in the table. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Moves every journaled event to the table now (drain, shutdown); how many it moved. Throws when the database refuses. */
  flush(): Promise<number> {
    return this.exclusive(() => this.move());
  }

  /** No more moves in the background (shutdown): `flush` moves the rest, or it stays journaled for the next start. */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => void this.moveSoon());
  }

  private async moveSoon(): Promise<void> {
    await this.options.giveWay?.();
    this.scheduled = false;
    if (this.stopped) return;
    try {
      await this.flush();
    } catch (error) {
      this.options.logger.warn({ waiting: this.pending.length, err: error instanceof Error ? error.message.slice(0, 200) : 'unknown' }, 'intake.move_failed');
      if (this.retry === null) {
        this.retry = setTimeout(() => {
          this.retry = null;
          this.schedule();
        }, this.options.retryMs ?? 1000);
        this.retry.unref();
      }
    }
  }

  /**
   * Everything journaled so far, in statements of at most `MOVE_CHUNK` rows with a turn of the
   * event loop between them, so that requests arriving meanwhile are answered (a 100-row insert
   * holds PGlite, and the thread, about 6 ms). The segments are deleted once all their events are stored.
   */
  private async move(): Promise<number> {
    if (this.pending.length === 0) return 0;
    const batch = this.pending.splice(0);
    const segments = this.journal.seal();
    let stored = 0;
    try {
      for (; stored < batch.length; stored += MOVE_CHUNK) {
        if (stored > 0) await new Promise((resolve) => setImmediate(resolve));
        const chunk = batch.slice(stored, stored + MOVE_CHUNK);
        await this.table.restore(chunk);
        for (const entry of chunk) this.pendingKeys.delete(entry.dedupeKey);
      }
    } catch (error) {
      // The segments are kept whole: the events already stored in them are skipped when stored again.
      this.pending.unshift(...batch.slice(stored));
      this.journal.keep(segments);
      throw error;
    }
    this.journal.discard(segments);
    return batch.length;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work, work);
    this.chain = run.then(() => undefined, () => undefined);
    return run;
  }

  private remember(dedupeKey: string, id: string): void {
    this.known.set(dedupeKey, id);
    const limit = this.options.rememberKeys ?? 50_000;
    if (this.known.size > limit) this.known.delete(this.known.keys().next().value!);
  }
}
