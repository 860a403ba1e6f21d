import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { FREIN_CATEGORIES, OBSERVATION_CATEGORIES, SPECIAL_CATEGORIES } from '../../src/core/domain/taxonomy.js';
import { sensitivityOf } from '../../src/core/domain/sensitivity.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { alerts, attendance, incidents, observations, productionEntries, shiftNotes } from '../../src/storage/schema/index.js';
import { DEMO_ROSTER } from '../../src/demo/demo-roster.js';
import { createHarness, replyText } from '../support/relais-harness.js';
import { openTestPglite } from '../support/test-database.js';

const CANARIES = ['zorglub', 'quetzal', 'wombat', 'xylophage', 'brontosaure', 'pangolin'];
const QUOTE_CANARY = 'citationsecrete';
const t = createTranslator('fr');
const RESTRICTED_LABELS = [...FREIN_CATEGORIES, ...SPECIAL_CATEGORIES].map((c) => t(`category.${c}`));
const LAST_NAMES = DEMO_ROSTER.map((r) => r.lastName);

const recordArb = fc.record({
  status: fc.constantFrom('confirmed', 'confirmed', 'draft', 'discarded'),
  day: fc.integer({ min: 0, max: 4 }),
  observations: fc.array(fc.record({ person: fc.nat(5), category: fc.constantFrom(...OBSERVATION_CATEGORIES), positive: fc.boolean(), canary: fc.nat(CANARIES.length - 1) }), { maxLength: 6 }),
  alerts: fc.array(fc.record({ person: fc.nat(5), canary: fc.nat(CANARIES.length - 1) }), { maxLength: 2 }),
  incidents: fc.array(fc.nat(CANARIES.length - 1), { maxLength: 2 }),
  // A leaky engine may turn words of a confidential quote into an activity.
  production: fc.array(fc.record({ leak: fc.option(fc.nat(CANARIES.length - 1), { nil: null }), quantity: fc.integer({ min: 1, max: 500 }) }), { maxLength: 3 }),
  attendance: fc.array(fc.record({ person: fc.nat(5), status: fc.constantFrom('present', 'absent', 'late', 'left_early') }), { maxLength: 6 }),
});

describe('digest privacy', () => {
  it('never lets a quote, a frein, health, justice, an alert or a last name reach a daily or weekly digest', async () => {
    const db = await openTestPglite();
    const h = await createHarness(db);
    try {
      const structure = await h.relais.stores.roster.defaultStructure();
      const teamId = await h.teamId('espaces-verts');
      const author = h.id('demo-eti-ev');
      const people = ['demo-s01', 'demo-s02', 'demo-s03', 'demo-s04', 'demo-s05', 'demo-s06'].map((k) => h.id(k));
      const dates = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];
      await fc.assert(fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 4 }), fc.boolean(), async (notes, firstNames) => {
        for (const table of [observations, alerts, incidents, productionEntries, attendance, shiftNotes]) await db.db.delete(table);
        for (const n of notes) {
          const noteId = randomUUID();
          const date = dates[n.day]!;
          await db.db.insert(shiftNotes).values({ id: noteId, structureId: structure.id, teamId, authorId: author, shiftDate: date, status: n.status, platform: 'test', platformEventId: noteId });
          const quote = (i: number) => `${CANARIES[i]} ${QUOTE_CANARY} ${CANARIES[(i + 1) % CANARIES.length]}`;
          if (n.observations.length) {
            await db.db.insert(observations).values(n.observations.map((o) => ({
              noteId, personId: people[o.person]!, authorId: author, date, category: o.category, polarity: o.positive ? 'positive' : 'negative',
              evidence: sensitivityOf(o.category) === 'team' ? `${QUOTE_CANARY} bon travail` : quote(o.canary), sensitivity: sensitivityOf(o.category),
            })));
          }
          if (n.alerts.length) await db.db.insert(alerts).values(n.alerts.map((a) => ({ noteId, personId: people[a.person]!, date, topic: 'logement', evidence: quote(a.canary) })));
          if (n.incidents.length) await db.db.insert(incidents).values(n.incidents.map((i) => ({ noteId, teamId, date, kind: 'other', personIds: [people[0]!], evidence: quote(i) })));
          // Leaked activities only use words that are in a confidential quote of the period.
          const leakable = [...n.observations.filter((o) => sensitivityOf(o.category) !== 'team').map((o) => o.canary), ...n.alerts.map((a) => a.canary), ...n.incidents];
          if (n.production.length) {
            await db.db.insert(productionEntries).values(n.production.map((p, i) => ({
              noteId, teamId, date, quantity: p.quantity, unit: 'm2',
              activity: p.leak !== null && leakable.length ? `tonte ${CANARIES[leakable[p.leak % leakable.length]!]}` : i % 2 ? 'tonte' : 'taille de haies',
            })));
          }
          if (n.attendance.length) await db.db.insert(attendance).values(n.attendance.map((a) => ({ noteId, personId: people[a.person]!, teamId, date, status: a.status })));
        }
        const base = (await h.relais.digests.store.teamSchedule(teamId))!;
        await h.relais.digests.store.saveTeamSettings(teamId, { ...base.settings, absenceFirstNames: firstNames }, base.timezone);
        const texts: string[] = [];
        const team = (await h.relais.digests.store.teamSchedule(teamId))!;
        for (const date of dates) texts.push(replyText((await h.relais.digests.useCases.buildDailyDigest.forTeam(team, date)).reply));
        texts.push(replyText((await h.relais.digests.useCases.buildWeeklyDigest.forStructure(structure.id, { from: dates[0]!, to: '2026-11-08' })).reply));
        for (const text of texts) {
          const lower = text.toLowerCase();
          for (const word of [...CANARIES, QUOTE_CANARY]) expect(lower).not.toContain(word);
          for (const label of RESTRICTED_LABELS) expect(text).not.toContain(label);
          for (const last of LAST_NAMES) expect(text).not.toContain(last);
        }
      }), { numRuns: 25 });
    } finally {
      await db.close();
    }
  });
});
