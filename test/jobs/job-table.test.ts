import { eq } from 'drizzle-orm';
import { JobTable } from '../../src/jobs/job-table.js';
import { inbox } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

describe.each(databaseTargets())('durable job claiming on $name', ({ open }) => {
  let db: DatabaseHandle;
  const t0 = new Date('2026-11-02T10:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    await db.db.insert(inbox).values({ dedupeKey: 'k1', kind: 'x', payload: {}, availableAt: t0 });
  });

  it('lets a stale worker neither complete nor fail a job another worker took over (fencing by attempt)', async () => {
    const a = new JobTable(db.db, 'inbox', 'worker-a');
    const b = new JobTable(db.db, 'inbox', 'worker-b');
    const claimA = await a.claim(at(0), 1000);
    expect(claimA?.attempt).toBe(1);
    expect(await b.claim(at(500), 1000)).toBeNull(); // lease still held
    const claimB = await b.claim(at(1500), 1000); // lease expired: taken over
    expect(claimB?.attempt).toBe(2);
    expect(await a.complete(claimA!, at(1600))).toBe(false);
    expect(await a.fail(claimA!, at(1600), 'late', 0, 5)).toBe('stale');
    expect(await b.complete(claimB!, at(1700))).toBe(true);
    const [row] = await db.db.select().from(inbox).where(eq(inbox.dedupeKey, 'k1'));
    expect(row).toMatchObject({ status: 'done', attempt: 2, lockedBy: 'worker-b' });
  });

  it('retries with a delay and buries a job after its last attempt', async () => {
    const w = new JobTable(db.db, 'inbox', 'w');
    let claim = await w.claim(at(0), 1000);
    expect(await w.fail(claim!, at(10), 'boom', 5000, 2)).toBe('retry');
    expect(await w.claim(at(100), 1000)).toBeNull();
    claim = await w.claim(at(6000), 1000);
    expect(claim?.attempt).toBe(2);
    expect(await w.fail(claim!, at(6010), 'boom again', 5000, 2)).toBe('dead');
    expect(await w.claim(at(60_000), 1000)).toBeNull();
    const [row] = await db.db.select().from(inbox);
    expect(row).toMatchObject({ status: 'dead', lastError: 'boom again' });
  });

  it('hands each job to exactly one of several concurrent claimers', async () => {
    await db.db.insert(inbox).values(Array.from({ length: 30 }, (_, i) => ({ dedupeKey: `m${i}`, kind: 'x', payload: {}, availableAt: t0 })));
    const workers = ['a', 'b', 'c'].map((id) => new JobTable(db.db, 'inbox', id));
    const seen: string[] = [];
    await Promise.all(workers.map(async (w) => {
      for (;;) {
        const claim = await w.claim(at(0), 60_000);
        if (!claim) return;
        seen.push(claim.id);
        await w.complete(claim, at(1));
      }
    }));
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
  });
});
