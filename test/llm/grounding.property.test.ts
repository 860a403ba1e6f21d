import fc from 'fast-check';
import { ALERT_TOPICS, ATTENDANCE_STATUSES, INCIDENT_KINDS, OBSERVATION_CATEGORIES, POLARITIES, UNITS } from '../../src/core/domain/taxonomy.js';
import { shiftNoteExtractionSchema } from '../../src/core/extraction/shift-note-extraction.js';
import type { ModelExtraction } from '../../src/llm/extraction-model-schema.js';
import { groundModelExtraction } from '../../src/llm/ground-extraction.js';
import { pseudonymize } from '../../src/llm/pseudonymizer.js';
import { roster } from '../extraction/helpers.js';
import { directory, empty, ph } from './llm-harness.js';

/**
 * Whatever the model answers within its schema (any placeholder or name, any
 * quote, true or invented), what Relais keeps is schema-valid, every quote is
 * a verbatim span of the original note, and every person is a roster person
 * the note names.
 */
const NOTES = [
  "Greg a bien tondu 2500 m2. Rose est arrivée en retard, 20 minutes. Pierre m'a dit qu'il dort dans sa voiture.",
  'Momo et Nadia ont trié 300 kg de textile. Nadia est en arrêt maladie depuis lundi. Appeler Rose au 06 12 34 56 78.',
  'tout le monde était là sauf greg, momo a aidé rose à charger le camion',
];

const answerFor = (sent: string) => {
  const words = sent.split(/\s+/);
  const span = fc.tuple(fc.nat({ max: words.length - 1 }), fc.integer({ min: 1, max: 8 }))
    .map(([i, n]) => words.slice(i, i + n).join(' '));
  const evidence = fc.oneof(span, span.map((s) => s.toUpperCase()), fc.string(), fc.constant('Grégory a frappé Rose'));
  const person = fc.oneof(fc.constantFrom(...roster.map((p) => ph(p.id))), fc.constantFrom('Salarié ZZ', 'Greg', 'Rose Nguyen', ''));
  return fc.record({
    attendance: fc.array(fc.record({ person, status: fc.constantFrom(...ATTENDANCE_STATUSES), excused: fc.option(fc.boolean(), { nil: null }), minutes: fc.option(fc.integer({ min: -5, max: 300 }), { nil: null }) }), { maxLength: 6 }),
    observations: fc.array(fc.record({ person, category: fc.constantFrom(...OBSERVATION_CATEGORIES), polarity: fc.constantFrom(...POLARITIES), evidence }), { maxLength: 8 }),
    production: fc.array(fc.record({ activity: fc.string(), quantity: fc.option(fc.double({ min: -10, max: 1e6, noNaN: true }), { nil: null }), unit: fc.option(fc.constantFrom(...UNITS), { nil: null }) }), { maxLength: 3 }),
    incidents: fc.array(fc.record({ kind: fc.constantFrom(...INCIDENT_KINDS), persons: fc.array(person, { maxLength: 3 }), evidence }), { maxLength: 3 }),
    alerts: fc.array(fc.record({ person: fc.option(person, { nil: null }), topic: fc.constantFrom(...ALERT_TOPICS), evidence }), { maxLength: 3 }),
    unknownNames: fc.array(fc.oneof(fc.string(), fc.constantFrom('Mme Rivière', 'boss@example.com', ph('greg'))), { maxLength: 3 }),
  }) as fc.Arbitrary<ModelExtraction>;
};

describe('grounding of model answers (property)', () => {
  it.each(NOTES.map((n, i) => [i, n]))('note %i: kept records are schema-valid, quoted from the note, about people it names', (_i, note) => {
    const p = pseudonymize(note as string, directory, { sendSpecialCategories: false, preferredTeam: 'batiment' });
    const named = new Set(p.mentioned.map((m) => directory.personOf(m)!.id));
    const team = roster.filter((r) => r.team === 'batiment' && r.role === 'salarie').map((r) => r.id);
    let kept = 0;
    fc.assert(fc.property(answerFor(p.text), (answer) => {
      const x = groundModelExtraction(answer, p, roster, team);
      kept += x.observations.length + x.alerts.length;
      expect(shiftNoteExtractionSchema.safeParse(x).success).toBe(true);
      for (const r of [...x.observations, ...x.incidents, ...x.alerts]) expect(note).toContain(r.evidence);
      for (const o of x.observations) expect(named.has(o.person)).toBe(true);
      for (const a of x.attendance) expect(named.has(a.person) || team.includes(a.person)).toBe(true);
      for (const id of [...x.incidents.flatMap((i) => i.persons), ...x.alerts.map((a) => a.person).filter((a): a is string => a !== null)]) expect(named.has(id)).toBe(true);
      for (const r of x.observations) expect(r.evidence).not.toContain('[passage confidentiel');
      for (const n of x.unknownNames) expect(note.toLowerCase()).toContain(n.toLowerCase());
    }), { numRuns: 300 });
    expect(kept).toBeGreaterThan(10); // the property is not vacuous: true quotes about named people are kept
  });

  it('keeps an unknown name only as whole words of the note, spelt as the note spells it', () => {
    const note = 'Nadia est en arrêt maladie. Mme Rivière est passée voir le chantier.';
    const p = pseudonymize(note, directory, { sendSpecialCategories: false, preferredTeam: 'batiment' });
    const x = groundModelExtraction({ ...empty, unknownNames: ['re', 'mme riviere', 'Arr', 'Rivière est'] }, p, roster, []);
    // « re » and « Arr » are inside words; « Rivière est » is two whole words of the note (a name-shaped span).
    expect(x.unknownNames).toEqual(['Mme Rivière', 'Rivière est']);
  });
});
