import { sql } from 'drizzle-orm';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createJobTablesVacuum } from '../../src/jobs/job-tables-vacuum.js';
import { openPglite } from '../../src/storage/open-pglite.js';
import type { DatabaseHandle } from '../../src/storage/database.js';

describe('PGlite job tables are vacuumed (the embedded engine has no autovacuum)', () => {
  let db: DatabaseHandle;
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.migrate();
  }, 60_000);
  afterAll(async () => db.close());

  const vacuums = async (table: string): Promise<number> => {
    const result = await db.db.execute(sql`select vacuum_count from pg_stat_user_tables where schemaname = 'relais' and relname = ${table}`) as unknown as { rows: Array<{ vacuum_count: number | string }> };
    return Number(result.rows[0]?.vacuum_count ?? -1);
  };

  it('vacuums the inbox and the outbox once every `everyJobs` jobs, only when idle', async () => {
    const vacuum = createJobTablesVacuum({ db: db.db, logger: silentLogger, everyJobs: 3 });
    expect(await vacuums('inbox')).toBe(0);
    vacuum.jobDone();
    vacuum.jobDone();
    await vacuum.whenIdle();
    expect(await vacuums('inbox')).toBe(0);
    vacuum.jobDone();
    await vacuum.whenIdle();
    expect(await vacuums('inbox')).toBe(1);
    expect(await vacuums('outbox')).toBe(1);
    // The count starts again: idle once more without new jobs does nothing.
    await vacuum.whenIdle();
    expect(await vacuums('inbox')).toBe(1);
  });
});
