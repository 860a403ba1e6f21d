import type { NoteAnalysis } from '../engine/note-analysis.js';
import type { Clause } from '../persons/resolve-subjects.js';
import type { Token } from '../text/token.js';

/**
 * The clauses that go on talking about `person` after clause `from`:
 * "Kevin est arrivé à dix heures | il avait rendez-vous | il m'avait prévenu".
 * Stops at the first clause about someone else. Clauses of the same sentence
 * about that person alone before `from` belong to it too.
 */
export function statementOf(a: NoteAnalysis, from: number, person: string): Clause[] {
  const out: Clause[] = [a.clauses[from]!];
  // « Lan rdv medecin ce matin, arrivee a 11h »: the reason may come first, in the same sentence.
  for (let k = from - 1; k >= 0; k--) {
    const c = a.clauses[k]!;
    if (c.sentence !== out[0]!.sentence || !c.subjects.includes(person) || c.subjects.length !== 1) break;
    out.unshift(c);
  }
  for (let k = from + 1; k < a.clauses.length; k++) {
    const c = a.clauses[k]!;
    const about = c.subjects.includes(person) || c.objects.includes(person);
    const continues = c.kind === 'inherited' && !c.strong && c.subjects.length === 0 && c.sentence === out[out.length - 1]!.sentence;
    if (!about && !continues) break;
    if (c.kind === 'named' && !c.subjects.includes(person)) break;
    out.push(c);
  }
  return out;
}

export const wordsOf = (clauses: readonly Clause[]): Token[] => clauses.flatMap((c) => [...c.words]);
