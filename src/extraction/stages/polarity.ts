import type { Polarity } from '../../core/domain/taxonomy.js';
import type { Lexicon } from '../lexicon/lexicon-types.js';
import { literalWords, type TagTest } from '../lexicon/pattern.js';
import { isNegated } from '../text/negation.js';
import type { Token } from '../text/token.js';

const BASE: Readonly<Record<Polarity, number>> = { positive: 1, negative: -1, neutral: 0 };
/** A cue outweighs the phrase's own polarity: "sa voiture" (a resource) "est en panne" is a difficulty. */
const CUE_WEIGHT = 1.5;

/**
 * Polarity of a phrase found at words[from, to): its lexicon polarity, turned
 * over when denied (a denied neutral fact, "pas de smartphone", is a
 * difficulty), then moved by the cues around it ("enfin", "bon début",
 * "difficilement"). `context` adds the words of a clause that continues it.
 */
export function polarityOf(
  base: Polarity, negated: boolean, words: readonly Token[], from: number, to: number,
  lexicon: Lexicon, hasTag: TagTest, context: readonly Token[] = [],
): Polarity {
  let score = BASE[base];
  if (negated) score = score === 0 ? -1 : -score;
  const scan = (ws: readonly Token[], skipFrom: number, skipTo: number): void => {
    for (const cue of lexicon.cues.findLongest(ws, hasTag)) {
      if (cue.to > skipFrom && cue.from < skipTo) continue;
      const sign = cue.phrase.polarity === 'positive' ? 1 : -1;
      // A denied difficulty (« rien de grave », « pas de souci ») reassures more than it praises: half weight.
      score += isNegated(ws, cue.from, cue.to, literalWords(cue.phrase.pattern), 2) ? -sign * CUE_WEIGHT / 2 : sign * CUE_WEIGHT;
    }
  };
  scan(words, from, to);
  if (context.length > 0) scan(context, -1, -1);
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}
