import { parseIntent, quickEntryText } from '../../src/conversation/intent/parse-intent.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

describe('quick entries', () => {
  test.each([
    ['prod', '300 m2 tonte parc Nord', '300 m2 tonte parc Nord'],
    ['absent', 'Nadia justifié', 'Nadia absent, absence justifiée'],
    ['absent', 'Nadia injustifiée', 'Nadia absent sans prévenir'],
    ['absent', 'Karim', 'Karim absent'],
    ['retard', 'Karim 20', 'Karim en retard de 20 minutes'],
    ['retard', 'Karim', 'Karim en retard'],
  ])('/relais %s %s', (command, args, text) => {
    expect(quickEntryText(command, args)).toBe(text);
  });

  it('start a note, or join the draft waiting', () => {
    expect(parseIntent('/relais retard Karim 20', { hasDraft: false, canWriteNotes: true })).toEqual({ kind: 'note', text: 'Karim en retard de 20 minutes' });
    expect(parseIntent('/relais prod 2 bennes de tri', { hasDraft: true, canWriteNotes: true })).toEqual({ kind: 'append-to-draft', text: '2 bennes de tri' });
    expect(parseIntent('/relais absent', { hasDraft: false, canWriteNotes: true })).toEqual({ kind: 'help' });
  });
});

describe('quick entries through the conversation, with the rules engine', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db);
  });

  it('builds one draft from three commands, then it is confirmed like any note', async () => {
    await h.say('demo-eti-ev', '/relais retard Moussa 20');
    await h.drain();
    await h.say('demo-eti-ev', '/relais prod 300 m2 tonte parc Nord');
    await h.drain();
    await h.say('demo-eti-ev', '/relais absent Inès justifié');
    await h.drain();
    const notes = await db.db.select().from(shiftNotes);
    expect(notes).toHaveLength(1);
    const x = (notes[0]!.draft as { extraction: { attendance: Array<{ person: string; status: string; minutes: number | null; excused: boolean | null }>; production: unknown[] } }).extraction;
    expect(x.attendance.map((a) => [a.person, a.status, a.minutes, a.excused])).toEqual([
      [h.id('demo-s03'), 'late', 20, null], [h.id('demo-s02'), 'absent', null, true],
    ]);
    expect(x.production).toEqual([{ activity: 'tonte', quantity: 300, unit: 'm2' }]);
    await h.click('demo-eti-ev', 'note.confirm', notes[0]!.id);
    await h.drain();
    expect((await db.db.select().from(shiftNotes))[0]!.status).toBe('confirmed');
  });
});
