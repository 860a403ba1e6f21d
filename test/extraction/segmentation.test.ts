import { loadLexicon } from '../../src/extraction/lexicon/load-lexicon.js';
import { segment } from '../../src/extraction/text/segment.js';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { extract, pairs } from './helpers.js';

const lexicon = loadLexicon();
const clauses = (note: string): string[] =>
  segment(tokenize(note, { abbreviations: lexicon.abbreviations }), lexicon, { starts: new Set(), inside: new Set() })
    .map((s) => s.words.map((w) => w.text).join(' '));

describe('clause segmentation', () => {
  it('cuts typed notes at sentence ends and commas', () => {
    expect(clauses('Tonte finie. Il pleuvait, on a rangé.')).toEqual(['Tonte finie', 'Il pleuvait', 'on a rangé']);
  });

  it('drops fillers and cuts dictated text at markers and subject pronouns', () => {
    expect(clauses('bon euh on a tondu voilà il a plu par contre elle était malade')).toEqual([
      'on a tondu', 'il a plu', 'par contre elle était malade',
    ]);
  });

  it('keeps "pour finir le mois" in its clause: only a bare "pour finir" changes the topic', () => {
    expect(clauses('il a rien pour finir la semaine et il dort mal pour finir Greg était absent')).toEqual([
      'il a rien pour finir la semaine', 'et il dort mal', 'Greg était absent',
    ]);
  });

  it('keeps the object of a participle in its clause when « à » follows it', async () => {
    const out = await extract('Rose a aidé Momo à la découpe. ça a dégénéré Greg a insulté Pierre');
    expect(pairs(out.observations, 'category')).toEqual(['greg:equipe', 'rose:equipe']);
    expect(pairs((await extract('Nadia a formé Greg à la ponceuse')).observations, 'category')).toEqual(['nadia:equipe']);
  });

  it('keeps reported speech with its speaker', () => {
    expect(clauses("il m'a dit qu'il sait pas où dormir")).toEqual(["il m' a dit qu' il sait pas où dormir"]);
  });

  it('gives each person of a run-on dictated note their own statements', async () => {
    const out = await extract('euh Nadia elle a pas arrêté de la journée elle est infatigable par contre Greg il traînait des pieds pas motivé du tout voilà');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`).sort()).toEqual([
      'greg:motivation:negative', 'nadia:rythme:positive',
    ]);
  });

  it('splits "et Samir lui a dit" from the clause before, not "Karim et Sofiane se sont…"', async () => {
    const out = await extract('Greg a poussé Momo contre le mur et Momo lui a dit qu’il allait le tuer');
    expect(pairs(out.alerts, 'topic')).toEqual(['greg:violence', 'momo:violence']);
  });

  it('keeps the object of an infinitive in its clause: « est allé aider Rose », unless a verb follows the name', async () => {
    const out = await extract('Greg est allé aider Rose sans que je lui demande');
    expect(out.observations.map((o) => `${o.person}:${o.category}`).sort()).toEqual(['greg:autonomie', 'greg:equipe']);
    const two = await extract('Il faut aller chercher Nadia a oublié ses gants');
    expect(two.observations.map((o) => `${o.person}:${o.category}`)).toEqual(['nadia:securite']);
  });
});
