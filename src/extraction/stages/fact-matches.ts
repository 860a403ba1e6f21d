import type { FactPhrase } from '../lexicon/lexicon-types.js';
import type { PhraseMatch } from '../lexicon/phrase-set.js';
import type { Clause } from '../persons/resolve-subjects.js';
import type { NoteAnalysis } from '../engine/note-analysis.js';

/**
 * The fact phrases of a clause, longest first. A longer phrase hides the
 * shorter ones it covers ("sa voiture est en panne" is mobility, not a broken
 * tool); an observation and an incident on exactly the same words both stand
 * ("conflit"), so do two observations of different categories written in two
 * files on purpose (« à l'aise avec le public » is a strength and a good
 * attitude), and an "ignore" phrase hides everything it covers.
 */
export function factMatches(a: NoteAnalysis, clause: Clause): Array<PhraseMatch<FactPhrase>> {
  const all = a.lexicon.facts.findAll(clause.words, a.hasTag);
  const sorted = [...all].sort((x, y) => (y.to - y.from) - (x.to - x.from) || rank(x) - rank(y) || x.from - y.from);
  const taken: Array<PhraseMatch<FactPhrase>> = [];
  const ignored = sorted.filter((m) => m.phrase.type === 'ignore');
  for (const m of sorted) {
    // A look-alike hides the shorter phrase it covers even when a longer phrase overlaps the look-alike itself.
    if (m.phrase.type !== 'ignore' && ignored.some((o) => o.from <= m.from && m.to <= o.to && o.to - o.from > m.to - m.from)) continue;
    const blocked = taken.some((o) => {
      const overlap = m.to > o.from && m.from < o.to;
      if (!overlap) return false;
      const sameSpan = m.from === o.from && m.to === o.to;
      if (sameSpan && o.phrase.type === 'observation' && m.phrase.type === 'observation') return o.phrase.category === m.phrase.category;
      return !(sameSpan && o.phrase.type !== 'ignore' && m.phrase.type !== 'ignore' && o.phrase.type !== m.phrase.type);
    });
    if (!blocked) taken.push(m);
  }
  return taken.filter((m) => m.phrase.type !== 'ignore').sort((x, y) => x.from - y.from);
}

const rank = (m: PhraseMatch<FactPhrase>): number => (m.phrase.type === 'ignore' ? 0 : 1);
