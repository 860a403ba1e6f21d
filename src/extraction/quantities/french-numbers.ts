import type { Token } from '../text/token.js';

/** Folded French number words (with Belgian and Swiss forms). "un"/"une" count only where a caller allows it. */
const WORDS: Readonly<Record<string, number>> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30,
  quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
  cent: 100, cents: 100, mille: 1000, milles: 1000, million: 1_000_000, millions: 1_000_000,
};
/** "une vingtaine" = 20: approximate counts. */
const APPROXIMATE: Readonly<Record<string, number>> = {
  huitaine: 8, dizaine: 10, dizaines: 10, douzaine: 12, douzaines: 12, quinzaine: 15, vingtaine: 20, trentaine: 30,
  quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, centaines: 100, millier: 1000, milliers: 1000,
};
const ORDINAL_WORDS = new Set(['premier', 'premiere', 'deuxieme', 'second', 'seconde', 'troisieme', 'quatrieme', 'cinquieme', 'sixieme', 'septieme', 'huitieme', 'neuvieme', 'dixieme', 'dernier', 'derniere']);
const DIGITS = /^(\d+)(?:[.,](\d+))?$/;

export interface ParsedNumber {
  readonly value: number;
  /** Index (in the words array) one past the number. */
  readonly end: number;
  /** A unit glued to the digits ("95kg", "1800m2"), folded; "" when none. */
  readonly glued: string;
  /** Written with words ("deux cents") rather than digits. */
  readonly spelled: boolean;
  readonly approximate: boolean;
}

export const isOrdinal = (t: Token): boolean => /^\d+(e|er|ere|eme|ieme|em|nd|nde)$/.test(t.norm) || ORDINAL_WORDS.has(t.key);
export const isClockToken = (t: Token): boolean => /^\d{1,2}h\d{2}$/.test(t.norm) || /^\d{1,2}h$/.test(t.norm);
const wordParts = (t: Token): string[] => (t.kind === 'word' ? t.key.split('-') : []);
const numberWordCache = new Map<string, boolean>();
const isNumberWord = (t: Token): boolean => {
  if (t.kind !== 'word') return false;
  let known = numberWordCache.get(t.key);
  if (known === undefined) {
    const parts = wordParts(t);
    known = parts.length > 0 && parts.every((p) => p === 'et' || Object.hasOwn(WORDS, p)) && parts.some((p) => p !== 'et');
    if (numberWordCache.size > 20_000) numberWordCache.clear();
    numberWordCache.set(t.key, known);
  }
  return known;
};

/** True when the token starts a number ("3", "2 500", "deux", "une douzaine"). */
export const startsNumber = (t: Token): boolean =>
  (t.kind === 'number' && !isOrdinal(t)) || isNumberWord(t) || Object.hasOwn(APPROXIMATE, t.key);

function spelled(parts: readonly string[]): number {
  let total = 0;
  let current = 0;
  for (const p of parts) {
    if (p === 'et') continue;
    const n = WORDS[p]!;
    if (n === 100) current = (current === 0 ? 1 : current) * 100;
    else if (n >= 1000) { total += (current === 0 ? 1 : current) * n; current = 0; }
    else if (n === 20 && current % 100 === 4) current += 76; // quatre-vingt(s)
    else current += n;
  }
  return total + current;
}

/**
 * Reads a number starting at words[i]: digits with a decimal comma and
 * thousands written with a space ("2 500", "1,5"), glued units ("95kg"),
 * words ("deux cent cinquante", "quatre-vingts") and approximations
 * ("une vingtaine", "deux douzaines"). Returns null when there is none.
 */
export function parseNumberAt(words: readonly Token[], i: number): ParsedNumber | null {
  const t = words[i];
  if (t === undefined || isOrdinal(t)) return null;
  if (t.kind === 'number') {
    const glued = /^(\d+(?:[.,]\d+)?)([a-z²³]+\d?|h\d{2})$/.exec(t.norm);
    if (glued) return { value: toNumber(glued[1]!), end: i + 1, glued: glued[2]!, spelled: false, approximate: false };
    let text = t.norm;
    let end = i + 1;
    const next = words[end];
    if (/^\d{1,3}$/.test(text) && next !== undefined && next.kind === 'number' && /^\d{3}([.,]\d+)?$/.test(next.norm) && next.start - t.end === 1) {
      text += next.norm;
      end++;
    }
    return DIGITS.test(text) ? approximation(words, end, toNumber(text), false) : null;
  }
  if (Object.hasOwn(APPROXIMATE, t.key)) return { value: APPROXIMATE[t.key]!, end: i + 1, glued: '', spelled: true, approximate: true };
  const parts: string[] = [];
  let end = i;
  while (end < words.length && isNumberWord(words[end]!)) {
    const p = wordParts(words[end]!);
    if ((p[0] === 'un' || p[0] === 'une') && parts.length > 0) break;
    parts.push(...p);
    end++;
    if (words[end]?.key === 'et' && words[end + 1] !== undefined && isNumberWord(words[end + 1]!) && !['un', 'une'].includes(words[end + 1]!.key)) { end++; continue; }
    if (words[end]?.key === 'et' && ['un', 'une'].includes(words[end + 1]?.key ?? '') && parts.length > 0 && WORDS[parts[parts.length - 1]!]! >= 20) { parts.push('un'); end += 2; }
  }
  if (parts.length === 0) return null;
  return approximation(words, end, spelled(parts), true);
}

function approximation(words: readonly Token[], end: number, value: number, isSpelled: boolean): ParsedNumber {
  let j = end;
  if (words[j]?.key === 'bonne' || words[j]?.key === 'petite') j++;
  const approx = words[j];
  if (approx !== undefined && Object.hasOwn(APPROXIMATE, approx.key)) {
    return { value: value * APPROXIMATE[approx.key]!, end: j + 1, glued: '', spelled: true, approximate: true };
  }
  return { value, end, glued: '', spelled: isSpelled, approximate: false };
}

/** « 1,5 » is one and a half; « 1.200 » (a dot and three digits) is twelve hundred, as often typed in France. */
const toNumber = (text: string): number => Number(/^\d{1,3}\.\d{3}$/.test(text) ? text.replace('.', '') : text.replace(',', '.'));

/** "et demi", "et demie" right after a unit: adds one half. */
export function halfAfter(words: readonly Token[], i: number): number {
  return words[i]?.key === 'et' && (words[i + 1]?.key === 'demi' || words[i + 1]?.key === 'demie') ? 2 : 0;
}
