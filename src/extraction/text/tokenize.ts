import { fold } from './fold.js';
import type { Token } from './token.js';

// Numbers (with a decimal part and a glued unit: "1,5", "95kg", "9h15", "3e"),
// words (inner hyphens and apostrophes kept: "Jean-Pierre", "aujourd'hui"),
// line breaks, and any other single non-space character.
const TOKEN_RE = /(\d+(?:[.,]\d+)?(?:[\p{L}²³]+\d*)?)|([\p{L}\p{N}]+(?:['’ʼ`-][\p{L}\p{N}]+)*)|(\r?\n)|(\S)/gu;
const ELISION_RE = /^(l|d|n|j|m|t|s|c|qu|jusqu|lorsqu|puisqu)(['’ʼ`])(.+)$/i;
const ELIDED: Readonly<Record<string, string>> = {
  "l'": 'le', "d'": 'de', "n'": 'ne', "j'": 'je', "m'": 'me', "t'": 'te', "s'": 'se', "c'": 'ce',
  "qu'": 'que', "jusqu'": 'jusque', "lorsqu'": 'lorsque', "puisqu'": 'puisque',
};

export interface TokenizeOptions {
  /** SMS abbreviations and spoken forms, folded: "tjs" → "toujours". */
  readonly abbreviations?: ReadonlyMap<string, string>;
  /** Stemmer applied to keys (memoised by the caller). */
  readonly stem?: (key: string) => string;
}

interface RawPiece { text: string; start: number; kind: Token['kind'] }

function pieces(note: string): RawPiece[] {
  const out: RawPiece[] = [];
  for (const m of note.matchAll(TOKEN_RE)) {
    const text = m[0];
    const start = m.index;
    if (m[1] !== undefined) out.push({ text, start, kind: 'number' });
    else if (m[2] !== undefined) {
      const elided = ELISION_RE.exec(text);
      if (elided) {
        const head = elided[1]! + elided[2]!;
        out.push({ text: head, start, kind: 'word' });
        out.push({ text: elided[3]!, start: start + head.length, kind: /^\d/.test(elided[3]!) ? 'number' : 'word' });
      } else out.push({ text, start, kind: 'word' });
    } else if (m[3] !== undefined) out.push({ text, start, kind: 'break' });
    else out.push({ text, start, kind: 'punct' });
  }
  return out;
}

const BARE_ELISION_RE = /^(l|d|n|j|m|t|s|c|qu|jusqu|lorsqu|puisqu)$/i;
const VOWEL_START_RE = /^[aeiouyh]/;

/**
 * Phones and dictation often drop the apostrophe: « s est brulee », « j ai »,
 * « qu il », « m a dit ». A lone elidable letter before a word starting with
 * a vowel, separated by spaces only, reads as the elided form. Not after a
 * number (« 1,2 t en tout », « 25 m a poser ») nor for a capital after a word
 * (« Mehdi D a voulu »: an initial).
 */
function bareElision(note: string, list: readonly RawPiece[], i: number): string | null {
  const p = list[i]!;
  if (p.kind !== 'word' || !BARE_ELISION_RE.test(p.text)) return null;
  const next = list[i + 1];
  if (next?.kind !== 'word' || !VOWEL_START_RE.test(fold(next.text))) return null;
  if (!/^[ \t]+$/.test(note.slice(p.start + p.text.length, next.start))) return null;
  const prev = list[i - 1];
  if (prev?.kind === 'number') return null;
  if (/^\p{Lu}/u.test(p.text) && prev?.kind === 'word') return null;
  return `${fold(p.text)}'`;
}

/** Splits a note into tokens whose offsets always point back into the note. */
export function tokenize(note: string, options: TokenizeOptions = {}): Token[] {
  const { abbreviations, stem } = options;
  const list = pieces(note);
  return list.map((p, index) => {
    const norm = bareElision(note, list, index) ?? fold(p.text);
    const key = p.kind === 'word' ? (ELIDED[norm] ?? abbreviations?.get(norm) ?? norm) : norm;
    const letters = p.text.replace(/[^\p{L}]/gu, '');
    return {
      index,
      text: p.text,
      start: p.start,
      end: p.start + p.text.length,
      kind: p.kind,
      norm,
      key,
      stem: p.kind === 'word' && stem ? stem(key) : key,
      capitalised: /^\p{Lu}/u.test(p.text),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
    };
  });
}
