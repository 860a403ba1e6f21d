import { stemmer } from '@orama/stemmers/french';

const MAX_CACHE = 20_000;
const cache = new Map<string, string>();

/**
 * Snowball French stem of a folded word ("maitrise", "maitriser", "maitrisait"
 * all give "maitris"), so that a lexicon line written once matches every
 * inflection. Memoised: notes reuse the same few hundred words.
 */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = /^\p{L}{4,}$/u.test(word) ? stemmer(word) : word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
