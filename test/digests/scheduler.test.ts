import { and, desc, eq, like } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { buildRelais } from '../../src/app/composition-root.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Logger } from '../../src/core/ports/logger.js';
import type { Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { outbox, scheduleRuns, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { databaseTargets, openTestPglite, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

const extractor = scriptedExtractor((_note, who) => ({
  attendance: [{ person: who('Lucas'), status: 'present' as const, excused: null, minutes: null }],
  production: [{ activity: 'tonte', quantity: 100, unit: 'm2' as const }],
}));

function recordingLogger(lines: Array<{ level: string; fields: Record<string, unknown>; message: string }>): Logger {
  const logger: Logger = {
    debug: () => undefined,
    info: (fields, message) => { lines.push({ level: 'info', fields, message }); },
    warn: (fields, message) => { lines.push({ level: 'warn', fields, message }); },
    error: (fields, message) => { lines.push({ level: 'error', fields, message }); },
    child: () => logger,
  };
  return logger;
}

const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toUTC().toISO()!;
const isDigest = (r: Reply) => r.text.startsWith('Résumé du jour');
const isReminder = (r: Reply) => replyText(r).includes("je n'ai pas encore reçu ta note");

async function writeAndConfirm(h: Harness, key: string, db: DatabaseHandle) {
  await h.say(key, 'tout le monde là, 100 m2 de tonte au parc');
  await h.drain();
  const [note] = await db.db.select().from(shiftNotes).where(eq(shiftNotes.authorId, h.id(key))).orderBy(desc(shiftNotes.createdAt)).limit(1);
  await h.click(key, 'note.confirm', note!.id);
  await h.drain();
}

describe('scheduler: a week of digests and reminders', () => {
  let db: DatabaseHandle;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => truncateAll(db));

  it('posts each working day once, skips the holiday, reminds only who has not written, and sends direction its weekly digest', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-11-09T06:00') });
    const scheduler = h.relais.digests.scheduler();
    // Week of 9 November 2026: Wednesday 11 is Armistice.
    // Every 30 minutes around the end of the day, every 3 hours otherwise.
    const step = (at: DateTime): DateTime => {
      const hour = at.setZone('Europe/Paris').hour;
      return at.plus({ minutes: hour >= 15 && hour < 19 ? 30 : 180 }) as DateTime;
    };
    for (let at: DateTime = DateTime.fromISO(paris('2026-11-09T06:00')); at < DateTime.fromISO(paris('2026-11-14T10:00')); at = step(at)) {
      h.clock.set(at.toISO()!);
      const local = at.setZone('Europe/Paris');
      const weekday = local.weekday;
      if (local.toFormat('HH:mm') === '16:00' && [1, 2, 5].includes(weekday)) await writeAndConfirm(h, 'demo-eti-ev', db);
      const report = await scheduler.tick();
      if (report.digests + report.reminders + report.weekly > 0) await h.drain();
      // Thursday: Bruno forgot; the 17:00 reminder comes, then he writes.
      if (local.toFormat('HH:mm') === '17:00' && weekday === 4) await writeAndConfirm(h, 'demo-eti-ev', db);
      // Tuesday: Sonia switches reminders off from the button.
      if (local.toFormat('HH:mm') === '17:00' && weekday === 2) {
        await h.click('demo-eti-rc', 'reminder.off', '2026-11-10');
        await h.drain();
      }
    }
    const digests = (await h.channel('espaces-verts')).filter(isDigest);
    expect(digests.map((d) => d.text)).toEqual([
      'Résumé du jour — Espaces verts, lundi 9 novembre',
      'Résumé du jour — Espaces verts, mardi 10 novembre',
      'Résumé du jour — Espaces verts, jeudi 12 novembre',
      'Résumé du jour — Espaces verts, vendredi 13 novembre',
    ]);
    expect(replyText(digests[0]!)).toContain('tonte — 100 m²');
    expect(replyText(digests[3]!)).toContain('tonte — 400 m² depuis lundi');
    // Recyclerie wrote nothing: the scheduler stays quiet rather than posting empty digests.
    expect((await h.channel('recyclerie')).filter(isDigest)).toHaveLength(0);
    expect((await h.dm('demo-eti-ev')).filter(isReminder)).toHaveLength(1);
    const sonia = await h.dm('demo-eti-rc');
    expect(sonia.filter(isReminder)).toHaveLength(2);
    expect(replyText(sonia.at(-1)!)).toContain('Rappels désactivés');
    const weekly = (await h.dm('demo-dir')).filter((r) => r.text.startsWith('Bilan de la semaine'));
    expect(weekly).toHaveLength(1);
    expect(replyText(weekly[0]!)).toContain('Taux de présence : 100 % (4/4 journées)');
    const runs = await db.db.select().from(scheduleRuns).where(eq(scheduleRuns.job, 'digest'));
    expect(runs.filter((r) => r.runKey.endsWith('2026-11-11'))).toHaveLength(0);
    expect(runs.filter((r) => r.status === 'done')).toHaveLength(4);
  }, 180_000);

  it('keeps 17:30 local time across the October change', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-10-23T16:00') });
    const scheduler = h.relais.digests.scheduler();
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set('2026-10-23T15:29:00Z');
    await scheduler.tick();
    h.clock.set('2026-10-23T15:30:00Z'); // 17:30 summer time
    expect((await scheduler.tick()).digests).toBe(1);
    h.clock.set(paris('2026-10-26T16:00'));
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set('2026-10-26T15:30:00Z'); // 16:30 winter time: not yet
    expect((await scheduler.tick()).digests).toBe(0);
    h.clock.set('2026-10-26T16:30:00Z'); // 17:30 winter time
    expect((await scheduler.tick()).digests).toBe(1);
  });

  it('keeps 17:30 local time across the March change', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-03-30T16:00') });
    const scheduler = h.relais.digests.scheduler();
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set('2026-03-30T16:29:00Z'); // 18:29 summer time, still within catch-up of 17:30? no: 59 min late
    const late = await scheduler.tick();
    expect(late).toMatchObject({ digests: 0, skipped: expect.any(Number) });
    expect(late.skipped).toBeGreaterThan(0);
    h.clock.set(paris('2026-03-31T16:00'));
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set('2026-03-31T15:29:00Z');
    expect((await scheduler.tick()).digests).toBe(0);
    h.clock.set('2026-03-31T15:30:00Z'); // 17:30 summer time
    expect((await scheduler.tick()).digests).toBe(1);
  });
});

describe('scheduler: restarts', () => {
  let db: DatabaseHandle;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => truncateAll(db));

  async function restartedInstance(h: Harness, name: string, logger: Logger) {
    const loaded = loadConfig({ RELAIS_ENV: 'test' });
    if (!loaded.ok) throw new Error('config');
    const relais = await buildRelais(loaded.config, { database: db, logger, clock: h.clock, migrate: false, extractor, workerId: name });
    return relais.digests.scheduler();
  }

  it('catches up once when back within the window, skips with a log line when later', async () => {
    const lines: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
    const h = await createHarness(db, { extractor, now: paris('2026-11-02T16:00'), logger: recordingLogger(lines) });
    await writeAndConfirm(h, 'demo-eti-ev', db);
    // Down from 17:20 to 17:50 (20 minutes late): posted once on restart.
    h.clock.set(paris('2026-11-02T17:50'));
    const first = await restartedInstance(h, 'after-crash', recordingLogger(lines));
    expect((await first.tick()).digests).toBe(1);
    h.clock.set(paris('2026-11-02T17:55'));
    expect((await (await restartedInstance(h, 'again', recordingLogger(lines))).tick()).digests).toBe(0);
    await h.drain();
    expect((await h.channel('espaces-verts')).filter(isDigest)).toHaveLength(1);

    // Tuesday: down until 18:10 (40 minutes late, window 30): skipped, said in the log, never posted later.
    h.clock.set(paris('2026-11-03T16:00'));
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set(paris('2026-11-03T18:10'));
    const late = await restartedInstance(h, 'late', recordingLogger(lines));
    expect(await late.tick()).toMatchObject({ digests: 0 });
    const ev = `${await h.teamId('espaces-verts')}:2026-11-03`;
    const skipped = lines.filter((l) => l.level === 'warn' && l.message.includes('skipped') && l.fields['runKey'] === ev && l.fields['job'] === 'digest');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.fields).toMatchObject({ lateMinutes: 40, catchUpMinutes: 30 });
    h.clock.set(paris('2026-11-03T18:20'));
    await late.tick();
    await h.drain();
    expect((await h.channel('espaces-verts')).filter(isDigest)).toHaveLength(1);
    expect(lines.filter((l) => l.message.includes('skipped') && l.fields['job'] === 'digest' && l.fields['runKey'] === ev)).toHaveLength(1);
    // Nothing in the log carries a name or note text.
    expect(JSON.stringify(lines)).not.toMatch(/Bruno|Lucas|tonte|Carrel/);
  }, 120_000);

  it('never posts twice whatever the restarts around the scheduled time', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-11-04T16:00') });
    await writeAndConfirm(h, 'demo-eti-ev', db);
    // Seeded pseudo-random restarts between 17:00 and 18:30, ticks every 1 to 7 minutes.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let scheduler = await restartedInstance(h, 'i0', recordingLogger([]));
    for (let at: DateTime = DateTime.fromISO(paris('2026-11-04T17:00')), i = 1; at < DateTime.fromISO(paris('2026-11-04T18:30')); at = at.plus({ minutes: 1 + Math.floor(random() * 7) }), i++) {
      h.clock.set(at.toISO()!);
      if (random() < 0.4) scheduler = await restartedInstance(h, `i${i}`, recordingLogger([]));
      await scheduler.tick();
      if (random() < 0.5) await h.drain();
    }
    await h.drain();
    expect((await h.channel('espaces-verts')).filter(isDigest)).toHaveLength(1);
    const rows = await db.db.select().from(outbox).where(like(outbox.dedupeKey, `digest:${await h.teamId('espaces-verts')}:2026-11-04%`));
    expect(rows).toHaveLength(1);
  }, 120_000);

  it('waits for a note confirmed a little after the digest time, within the window', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-11-05T17:30') });
    const scheduler = h.relais.digests.scheduler();
    expect((await scheduler.tick()).digests).toBe(0);
    h.clock.set(paris('2026-11-05T17:45'));
    await writeAndConfirm(h, 'demo-eti-ev', db);
    h.clock.set(paris('2026-11-05T17:50'));
    expect((await scheduler.tick()).digests).toBe(1);
    // Recyclerie wrote nothing: after the window the day is let go, quietly and once.
    h.clock.set(paris('2026-11-05T18:10'));
    await scheduler.tick();
    const runs = await db.db.select().from(scheduleRuns).where(and(eq(scheduleRuns.job, 'digest'), eq(scheduleRuns.runKey, `${await h.teamId('recyclerie')}:2026-11-05`)));
    expect(runs).toMatchObject([{ job: 'digest', status: 'skipped', note: 'no-confirmed-records' }]);
  }, 120_000);

  it('a digest posted by hand is not posted again by the scheduler', async () => {
    const h = await createHarness(db, { extractor, now: paris('2026-11-05T16:00') });
    await writeAndConfirm(h, 'demo-eti-ev', db);
    await h.say('demo-eti-ev', '/relais digest publier');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('publié');
    h.clock.set(paris('2026-11-05T17:31'));
    expect((await h.relais.digests.scheduler().tick()).digests).toBe(0);
    await h.drain();
    expect((await h.channel('espaces-verts')).filter(isDigest)).toHaveLength(1);
  });
});

describe.each(databaseTargets())('scheduler: two instances racing on $name', ({ open }) => {
  beforeAll(() => warnIfPostgresSkipped());
  it('only one instance posts a given run', async () => {
    const db = await open();
    try {
      const h = await createHarness(db, { extractor, now: paris('2026-11-06T16:00') });
      await writeAndConfirm(h, 'demo-eti-ev', db);
      const loaded = loadConfig({ RELAIS_ENV: 'test' });
      if (!loaded.ok) throw new Error('config');
      const other = await buildRelais(loaded.config, { database: db, clock: h.clock, migrate: false, extractor, workerId: 'b', logger: recordingLogger([]) });
      h.clock.set(paris('2026-11-06T17:31'));
      const reports = await Promise.all([h.relais.digests.scheduler().tick(), other.digests.scheduler().tick(), h.relais.digests.scheduler().tick()]);
      expect(reports.reduce((n, r) => n + r.digests, 0)).toBe(1);
      const teamId = await h.teamId('espaces-verts');
      const runs = await db.db.select().from(scheduleRuns).where(and(eq(scheduleRuns.job, 'digest'), eq(scheduleRuns.runKey, `${teamId}:2026-11-06`)));
      expect(runs).toHaveLength(1);
      expect(await db.db.select().from(outbox).where(like(outbox.dedupeKey, `digest:${teamId}:2026-11-06%`))).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
