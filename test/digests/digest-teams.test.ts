import { DateTime } from 'luxon';
import { shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { CHANNEL, cardOf, createTeamsHarness, shownText, type TeamsHarness } from '../support/teams-harness.js';
import { cardValidator, errorsOf, haveCardSchema } from '../support/teams-schemas.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const extractor = scriptedExtractor((note, who) => (note.startsWith('Tout le monde') ? {
  attendance: [{ person: who('Lucas'), status: 'present' as const, excused: null, minutes: null }],
  production: [{ activity: 'tonte', quantity: 300, unit: 'm2' as const }],
  observations: [
    { person: who('Lucas'), category: 'securite' as const, polarity: 'positive' as const, evidence: 'Lucas a mis ses EPI' },
    { person: who('Lucas'), category: 'sante' as const, polarity: 'negative' as const, evidence: 'Lucas a mal au dos' },
  ],
} : {}));

const paris = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toUTC().toISO()!;

function expectValidCard(activity: Record<string, unknown>): void {
  if (!haveCardSchema) return;
  const content = cardOf(activity);
  if (content && !cardValidator()(content)) throw new Error(errorsOf(cardValidator()));
}

describe('digests and reminders through the Teams door', () => {
  let db: DatabaseHandle;
  let th: TeamsHarness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    th = await createTeamsHarness(db, { extractor });
  });
  afterEach(async () => th.close());

  it('posts the daily digest as a card in the bound channel and the reminder in the 1:1 chat', async () => {
    const eti = th.user('demo-eti-ev');
    const sonia = th.user('demo-eti-rc');
    th.h.clock.set(paris('2026-11-02T16:00'));
    for (const activity of th.a.installTeam(eti, CHANNEL)) expect((await th.post(activity)).status).toBe(200);
    expect((await th.post(th.a.installPersonal(sonia))).status).toBe(200);
    expect((await th.post(th.a.channelMention(eti, CHANNEL, '/relais équipe lier'))).status).toBe(200);
    expect((await th.post(th.a.personalMessage(eti, 'Tout le monde là, 300 m2 de tonte, Lucas a mis ses EPI, Lucas a mal au dos'))).status).toBe(200);
    await th.h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    const draft = th.connector.shown(th.a.personalConversationId(eti))[0]!;
    expect((await th.post(th.a.execute(eti, 'note.confirm', { value: note!.id }, draft.id))).status).toBe(200);
    await th.h.drain();
    const before = th.connector.shown(CHANNEL.id).length;

    th.h.clock.set(paris('2026-11-02T17:00'));
    await th.h.relais.digests.scheduler().tick();
    await th.h.drain();
    const reminder = th.connector.shown(th.a.personalConversationId(sonia)).at(-1)!;
    expect(shownText(reminder.activity)).toContain("je n'ai pas encore reçu ta note");
    expect(JSON.stringify(reminder.activity)).toContain('"verb":"reminder.snooze"');
    expectValidCard(reminder.activity);

    th.h.clock.set(paris('2026-11-02T17:30'));
    await th.h.relais.digests.scheduler().tick();
    await th.h.drain();
    const posted = th.connector.shown(CHANNEL.id).slice(before);
    expect(posted).toHaveLength(1);
    const text = shownText(posted[0]!.activity);
    expect(text).toContain('Résumé du jour — Espaces verts, lundi 2 novembre');
    expect(text).toContain('tonte — 300 m²');
    expect(text).toContain('Lucas : Sécurité');
    expect(text).not.toMatch(/mal au dos|Santé|Morel/);
    expectValidCard(posted[0]!.activity);

    // Sonia snoozes from the card: the answer comes in her 1:1 chat.
    expect((await th.post(th.a.execute(sonia, 'reminder.snooze', { value: '2026-11-02' }, reminder.id))).status).toBe(200);
    await th.h.drain();
    expect(th.connector.shown(th.a.personalConversationId(sonia)).map((m) => shownText(m.activity)).join('\n')).toContain('je te le rappelle vers 18:30');
  }, 120_000);
});
