import { and, eq } from 'drizzle-orm';
import type { CheckInStore } from '../core/ports/check-in-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdentityStore } from '../core/ports/identity-store.js';
import type { Outbox } from '../core/ports/outbox.js';
import type { Database, Executor } from '../storage/database.js';
import { scheduleRuns } from '../storage/schema/index.js';
import { DrizzleCheckInStore } from '../storage/stores/drizzle-check-in-store.js';
import { DrizzleIdentityStore } from '../storage/stores/drizzle-identity-store.js';
import { DrizzleOutbox } from './drizzle-outbox.js';

/** What a run may write, inside its claim's transaction. */
export interface RunStores {
  readonly outbox: Outbox;
  readonly identities: IdentityStore;
  readonly checkIns: CheckInStore;
}

export interface RunClaim {
  readonly job: string;
  readonly runKey: string;
  readonly scheduledFor: Date;
  readonly claimedBy: string;
}

/**
 * One claim per scheduled run: the `schedule_runs` row (unique job + key) and the
 * messages of the run are written in one transaction, so exactly one instance
 * posts, a crash before commit leaves the run to do again, and a run done is
 * never done twice. On PostgreSQL a second instance inserting the same key waits
 * for the first to commit, then finds the row and backs off.
 */
export class ScheduleRuns {
  constructor(
    private readonly db: Database,
    private readonly options: { clock: Clock; playground: boolean; onOutbox?: () => void },
  ) {}

  /** Claims and does the work; `work` may decide there is nothing to send (status `skipped` with its note). */
  async run(claim: RunClaim, work: (stores: RunStores) => Promise<{ sent: number; note?: string }>): Promise<'done' | 'skipped' | 'taken'> {
    let enqueued = false;
    const outcome = await this.db.transaction(async (tx) => {
      const executor = tx as unknown as Executor;
      const now = this.options.clock.now();
      const [row] = await executor.insert(scheduleRuns).values({ ...claim, status: 'claimed' })
        .onConflictDoNothing({ target: [scheduleRuns.job, scheduleRuns.runKey] }).returning({ id: scheduleRuns.id });
      if (!row) return 'taken' as const;
      const identities = new DrizzleIdentityStore(executor);
      const outbox = new DrizzleOutbox(executor, identities, { playground: this.options.playground, clock: this.options.clock, onEnqueued: () => { enqueued = true; } });
      const result = await work({ outbox, identities, checkIns: new DrizzleCheckInStore(executor) });
      const status = result.sent > 0 ? 'done' : 'skipped';
      await executor.update(scheduleRuns).set({ status, note: result.note ?? null, finishedAt: now })
        .where(sqlEq(row.id));
      return status;
    });
    if (enqueued) this.options.onOutbox?.();
    return outcome;
  }

  /** Records a run skipped without work (too late); true when this call recorded it. */
  async skip(claim: RunClaim, note: string): Promise<boolean> {
    const rows = await this.db.insert(scheduleRuns).values({ ...claim, status: 'skipped', note, finishedAt: this.options.clock.now() })
      .onConflictDoNothing({ target: [scheduleRuns.job, scheduleRuns.runKey] }).returning({ id: scheduleRuns.id });
    return rows.length > 0;
  }

  async exists(job: string, runKey: string): Promise<boolean> {
    const rows = await this.db.select({ id: scheduleRuns.id }).from(scheduleRuns)
      .where(and(eq(scheduleRuns.job, job), eq(scheduleRuns.runKey, runKey))).limit(1);
    return rows.length > 0;
  }
}

const sqlEq = (id: number) => eq(scheduleRuns.id, id);
