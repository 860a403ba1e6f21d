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
    // Typed without accents, a feminine participle (« frappee », « menacees ») would keep its « e »: stem it as the masculine.
    s = /^\p{L}{4,}$/u.test(word) ? stemmer(/[^e]ees?$/.test(word) ? word.replace(/es?$/, '') : word) : word;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
