import type { RosterEntry } from '../../src/core/domain/roster.js';
import { guessGender } from '../../src/extraction/persons/first-name-gender.js';
import { buildRosterIndex } from '../../src/extraction/persons/roster-index.js';
import { extractFor, pairs } from './helpers.js';

/** First names that are not in lexicon/noms/prenoms.tsv: their gender is only guessed from the ending. */
const roster: RosterEntry[] = [
  { id: 'eti', firstName: 'Sandrine', lastName: 'Roux', aliases: [], team: 'jardin', role: 'encadrant' },
  { id: 'priscillia', firstName: 'Priscillia', lastName: 'Vidal', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'gilbert', firstName: 'Gilbert', lastName: 'Faure', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'ornella', firstName: 'Ornella', lastName: 'Costa', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'luca', firstName: 'Luca', lastName: 'Ferri', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'timothee', firstName: 'Timothée', lastName: 'Blanc', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'josette', firstName: 'Josette', lastName: 'Marin', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'lorenzo', firstName: 'Lorenzo', lastName: 'Rossi', aliases: [], team: 'jardin', role: 'salarie' },
  { id: 'kalidou', firstName: 'Kalidou', lastName: 'Sow', aliases: [], team: 'jardin', role: 'salarie' },
];
const alertsOf = async (note: string): Promise<string[]> => pairs((await extractFor(roster, note)).alerts, 'topic');

describe('gender of first names missing from the list, guessed from their ending', () => {
  it.each([
    ['priscillia', 'f'], ['ornella', 'f'], ['josette', 'f'], ['tiphaine', 'f'], ['marceline', 'f'], ['gabriella', 'f'], ['noemie', 'f'], ['aimee', 'f'], ['malika', 'f'],
    ['gilbert', 'm'], ['lorenzo', 'm'], ['gaetano', 'm'], ['florian', null], ['maximilien', 'm'], ['richard', 'm'], ['kalidou', 'm'],
    // Men whose names end like women's: never guessed feminine.
    ['luca', 'm'], ['nicola', 'm'], ['moustapha', 'm'], ['timothee', 'm'], ['jeremie', 'm'], ['elie', 'm'], ['zacharie', 'm'], ['joshua', 'm'], ['oussama', 'm'], ['ibrahima', 'm'],
    // Mixed or unclear: no guess.
    ['andrea', null], ['noa', null], ['sasha', null], ['charlie', null], ['cleo', null], ['dominique', null], ['wilfried', null], ['yael', null],
  ])('%s → %s', (name, gender) => {
    expect(guessGender(name)).toBe(gender);
  });

  it('sends « il » to the man and « elle » to the woman when neither name is in the list', async () => {
    expect(await alertsOf("Priscillia a montré à Gilbert comment tailler la haie, elle s'est coupée au doigt.")).toEqual(['priscillia:securite']);
    expect(await alertsOf("Lorenzo a aidé Ornella à charger la remorque, il s'est fait mal au dos.")).toEqual(['lorenzo:securite']);
    expect(await alertsOf("Luca a expliqué le tri à Josette, il est tombé de l'escabeau.")).toEqual(['luca:securite']);
    expect(await alertsOf("Josette a appelé Timothée, elle s'est brûlée avec la soudure.")).toEqual(['josette:securite']);
    expect(await alertsOf("Kalidou a rangé avec Ornella, il s'est tordu la cheville.")).toEqual(['kalidou:securite']);
  });

  it('keeps the list first and guesses only for names it lacks', () => {
    const person = (id: string, firstName: string): RosterEntry => ({ id, firstName, lastName: 'X', aliases: [], team: 't', role: 'salarie' });
    const index = buildRosterIndex([person('a', 'Andrea'), person('l', 'Luca'), person('p', 'Priscillia')], 'a', new Map([['andrea', 'm'], ['luca', 'f']]));
    expect(index.genderOf('a')).toBe('m');
    expect(index.genderOf('l')).toBe('f');
    expect(index.genderOf('p')).toBe('f');
  });
});
