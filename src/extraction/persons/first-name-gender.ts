/** A first name's gender: masculine, feminine, or unknown. */
export type Gender = 'm' | 'f' | null;

/**
 * A cautious guess of the gender of a first name missing from lexicon/noms/prenoms.tsv, from its French ending.
 * Only a fallback: the list always wins, and an ending that men and women share gives no guess (null), so
 * « il » / « elle » then take the last person named as before.
 */

/** Names that end like the other gender's names (Luca, Timothée, Jérémie) or are given to both (Andrea, Noa). */
const EXCEPTIONS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  // Men's names ending in -a, -ia, -ie, -ée.
  ...['luca', 'luka', 'nicola', 'nikola', 'mustapha', 'moustapha', 'mustafa', 'moussa', 'issa', 'idrissa', 'ibrahima', 'lassana', 'siaka',
    'demba', 'samba', 'yaya', 'bouba', 'baba', 'juba', 'kuba', 'oussama', 'hamza', 'zakaria', 'yahya', 'joshua', 'ilya', 'ilia', 'elia',
    'mattia', 'gianluca', 'mika', 'nikita', 'dima', 'kosta', 'costa', 'attila', 'jeremie', 'elie', 'zacharie', 'timothee', 'elisee']
    .map((n): [string, Gender] => [n, 'm']),
  // Given to both: no guess.
  ...['andrea', 'noa', 'sasha', 'sacha', 'amara', 'charlie', 'cleo', 'clio', 'flo', 'jo', 'lilo', 'marilou', 'malou', 'yael', 'alix', 'eden']
    .map((n): [string, Gender] => [n, null]),
]);

const FEMININE = ['ette', 'ine', 'aine', 'elle', 'ella', 'ia', 'ie', 'ee', 'a'];
const MASCULINE = ['o', 'ien', 'ard', 'ert', 'ric', 'ck', 'ent', 'im', 'ou'];

/** `name` is folded (lower case, no accents); a compound name (« jean-marie ») is guessed on its first part. */
export function guessGender(name: string): Gender {
  const first = name.split(/[\s-]/)[0] ?? '';
  if (first.length < 3) return null;
  if (EXCEPTIONS.has(first)) return EXCEPTIONS.get(first) ?? null;
  if (FEMININE.some((end) => first.endsWith(end))) return 'f';
  if (MASCULINE.some((end) => first.endsWith(end))) return 'm';
  return null;
}
