import type { NoteAnalysis } from '../engine/note-analysis.js';
import type { Clause } from '../persons/resolve-subjects.js';
import { AUXILIARIES } from '../text/function-words.js';
import { countNounAt, isWorkParticiple } from './one-as-count.js';

/**
 * « livraison des paniers, on en a fait cinquante et un », « des cartons, j'en
 * ai vidé douze »: « en » before the verb stands for the last counted object
 * named before it in the sentence. Returns that object's word, or null.
 */
export function objectOfEn(a: NoteAnalysis, clause: Clause, i: number): string | null {
  const words = clause.words;
  const verb = words[i - 1];
  if (verb === undefined || !isWorkParticiple(verb)) return null;
  const enAt = AUXILIARIES.has(words[i - 2]?.key ?? '') ? i - 3 : i - 2;
  if (words[enAt]?.key !== 'en') return null;
  const before = a.clauses.filter((c) => c.sentence === clause.sentence && c.id <= clause.id).flatMap((c) => [...c.words]).filter((w) => w.index < words[enAt]!.index);
  for (let j = before.length - 1; j >= 0; j--) {
    if (countNounAt(a, before, j)) return before[j]!.text;
  }
  return null;
}
