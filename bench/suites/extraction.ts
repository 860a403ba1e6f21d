import type { RosterEntry } from '../../src/core/domain/roster.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import { loadLexicon } from '../../src/extraction/lexicon/load-lexicon.js';
import { percentile, round, sample, type BenchRow, type BenchSuite } from '../bench-kit.js';

/** A deterministic pseudo-random generator, so every run measures the same notes. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST = ['Karim', 'Nadia', 'Sofiane', 'Olena', 'Mamadou', 'Kévin', 'Thierry', 'Awa', 'Dylan', 'Fatou', 'Brigitte', 'Samir', 'Ibrahim', 'Yasmine', 'Rose', 'Pierre', 'Vasyl', 'Aminata', 'Jordan', 'Sylvie'];
const LAST = ['Benali', 'Moreau', 'Haddad', 'Kovalenko', 'Traoré', 'Martin', 'Roux', 'Diallo', 'Petit', 'Ndiaye'];
const TEAMS = ['espaces-verts', 'recyclerie', 'batiment', 'maraichage'];

export function generatedRoster(size = 40): RosterEntry[] {
  const out: RosterEntry[] = TEAMS.map((team, i) => ({ id: `e${i}`, firstName: `Encadrant${i}`, lastName: 'Eti', aliases: [], team, role: 'encadrant' }));
  for (let i = 0; out.length < size; i++) {
    out.push({ id: `s${i}`, firstName: FIRST[i % FIRST.length]!, lastName: LAST[(i * 7) % LAST.length]!, aliases: i % 5 === 0 ? [FIRST[i % FIRST.length]!.slice(0, 3)] : [], team: TEAMS[i % TEAMS.length]!, role: 'salarie' });
  }
  return out;
}

const CLAUSES = [
  '{p} est arrivé à 9h15 au lieu de 8h30 sans prévenir', 'euh {p} il a bien aidé {q} toute la journée', "{p} n'a pas mis ses gants je lui ai rappelé",
  'on a tondu à peu près deux mille cinq cents mètres carrés', 'une vingtaine de sacs de feuilles', '{p} maîtrise bien la débroussailleuse maintenant',
  "{p} m'a dit qu'il sait pas où dormir ce soir", 'la tondeuse est tombée en panne vers 11h', 'voilà tout le monde était là sauf {p}',
  '{p} très appliquée sur les bordures rien à reprendre', 'par contre {p} traînait des pieds pas motivé du tout', '{p} a eu son code ce matin',
  'trois cents kilos de textile', 'bon {p} est partie à quinze heures elle avait prévenu', 'Mme Texier est passée voir le chantier',
];

/** A dictated-style note of about 300 words naming people of the roster. */
export function generatedNote(roster: readonly RosterEntry[], seed = 1, words = 300): string {
  const rnd = prng(seed);
  const people = roster.filter((p) => p.role === 'salarie');
  const name = (): string => people[Math.floor(rnd() * people.length)]!.firstName;
  const out: string[] = [];
  while (out.join(' ').split(/\s+/).length < words) {
    out.push(CLAUSES[Math.floor(rnd() * CLAUSES.length)]!.replace('{p}', name()).replace('{q}', name()));
  }
  return out.join(rnd() < 0.5 ? ' ' : '. ');
}

/** Rules engine speed on a 300-word note with a 40-person roster, against a plain lower-case + split pass over the same note. */
export const suite: BenchSuite = {
  name: 'extraction',
  async run(): Promise<BenchRow[]> {
    const roster = generatedRoster(40);
    const notes = Array.from({ length: 20 }, (_, i) => generatedNote(roster, i + 1));
    const extractor = createRulesShiftNoteExtractor({ lexicon: loadLexicon() });
    const context = { roster, authorId: 'e0', shiftDate: '2026-11-02' };
    let k = 0;
    const engine = await sample(async () => {
      const r = await extractor.extract(notes[k++ % notes.length]!, context);
      if (!r.ok) throw new Error(r.code);
    }, 400, 40);
    let j = 0;
    const baseline = await sample(() => notes[j++ % notes.length]!.toLowerCase().split(/[^\p{L}\p{N}]+/u).length, 400, 40);
    const p95 = percentile(engine, 95);
    const p50 = percentile(engine, 50);
    const base95 = percentile(baseline, 95);
    const mean = engine.reduce((a, b) => a + b, 0) / engine.length;
    const t0 = performance.now();
    loadLexicon();
    const loadMs = performance.now() - t0;
    return [
      { suite: 'extraction', name: 'rules p95 per 300-word note', value: round(p95, 3), unit: 'ms', baseline: round(base95, 4), ratio: round(p95 / base95, 1), target: 'p95 < 50 ms', met: p95 < 50 },
      { suite: 'extraction', name: 'rules p50 per 300-word note', value: round(p50, 3), unit: 'ms', baseline: round(percentile(baseline, 50), 4), ratio: round(p50 / percentile(baseline, 50), 1) },
      { suite: 'extraction', name: 'rules notes per second', value: round(1000 / mean, 1), unit: 'notes/s' },
      { suite: 'extraction', name: 'lexicon compile (uncached)', value: round(loadMs, 1), unit: 'ms' },
    ];
  },
};
