import { Cron } from 'croner';
import { sql } from 'drizzle-orm';
import { businessDate } from '../core/domain/business-date.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { Database } from '../storage/database.js';

/**
 * Runs the retention job once a day at `hour` in `timezone`. Several instances may
 * run the timer: the `schedule_runs` row (job, date) lets exactly one of them do it.
 */
export function startDailyRetention(deps: {
  readonly db: Database;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hour: number;
  readonly timezone: string;
  readonly instanceId: string;
  readonly run: () => Promise<unknown>;
}): { stop(): void; runDue(): Promise<boolean> } {
  const runDue = async (): Promise<boolean> => {
    const now = deps.clock.now();
    const claimed = (await deps.db.execute(sql`
      insert into relais.schedule_runs (job, run_key, scheduled_for, claimed_by)
      values ('retention', ${businessDate(now, deps.timezone)}, ${now.toISOString()}, ${deps.instanceId})
      on conflict (job, run_key) do nothing returning id`)) as unknown as { rows: Array<{ id: number }> };
    const id = claimed.rows[0]?.id;
    if (id === undefined) return false;
    try {
      await deps.run();
      await deps.db.execute(sql`update relais.schedule_runs set status = 'done', finished_at = ${deps.clock.now().toISOString()} where id = ${id}`);
    } catch (error) {
      // The error class only: a message could quote data.
      deps.logger.error({ job: 'retention', error: error instanceof Error ? error.name : 'unknown' }, 'retention job failed');
      await deps.db.execute(sql`delete from relais.schedule_runs where id = ${id}`);
    }
    return true;
  };
  const cron = new Cron(`0 ${deps.hour} * * *`, { timezone: deps.timezone, protect: true }, () => {
    void runDue().catch(() => undefined);
  });
  return { stop: () => cron.stop(), runDue };
}
