import type { Token } from './token.js';

/** Words that deny what follows them in the clause (folded keys). "ne" alone is not enough: French writes a second word. */
const NEGATORS = new Set(['pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'guere', 'ni', 'non', 'peu', 'nul', 'nulle']);
/** Verbs of omission or refusal act like a negation on what they govern ("oublié ses gants"). */
const PRIVATIVE = /^(oubli|enlev|retir|refus|manqu|perdu)/;
/** A negation does not reach back over these. */
const BARRIERS = new Set(['mais', 'et', 'que', 'quand', 'donc', 'puis', 'car', 'alors', 'contre', 'parce', 'si']);
const AFTER_VERB = new Set(['pas', 'jamais', 'guere', 'plus']);
const PLUS_AFTER = new Set(['a', 'avait', 'ai', 'as', 'ont', 'avaient', 'en', 'y', 'pouvait', 'peut', 'veut', 'voulait', 'sait', 'savait', 'arrive', 'arrivait']);
const NOT_NEGATING_PLUS_NEXT = new Set(['vite', 'tard', 'tot', 'longtemps', 'souvent', 'que', "qu'", 'fort', 'loin', 'pres', 'haut', 'bas', 'grand', 'grande', 'gros', 'tranquille', 'calme']);
const NOUN_FOLLOWERS = new Set(['de', "d'", 'du', 'des', 'un', 'une', 'le', 'la', 'les']);

const LOOK_BACK = 8;
/** Finite verbs that follow their subject (« a » is left out: typed without its accent it is also « à »). */
const SUBJECT_VERBS = new Set(['est', 'etait', 'sont', 'etaient', 'ont', 'avait', 'avaient', 'fait', 'va']);

/** "plus" denies only in "ne … plus", "a plus de", "elle dormait plus", not in "beaucoup plus poli". */
function plusNegates(words: readonly Token[], i: number): boolean {
  const key = (k: number): string => words[k]?.key ?? '';
  if ((key(i - 1) === 'en' && key(i - 2) === 'plus') || (key(i + 1) === 'en' && key(i + 2) === 'plus')) return false;
  for (let j = Math.max(0, i - 3); j < i; j++) if (words[j]!.key === 'ne') return true;
  const prev = words[i - 1];
  const next = words[i + 1];
  if (prev === undefined) return false;
  if (next !== undefined && NOT_NEGATING_PLUS_NEXT.has(next.key)) return false;
  return PLUS_AFTER.has(prev.key) || (/(ait|ais|aient)$/.test(prev.key) && (next === undefined || !/(ment)$/.test(next.key)));
}

function negates(words: readonly Token[], i: number): boolean {
  const w = words[i]!;
  if (w.key === 'plus') return plusNegates(words, i);
  if (w.key === 'peu' && words[i - 1]?.key === 'un') return false; // « un peu fatigué » is a little, not « peu motivé »
  return NEGATORS.has(w.key) || (w.kind === 'word' && PRIVATIVE.test(w.key));
}

/**
 * True when the words [from, to) of a clause are denied: a negator shortly
 * before them ("n'a pas mis ses gants", "sans ses lunettes"), inside a gap of
 * the phrase ("maîtrise pas la caisse"), or "pas" right after their verb
 * ("elle avance pas"). Negators written in the phrase itself ("rien à
 * reprendre") are part of its meaning and are not counted: pass them as `literal`.
 */
export function isNegated(words: readonly Token[], from: number, to: number, literal: ReadonlySet<string> = new Set(), lookBack = LOOK_BACK): boolean {
  // « elle a pas pu venir son fils est malade »: a phrase followed by its verb is a subject, out of reach of a negation before it.
  const subject = SUBJECT_VERBS.has(words[to]?.key ?? '') && from > 0 && !negates(words, from - 1);
  for (let j = from - 1; !subject && j >= 0 && j >= from - lookBack; j--) {
    if (negates(words, j) && !(intensifies(words, j) && j + 1 !== from)) return true;
    if (BARRIERS.has(words[j]!.key)) break;
  }
  for (let j = from + 1; j < to; j++) if (!literal.has(words[j]!.key) && negates(words, j) && !intensifies(words, j)) return true;
  // "elle avance pas": only after a one-word phrase, and not before a new predicate ("traînait des pieds pas motivé").
  const after = words[to];
  const then = words[to + 1];
  return to - from === 1 && after !== undefined && AFTER_VERB.has(after.key) && !intensifies(words, to) && (after.key !== 'plus' || plusNegates(words, to))
    && !NOUN_FOLLOWERS.has(then?.key ?? '') && !(then !== undefined && isParticiple(then));
}

/** « ça saignait pas mal », « il a pas mal progressé »: « pas mal » is « quite a lot », not a negation (« il a pas mal au dos » still is one: there « mal » starts the phrase). */
const intensifies = (words: readonly Token[], i: number): boolean => words[i]!.key === 'pas' && words[i + 1]?.key === 'mal';

/** Past participles of every group, not only « -é »: « absente pas prévenue », « malade pas venu », « fini pas rangé ». */
const OTHER_PARTICIPLES = new Set(['fini', 'finie', 'parti', 'partie', 'sorti', 'sortie', 'compris', 'comprise', 'mis', 'mise', 'pris', 'prise', 'dit', 'dite', 'fait', 'faite', 'ecrit', 'ecrite']);
const NOT_PARTICIPLES = new Set(['plus', 'dessus', 'jus', 'du', 'tu', 'bu']);

function isParticiple(t: Token): boolean {
  if (/(é|ée|és|ées)$/i.test(t.text)) return true;
  if (t.kind !== 'word' || NOT_PARTICIPLES.has(t.key)) return false;
  // venu, prévenue, voulu, rendus, reçues: a consonant before « -u(e)(s) ».
  return OTHER_PARTICIPLES.has(t.key) || (t.key.length >= 4 && /[^aeiouy]u(e|es|s)?$/.test(t.key));
}
