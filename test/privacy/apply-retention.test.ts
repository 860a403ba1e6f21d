import { eq } from 'drizzle-orm';
import { createApplyRetention, yearsBefore } from '../../src/core/use-cases/apply-retention/apply-retention.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleAuditTrail } from '../../src/storage/audit/drizzle-audit-trail.js';
import { DrizzlePersonDataStore } from '../../src/storage/privacy/drizzle-person-data-store.js';
import { DrizzleRetentionStore } from '../../src/storage/privacy/drizzle-retention-store.js';
import { inbox, observations, people, shiftNotes } from '../../src/storage/schema/index.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { startDailyRetention } from '../../src/jobs/daily-retention.js';
import { FakeClock } from '../support/fake-clock.js';
import { seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

describe('yearsBefore', () => {
  it('keeps the day, and turns 29 February into 28 February', () => {
    expect(yearsBefore('2029-01-15', 2)).toBe('2027-01-15');
    expect(yearsBefore('2028-02-29', 2)).toBe('2026-02-28');
  });
});

describe.each(databaseTargets())('retention on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  let clock: FakeClock;
  const build = () => createApplyRetention({
    retention: new DrizzleRetentionStore(handle.db), personData: new DrizzlePersonDataStore(handle.db), clock,
    policy: { retentionYears: 2, noteTextRetentionDays: 30, timezone: 'Europe/Paris' },
  });

  beforeAll(async () => {
    handle = await open();
  });
  beforeEach(async () => {
    await truncateAll(handle);
    world = await seedWorld(handle);
    // Records created "today" must not count as a recent contact for this test's far future dates.
    await handle.db.update(people).set({ createdAt: new Date('2026-01-01T00:00:00Z') });
    clock = new FakeClock('2026-12-05T10:00:00Z');
  });
  afterAll(async () => handle.close());

  const person = async (id: string) => (await handle.db.select().from(people).where(eq(people.id, id)))[0]!;

  it('erases a salarié two years after the end of the contract, after a dry run that changes nothing', async () => {
    // Karim's contract ended 2026-11-30; Nadia's ends 2027-03-01.
    clock.set('2028-11-30T10:00:00Z');
    expect((await build()({ dryRun: true })).people).toEqual([]);
    clock.set('2028-12-01T10:00:00Z');
    const preview = await build()({ dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, cutoffDate: '2026-12-01', erasures: [] });
    expect(preview.people.map((p) => [p.id, p.referenceDate])).toEqual([[world.ids.karim, '2026-11-30']]);
    expect((await person(world.ids.karim)).firstName).toBe('Karim');

    const applied = await build()({ dryRun: false });
    expect(applied.erasures.map((e) => e.personId)).toEqual([world.ids.karim]);
    expect(await new DrizzleAuditTrail(handle.db, clock).list({ subjectPersonId: world.ids.karim })).toMatchObject([{ action: 'erase', door: 'scheduler', details: { reason: 'retention' } }]);
    expect(await person(world.ids.karim)).toMatchObject({ firstName: 'Personne', status: 'anonymised', email: null });
    expect((await person(world.ids.nadia)).firstName).toBe('Nadia');
    // Staff are not salariés: their accounts follow the structure's own rules.
    expect((await person(world.ids.etiEv)).firstName).toBe('Bruno');
    expect((await build()({ dryRun: false })).people).toEqual([]);
  });

  it('counts a later observation or the exit date as the last contact', async () => {
    const [note] = await handle.db.insert(shiftNotes).values({
      structureId: world.structureId, authorId: world.ids.etiRc, shiftDate: '2027-02-01', status: 'confirmed', platform: 'test', platformEventId: 'r1',
    }).returning();
    await handle.db.insert(observations).values({
      noteId: note!.id, personId: world.ids.karim, authorId: world.ids.etiRc, date: '2027-02-01', category: 'ponctualite', polarity: 'positive', evidence: 'à l’heure', sensitivity: 'team',
    });
    await handle.db.update(people).set({ exitDate: '2027-06-30', status: 'exited' }).where(eq(people.id, world.ids.nadia));
    clock.set('2029-03-01T10:00:00Z');
    expect((await build()({ dryRun: true })).people.map((p) => p.id)).toEqual([world.ids.karim]);
    clock.set('2029-07-01T10:00:00Z');
    expect((await build()({ dryRun: true })).people.map((p) => [p.id, p.referenceDate])).toEqual([[world.ids.karim, '2027-02-01'], [world.ids.nadia, '2027-06-30']]);
  });

  it('clears the raw text 30 days after confirmation and keeps the structured records', async () => {
    const insertNote = async (id: string, status: string, confirmedAt: Date | null) => (await handle.db.insert(shiftNotes).values({
      structureId: world.structureId, authorId: world.ids.etiEv, shiftDate: '2026-11-10', status, platform: 'test', platformEventId: id,
      rawText: 'Nadia en retard, souci de bus.', confirmedAt,
    }).returning())[0]!.id;
    const old = await insertNote('n1', 'confirmed', new Date('2026-11-10T17:00:00Z'));
    const recent = await insertNote('n2', 'confirmed', new Date('2026-11-20T17:00:00Z'));
    const draft = await insertNote('n3', 'draft', null);
    await handle.db.insert(observations).values({
      noteId: old, personId: world.ids.nadia, authorId: world.ids.etiEv, date: '2026-11-10', category: 'mobilite', polarity: 'negative', evidence: 'souci de bus', sensitivity: 'restricted',
    });
    await handle.db.insert(inbox).values({ dedupeKey: 'test:n1', kind: 'message', payload: { text: 'Nadia en retard, souci de bus.' }, status: 'done', finishedAt: new Date('2026-11-10T17:00:05Z') });
    const text = async (id: string) => (await handle.db.select().from(shiftNotes).where(eq(shiftNotes.id, id)))[0]!;

    clock.set('2026-12-10T16:59:00Z');
    expect(await build()({ dryRun: false })).toMatchObject({ noteTexts: 0, inboxPayloads: 0 });
    clock.set('2026-12-10T17:01:00Z');
    expect(await build()({ dryRun: true })).toMatchObject({ noteTexts: 1, inboxPayloads: 1 });
    expect((await text(old)).rawText).not.toBeNull();
    expect(await build()({ dryRun: false })).toMatchObject({ noteTexts: 1, inboxPayloads: 1 });
    expect(await text(old)).toMatchObject({ rawText: null, textPurgedAt: new Date('2026-12-10T17:01:00Z') });
    expect((await text(recent)).rawText).toBe('Nadia en retard, souci de bus.');
    expect((await text(draft)).rawText).toBe('Nadia en retard, souci de bus.');
    expect((await handle.db.select().from(inbox))[0]!.payload).toEqual({ purged: true });
    expect(await handle.db.select({ evidence: observations.evidence }).from(observations)).toEqual([{ evidence: 'souci de bus' }]);
    expect(await build()({ dryRun: false })).toMatchObject({ noteTexts: 0, inboxPayloads: 0 });
  });

  it('runs the daily job once per day across instances', async () => {
    let runs = 0;
    const job = (instanceId: string) => startDailyRetention({
      db: handle.db, clock, logger: silentLogger, hour: 3, timezone: 'Europe/Paris', instanceId, run: async () => { runs += 1; },
    });
    const a = job('a');
    const b = job('b');
    try {
      expect(await a.runDue()).toBe(true);
      expect(await b.runDue()).toBe(false);
      clock.advance(86_400_000);
      expect(await b.runDue()).toBe(true);
      expect(runs).toBe(2);
    } finally {
      a.stop();
      b.stop();
    }
  });
});
