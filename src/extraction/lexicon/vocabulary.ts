import type { Lexicon } from './lexicon-types.js';
import type { PhraseSet, Phrase } from './phrase-set.js';

const cache = new WeakMap<Lexicon, ReadonlySet<string>>();

/** Every word the lexicon knows: such a word with a capital is not a misspelt name ("Tonte" is not "Tonie"). */
export function vocabularyOf(lexicon: Lexicon): ReadonlySet<string> {
  const known = cache.get(lexicon);
  if (known !== undefined) return known;
  const out = new Set<string>([...lexicon.commonWords, ...lexicon.countNouns, ...lexicon.nonProduction]);
  const sets: Array<PhraseSet<Phrase>> = [lexicon.markers, lexicon.facts, lexicon.cues, lexicon.presence, lexicon.excuses, lexicon.habits, lexicon.future, lexicon.alerts, lexicon.units, lexicon.activities];
  for (const set of sets) for (const p of set.phrases) for (const item of p.pattern.items) if (item.kind === 'word') for (const alt of item.alts) if (alt.mode !== 'tag') out.add(alt.value);
  cache.set(lexicon, out);
  return out;
}
