import { distance } from 'fastest-levenshtein';

/**
 * Typo distance between two folded words: Levenshtein (fastest-levenshtein),
 * with a swap of two neighbouring letters ("Nadai" for "Nadia") counted as one.
 */
export function typoDistance(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!] ? 1 : d;
}

/** Largest distance accepted for a name of this length: none below 4 letters, then 1, then 2 from 8 letters (7 inside a sentence). */
export const allowedTypos = (length: number, insideSentence = false): number =>
  (length < 4 ? 0 : length < (insideSentence ? 7 : 8) ? 1 : 2);
