import fc from 'fast-check';
import { emptyExtraction, type ShiftNoteExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import { BEHAVIOUR_CATEGORIES, FREIN_CATEGORIES, INCIDENT_KINDS } from '../../src/core/domain/taxonomy.js';
import type { ExtractionContext } from '../../src/core/ports/shift-note-extractor.js';
import { ok } from '../../src/core/result.js';
import { alerts, attendance, inbox, incidents, observations, outbox, playgroundMessages, productionEntries, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText } from '../support/relais-harness.js';
import { openTestPglite } from '../support/test-database.js';

const CANARIES = ['zorglub', 'quetzal', 'wombat', 'xylophage', 'brontosaure'];

/**
 * An engine that makes a bad mistake on purpose: the words of a frein it found also
 * become a production activity (as "il a perdu 5 kg" could).
 */
type Plan = { freins: number[]; behaviours: number[]; leakIntoProduction: boolean; incidents: number[] };

function leakyExtractor(current: { plan: Plan }) {
  return {
    async extract(note: string, ctx: ExtractionContext) {
      const { plan } = current;
      const team = ctx.roster.filter((p) => p.role === 'salarie');
      const pick = (i: number) => team[i % team.length]!.id;
      const x: ShiftNoteExtraction = { ...emptyExtraction() };
      const canaryQuote = (i: number) => `${CANARIES[i % CANARIES.length]} dit ${CANARIES[(i + 1) % CANARIES.length]}`;
      x.observations = [
        ...plan.freins.map((i) => ({ person: pick(i), category: FREIN_CATEGORIES[i % FREIN_CATEGORIES.length]!, polarity: 'negative' as const, evidence: canaryQuote(i) })),
        ...plan.behaviours.map((i) => ({ person: pick(i), category: BEHAVIOUR_CATEGORIES[i % BEHAVIOUR_CATEGORIES.length]!, polarity: (i % 2 ? 'positive' : 'negative') as 'positive' | 'negative', evidence: `${canaryQuote(i)} au travail` })),
      ];
      x.alerts = plan.freins.filter((i) => i % 2 === 0).map((i) => ({ person: pick(i), topic: 'logement' as const, evidence: canaryQuote(i) }));
      x.incidents = plan.incidents.map((i) => ({ kind: INCIDENT_KINDS[i % INCIDENT_KINDS.length]!, persons: [pick(i)], evidence: canaryQuote(i) }));
      x.production = [{ activity: plan.leakIntoProduction && plan.freins.length ? canaryQuote(plan.freins[0]!) : 'tonte', quantity: 10, unit: 'm2' as const }];
      x.attendance = team.slice(0, 3).map((p) => ({ person: p.id, status: 'present' as const, excused: null, minutes: null }));
      void note;
      return ok({ extraction: x, engine: 'rules' as const, degraded: false });
    },
  };
}

describe('team channel privacy', () => {
  it('never shows a frein, an alert, an incident detail or a quote in the channel, whatever the clicks', async () => {
    const db = await openTestPglite();
    const current = { plan: { freins: [], behaviours: [], incidents: [], leakIntoProduction: false } as Plan };
    const h = await createHarness(db, { extractor: leakyExtractor(current) });
    try {
      await fc.assert(fc.asyncProperty(
        fc.record({
          freins: fc.array(fc.nat(40), { maxLength: 5 }),
          behaviours: fc.array(fc.nat(40), { maxLength: 5 }),
          incidents: fc.array(fc.nat(40), { maxLength: 3 }),
          leakIntoProduction: fc.boolean(),
        }),
        fc.array(fc.constantFrom('note.confirm', 'note.discard', 'note.edit', 'text:enlève la 1re observation', 'text:valide', "text:annule ma note d'hier"), { maxLength: 6 }),
        async (plan, clicks) => {
          current.plan = plan;
          for (const table of [shiftNotes, attendance, observations, productionEntries, incidents, alerts, inbox, outbox, playgroundMessages]) await db.db.delete(table);
          await h.say('demo-eti-ev', `Note du jour ${CANARIES.join(' ')} avec plusieurs mots`);
          await h.drain();
          for (const click of clicks) {
            const [note] = await db.db.select().from(shiftNotes);
            if (click.startsWith('text:')) await h.say('demo-eti-ev', click.slice(5));
            else await h.click('demo-eti-ev', click, note?.id);
            await h.drain();
          }
          const channel = (await h.channel('espaces-verts')).map(replyText).join('\n').toLowerCase();
          for (const canary of CANARIES) expect(channel).not.toContain(canary);
        },
      ), { numRuns: 25 });
    } finally {
      await db.close();
    }
  }, 120_000);
});
