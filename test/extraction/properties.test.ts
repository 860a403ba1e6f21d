import fc from 'fast-check';
import { shiftNoteExtractionSchema, type ShiftNoteExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import { roster } from './helpers.js';

const extractor = createRulesShiftNoteExtractor();
const ids = new Set(roster.map((p) => p.id));
const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The contract's promises, whatever the note: valid schema, verbatim evidence, real roster ids. */
function checkContract(note: string, out: ShiftNoteExtraction): void {
  expect(shiftNoteExtractionSchema.safeParse(out).success).toBe(true);
  const text = squash(note);
  const evidences = [...out.observations, ...out.incidents, ...out.alerts].map((x) => x.evidence);
  for (const e of evidences) expect(text.includes(squash(e)) && squash(e) !== '').toBe(true);
  const persons = [
    ...out.attendance.map((a) => a.person), ...out.observations.map((o) => o.person),
    ...out.incidents.flatMap((i) => i.persons), ...out.alerts.map((a) => a.person).filter((p): p is string => p !== null),
  ];
  for (const p of persons) expect(ids.has(p)).toBe(true);
}

async function run(note: string): Promise<ShiftNoteExtraction | null> {
  const result = await extractor.extract(note, { roster, authorId: 'eti', shiftDate: '2026-12-01' });
  if (!result.ok) {
    expect(['note.empty', 'note.too_long']).toContain(result.code);
    return null;
  }
  expect(result.value.degraded).toBe(false);
  checkContract(note, result.value.extraction);
  return result.value.extraction;
}

const fragments = [
  'Pierre', 'Momo', 'Rose', 'Greg', 'Nadia', 'Kenza', 'Mme Texier', 'il', 'elle', 'ils', 'on', 'je lui ai dit',
  'est arrivé à 9h15', 'en retard', 'absent', 'parti plus tôt', 'sans prévenir', "n'a pas mis ses gants", 'tout le monde était là sauf',
  'euh', 'voilà', 'bon', 'par contre', 'deux cent cinquante', 'une vingtaine de sacs', '3 m3', 'kilos', '1,5', 'tonne et demie',
  "sentait l'alcool", "envie d'en finir", 'dort dans sa voiture', 'a frappé', 'est tombé', 'en panne', 'pierres', 'tjs', 'pb', 'rdv',
  ',', '.', '\n', '!', '(', ')', ' - ', '👍', '😢', 'Привет', 'مرحبا', '北京', 'é', "l'", 'qu’', '  ',
];
const noteArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 80 }).map((parts) => parts.join(' ')),
  fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join('')),
);

describe('rules engine properties', () => {
  it('never throws and always keeps the contract, for any text', async () => {
    await fc.assert(fc.asyncProperty(noteArb, async (note) => { await run(note); }), { numRuns: 300, seed: 20261201 });
  });

  it('refuses an empty or blank note with a code, not an exception', async () => {
    for (const note of ['', '   ', '\n\t']) {
      const result = await extractor.extract(note, { roster, authorId: 'eti', shiftDate: '2026-12-01' });
      expect(result.ok ? 'ok' : result.code).toBe('note.empty');
    }
  });

  it('handles a 100 KB note of emoji, mixed scripts and real sentences', async () => {
    const parts = ['Pierre est arrivé en retard 😅.', 'Привет мир', 'Rose a trié 3 palettes 👍', 'مرحبا', 'euh voilà il a frappé Greg', '北京 🚧'];
    let note = '';
    for (let i = 0; note.length < 100_000; i++) note += `${parts[i % parts.length]} `;
    const out = await run(note);
    expect(out).not.toBeNull();
    expect(out!.alerts.length).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    await fc.assert(fc.asyncProperty(noteArb, async (note) => {
      expect(JSON.stringify(await run(note))).toBe(JSON.stringify(await run(note)));
    }), { numRuns: 50, seed: 7 });
  });
});
