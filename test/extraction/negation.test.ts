import { isNegated } from '../../src/extraction/text/negation.js';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { stem } from '../../src/extraction/lexicon/stem.js';
import { extract } from './helpers.js';

const negated = (text: string, word: string): boolean => {
  const words = tokenize(text, { stem }).filter((t) => t.kind !== 'punct');
  const i = words.findIndex((w) => w.norm === word);
  return isNegated(words, i, i + 1);
};

describe('negation', () => {
  it.each([
    ["n'a pas mis ses gants", 'gants', true],
    ['a tondu sans ses lunettes', 'lunettes', true],
    ['elle avance pas au tri', 'avance', true],
    ['a oublié ses gants', 'gants', true],
    ['elle dormait plus', 'dormait', true],
    ['il est beaucoup plus poli', 'poli', false],
    ['de plus en plus autonome', 'autonome', false],
    // « pas mal » is « quite a lot »; « pas » before « mal » that starts the phrase still denies it.
    ['la plaie saignait pas mal', 'saignait', false],
    ['il a pas mal avancé sur le mur', 'avance', false],
    ['elle a pas mal au genou', 'mal', true],
    ['il a mis ses gants mais pas son casque', 'gants', false],
    ['il traînait des pieds pas motivé', 'traînait', false],
  ])('%s → %s negated: %s', (text, word, expected) => {
    expect(negated(text, word)).toBe(expected);
  });

  it('turns a safety observation negative and leaves a positive one positive', async () => {
    const out = await extract("Greg n'a pas mis ses gants. Pierre a mis ses gants sans qu'on lui dise.");
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`).sort()).toEqual([
      'greg:securite:negative', 'pierre:securite:positive',
    ]);
  });

  it('reads « faudrait lui trouver » as a need, not as something found', async () => {
    const out = await extract('Franck a du mal avec le français, faudrait lui trouver une formation.');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['franck:maitrise_langue:negative']);
    const found = await extract('Momo a enfin trouvé un appartement.');
    expect(found.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['momo:logement:positive']);
  });

  it('reads "pas de souci" and "rien à reprendre" as good news', async () => {
    const out = await extract('Nadia très soigneuse, rien à reprendre.');
    expect(out.observations.map((o) => o.polarity)).toEqual(['positive']);
  });
});
