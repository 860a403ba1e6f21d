import type { Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { paris, tickAt } from '../support/scheduler-clock.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const isReminder = (r: Reply) => replyText(r).includes("je n'ai pas encore reçu ta note");

describe('end-of-shift reminders', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { now: paris('2026-11-16T16:00') });
  });

  const at = (local: string) => tickAt(h, local);
  const reminders = async (key: string) => (await h.dm(key)).filter(isReminder);

  it('sends one reminder with buttons, and one more an hour after a snooze', async () => {
    await at('2026-11-16T16:59');
    expect(await reminders('demo-eti-rc')).toHaveLength(0);
    await at('2026-11-16T17:00');
    const [first] = await reminders('demo-eti-rc');
    expect(first!.blocks.find((b) => b.type === 'actions')).toMatchObject({ elements: [
      { action: 'reminder.write', label: 'Écrire ma note' }, { action: 'reminder.snooze' }, { action: 'reminder.off' },
    ] });
    await at('2026-11-16T17:05');
    expect(await reminders('demo-eti-rc')).toHaveLength(1);
    await h.click('demo-eti-rc', 'reminder.snooze', '2026-11-16');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain('je te le rappelle vers 18:05');
    await at('2026-11-16T18:00');
    expect(await reminders('demo-eti-rc')).toHaveLength(1);
    await at('2026-11-16T18:06');
    expect(await reminders('demo-eti-rc')).toHaveLength(2);
    await at('2026-11-16T18:30');
    expect(await reminders('demo-eti-rc')).toHaveLength(2);
  });

  it('does not remind someone who already wrote, nor during quiet hours, nor on a holiday', async () => {
    await h.say('demo-eti-ev', 'tout le monde là, 100 m2 de tonte au parc');
    await h.drain();
    await h.say('demo-eti-rc', '/relais équipe réglages heures_calmes=16:30-08:00');
    await h.drain();
    await at('2026-11-16T17:10');
    expect(await reminders('demo-eti-ev')).toHaveLength(0);
    expect(await reminders('demo-eti-rc')).toHaveLength(0);
    await at('2026-11-11T17:10'); // Armistice
    expect(await reminders('demo-eti-ev')).toHaveLength(0);
  });

  it('can be switched off and on by command, and skipped when too late', async () => {
    await h.say('demo-eti-ev', '/relais rappels non');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('Rappels désactivés');
    await at('2026-11-16T17:00');
    expect(await reminders('demo-eti-ev')).toHaveLength(0);
    expect(await reminders('demo-eti-rc')).toHaveLength(1);
    await h.say('demo-eti-ev', '/relais rappels oui');
    await h.drain();
    await h.say('demo-eti-ev', '/relais rappels');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('sont actifs');
    // Tuesday: the instance was down from 16:50 to 17:45 (45 min late, window 30): no reminder late in the evening.
    await at('2026-11-17T17:45');
    expect(await reminders('demo-eti-ev')).toHaveLength(0);
  });
});
