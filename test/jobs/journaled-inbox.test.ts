import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { silentLogger } from '../../src/core/ports/logger.js';
import { DrizzleInbox } from '../../src/jobs/drizzle-inbox.js';
import { IntakeJournal, type WrittenEntry } from '../../src/jobs/intake-journal.js';
import { JournaledInbox, type InboxTable } from '../../src/jobs/journaled-inbox.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { openPglite } from '../../src/storage/open-pglite.js';
import { FakeClock } from '../support/fake-clock.js';

/** The inbox table, which the test can make refuse (database unavailable) or hold (slow). */
class FlakyTable implements InboxTable {
  failing = false;
  restores = 0;
  constructor(private readonly table: DrizzleInbox) {}
  async restore(entries: readonly WrittenEntry[]): Promise<void> {
    this.restores++;
    if (this.failing) throw new Error('connection refused');
    await this.table.restore(entries);
  }
  keysSince(since: Date) { return this.table.keysSince(since); }
  statusOf(key: string) { return this.table.statusOf(key); }
}

describe('the journaled inbox: acknowledged from a file append, moved to the table in the background', () => {
  let db: DatabaseHandle;
  let dir: string;
  const clock = new FakeClock('2026-11-29T07:00:00Z');
  beforeAll(async () => {
    db = await openPglite(undefined);
    await db.migrate();
  }, 60_000);
  afterAll(async () => db.close());
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-journaled-'));
    await db.db.execute(sql`delete from relais.inbox`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const rows = async () => (await db.db.execute(sql`select id, dedupe_key, kind, payload, status from relais.inbox order by dedupe_key`) as unknown as {
    rows: Array<{ id: string; dedupe_key: string; kind: string; payload: Record<string, unknown>; status: string }>;
  }).rows;
  const item = (n: number) => ({ dedupeKey: `slack:Ev${String(n).padStart(3, '0')}`, kind: 'incoming', payload: { text: `note ${n}` } });
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('answers at once, says when an event was already received, and moves each event to the table once', async () => {
    let woken = 0;
    const inbox = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock, () => { woken++; }), { clock, logger: silentLogger });
    await inbox.recover();
    const first = await inbox.enqueue(item(1));
    expect(first.created).toBe(true);
    expect(await inbox.enqueue(item(1))).toEqual({ created: false, id: first.id });
    expect(await inbox.statusOf('slack:Ev001')).toBe('pending');
    await inbox.enqueue(item(2));
    await until(async () => (await rows()).length === 2);
    expect((await rows()).map((r) => [r.dedupe_key, r.kind, r.payload, r.status])).toEqual([
      ['slack:Ev001', 'incoming', { text: 'note 1' }, 'pending'], ['slack:Ev002', 'incoming', { text: 'note 2' }, 'pending'],
    ]);
    expect((await rows())[0]!.id).toBe(first.id);
    expect(woken).toBeGreaterThan(0);
    expect(inbox.waiting).toBe(0);
    // Once stored, nothing is left in the journal's folder.
    expect(readdirSync(dir)).toEqual([]);
    expect(await inbox.enqueue(item(2))).toMatchObject({ created: false });
  });

  it('after a crash, stores at the next start exactly the events the dead process acknowledged', async () => {
    const table = new FlakyTable(new DrizzleInbox(db.db, clock));
    const dead = new JournaledInbox(new IntakeJournal(dir), table, { clock, logger: silentLogger });
    await dead.recover();
    // The database is gone before the events could be moved: they were acknowledged all the same.
    table.failing = true;
    for (let n = 1; n <= 20; n++) expect((await dead.enqueue(item(n))).created).toBe(true);
    await expect(dead.flush()).rejects.toThrow('connection refused');
    dead.stop();
    expect(await rows()).toEqual([]);

    const next = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock), { clock, logger: silentLogger });
    expect(await next.recover()).toBe(20);
    expect((await rows()).map((r) => r.dedupe_key)).toEqual(Array.from({ length: 20 }, (_, i) => item(i + 1).dedupeKey));
    // A redelivery of an event the dead process received is recognised by the new one.
    expect(await next.enqueue(item(7))).toMatchObject({ created: false });
    // Recovering again (another crash right after) stores nothing twice.
    const third = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock), { clock, logger: silentLogger });
    expect(await third.recover()).toBe(0);
    expect(await rows()).toHaveLength(20);
  });

  it('keeps acknowledging while the database refuses, and stores everything once it is back', async () => {
    const table = new FlakyTable(new DrizzleInbox(db.db, clock));
    const inbox = new JournaledInbox(new IntakeJournal(dir), table, { clock, logger: silentLogger, retryMs: 20 });
    await inbox.recover();
    table.failing = true;
    for (let n = 1; n <= 5; n++) await inbox.enqueue(item(n));
    await until(async () => table.restores >= 2);
    expect(inbox.waiting).toBe(5);
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    await inbox.enqueue(item(6));
    table.failing = false;
    await until(async () => (await rows()).length === 6);
    expect(await rows()).toHaveLength(6);
    expect(inbox.waiting).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
    inbox.stop();
  });

  it('moves a large backlog in statements of 100 rows; a failure midway keeps the journal whole, and nothing is stored twice', async () => {
    class FailsOnce extends FlakyTable {
      sizes: number[] = [];
      override async restore(entries: readonly WrittenEntry[]): Promise<void> {
        this.sizes.push(entries.length);
        this.failing = this.sizes.length === 2;
        await super.restore(entries);
      }
    }
    const table = new FailsOnce(new DrizzleInbox(db.db, clock));
    // Requests keep coming: nothing moves in the background, only the explicit flush.
    const inbox = new JournaledInbox(new IntakeJournal(dir), table, { clock, logger: silentLogger, giveWay: () => new Promise(() => undefined) });
    await inbox.recover();
    for (let n = 1; n <= 250; n++) await inbox.enqueue(item(n));
    await expect(inbox.flush()).rejects.toThrow('connection refused');
    expect(table.sizes).toEqual([100, 100]);
    expect(await rows()).toHaveLength(100);
    expect(inbox.waiting).toBe(150);
    inbox.stop();
    // The process dies here: the next start stores the 250, the first 100 only once.
    const next = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock), { clock, logger: silentLogger });
    expect(await next.recover()).toBe(250);
    expect(new Set((await rows()).map((r) => r.dedupe_key)).size).toBe(250);
    expect(await rows()).toHaveLength(250);
  });

  it('moves nothing while a platform request is being answered (acknowledgements first)', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const inbox = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock), { clock, logger: silentLogger, giveWay: () => gate });
    await inbox.recover();
    await inbox.enqueue(item(1));
    await new Promise((r) => setTimeout(r, 50));
    expect(await rows()).toEqual([]);
    open();
    await until(async () => (await rows()).length === 1);
    expect(await rows()).toHaveLength(1);
  });

  it('stores an event whose text PostgreSQL would refuse in jsonb, cleaned, rather than lose it', async () => {
    const inbox = new JournaledInbox(new IntakeJournal(dir), new DrizzleInbox(db.db, clock), { clock, logger: silentLogger });
    await inbox.recover();
    await inbox.enqueue({ dedupeKey: 'slack:EvNul', kind: 'incoming', payload: { text: 'tonte\u0000 finie \ud83d' } });
    await inbox.enqueue(item(1));
    await inbox.flush();
    expect((await rows()).map((r) => r.payload)).toEqual([{ text: 'note 1' }, { text: 'tonte finie \ufffd' }]);
  });
});
