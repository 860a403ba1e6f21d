import { tokenize } from '../../src/extraction/text/tokenize.js';
import { fold } from '../../src/extraction/text/fold.js';

describe('tokenize', () => {
  it('keeps offsets pointing back into the original note', () => {
    const note = "Olena n’a pas mis ses gants 👍 — 2 500 m² à l'école";
    for (const t of tokenize(note)) expect(note.slice(t.start, t.end)).toBe(t.text);
  });

  it('splits elisions and expands them for matching', () => {
    const keys = tokenize("qu'il n’a pas l'alcool").map((t) => t.key);
    expect(keys).toEqual(['que', 'il', 'ne', 'a', 'pas', 'le', 'alcool']);
  });

  it('keeps hyphenated words and aujourd’hui whole, and numbers with their glued units', () => {
    const texts = tokenize("Jean-Pierre aujourd'hui 95kg 1,5 9h15").map((t) => t.text);
    expect(texts).toEqual(['Jean-Pierre', "aujourd'hui", '95kg', '1,5', '9h15']);
  });

  it('expands SMS abbreviations given by the lexicon', () => {
    const abbreviations = new Map([['tjs', 'toujours'], ['pb', 'probleme']]);
    expect(tokenize('tjs un pb', { abbreviations }).map((t) => t.key)).toEqual(['toujours', 'un', 'probleme']);
  });

  it('folds accents, case and apostrophes', () => {
    expect(fold('Maîtrise ÉCOLE l’œuvre')).toBe("maitrise ecole l'oeuvre");
  });
});
