import type { Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { learningSessions } from '../../src/storage/schema/index.js';
import { paris, tickAt } from '../support/scheduler-clock.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const isSessionReminder = (r: Reply) => replyText(r).startsWith('Rappel : demain');

describe('the séance reminder, the day before', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { now: paris('2026-11-02T10:00') });
  });

  const at = (local: string) => tickAt(h, local);

  it('reminds the trainer once, at the team reminder time the day before a validated séance', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const [session] = await db.db.select().from(learningSessions);
    await h.click('demo-eti-ev', 'session.confirm', session!.id);
    await h.drain();

    await at('2026-11-03T17:05');
    expect((await h.dm('demo-eti-ev')).filter(isSessionReminder)).toHaveLength(0);
    await at('2026-11-04T17:05');
    await at('2026-11-04T17:10');
    const reminders = (await h.dm('demo-eti-ev')).filter(isSessionReminder);
    expect(reminders).toHaveLength(1);
    expect(replyText(reminders[0]!)).toMatch(/demain 5 novembre 2026.*taille de haies.*Lucas.*Moussa/is);
    // Only the trainer: nobody else gets it.
    expect((await h.dm('demo-eti-rc')).filter(isSessionReminder)).toHaveLength(0);
  });

  it('says nothing about a séance that was never validated', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    await at('2026-11-04T17:05');
    expect((await h.dm('demo-eti-ev')).filter(isSessionReminder)).toHaveLength(0);
  });
});
