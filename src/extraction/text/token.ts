/** One token of a note, always pointing back into the original text. */
export interface Token {
  /** Position in the token list. */
  readonly index: number;
  /** The original characters, untouched. */
  readonly text: string;
  /** Offsets into the original note: note.slice(start, end) === text. */
  readonly start: number;
  readonly end: number;
  readonly kind: 'word' | 'number' | 'punct' | 'break';
  /** Folded form (see fold.ts). */
  readonly norm: string;
  /** Matching key: folded, elisions and SMS abbreviations expanded ("l'" → "le", "tjs" → "toujours"). */
  readonly key: string;
  /** French stem of the key (Snowball), for lexicon matching. */
  readonly stem: string;
  /** Starts with an upper-case letter in the original. */
  readonly capitalised: boolean;
  /** Written all in capitals (acronyms: RAS, EPI, JP). */
  readonly allCaps: boolean;
}
