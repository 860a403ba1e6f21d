import type { Token } from '../text/token.js';
import { altMatches, matchAt, type Alt, type Pattern, type TagTest } from './pattern.js';

/** A lexicon line: its compiled expression plus whatever the file says about it. */
export interface Phrase { readonly pattern: Pattern }

export interface PhraseMatch<P extends Phrase> {
  readonly phrase: P;
  /** Indices into the `words` array given to findAll: [from, to). */
  readonly from: number;
  readonly to: number;
}

function startAlts(pattern: Pattern): Alt[] {
  const out: Alt[] = [];
  for (const item of pattern.items) {
    if (item.kind !== 'word') break;
    out.push(...item.alts);
    if (!item.optional) break;
  }
  return out;
}

/**
 * A set of lexicon phrases indexed by their first word, so that a note is
 * scanned once whatever the size of the lexicon.
 */
export class PhraseSet<P extends Phrase> {
  private readonly byKey = new Map<string, P[]>();
  private readonly byStem = new Map<string, P[]>();
  /** Prefix alternatives, by their first three letters; tags, scanned on every word. */
  private readonly byPrefix = new Map<string, Array<{ alt: Alt; phrase: P }>>();
  private readonly scanned: Array<{ alt: Alt; phrase: P }> = [];

  constructor(readonly phrases: readonly P[]) {
    for (const phrase of phrases) {
      for (const alt of startAlts(phrase.pattern)) {
        if (alt.mode === 'exact' || alt.mode === 'stem') push(this.byKey, alt.value, phrase);
        if (alt.mode === 'stem' && alt.stem !== undefined) push(this.byStem, alt.stem, phrase);
        if (alt.mode === 'prefix' && alt.value.length >= 3) push(this.byPrefix, alt.value.slice(0, 3), { alt, phrase });
        else if (alt.mode === 'prefix' || alt.mode === 'tag') this.scanned.push({ alt, phrase });
      }
    }
  }

  /** Every match in `words` (overlapping ones included). */
  findAll(words: readonly Token[], hasTag: TagTest): Array<PhraseMatch<P>> {
    const out: Array<PhraseMatch<P>> = [];
    for (let i = 0; i < words.length; i++) {
      const t = words[i]!;
      const candidates = new Set<P>();
      for (const p of this.byKey.get(t.key) ?? []) candidates.add(p);
      if (t.norm !== t.key) for (const p of this.byKey.get(t.norm) ?? []) candidates.add(p);
      if (t.kind === 'word') for (const p of this.byStem.get(t.stem) ?? []) candidates.add(p);
      for (const { alt, phrase } of this.scanned) if (altMatches(alt, t, hasTag)) candidates.add(phrase);
      for (const head of new Set([t.key.slice(0, 3), t.norm.slice(0, 3)])) {
        for (const { alt, phrase } of this.byPrefix.get(head) ?? []) if (altMatches(alt, t, hasTag)) candidates.add(phrase);
      }
      for (const phrase of candidates) {
        const to = matchAt(phrase.pattern, words, i, hasTag);
        if (to > i) out.push({ phrase, from: i, to });
      }
    }
    return out;
  }

  /** Non-overlapping matches, longest first (a specific phrase beats a general word). */
  findLongest(words: readonly Token[], hasTag: TagTest): Array<PhraseMatch<P>> {
    return longestFirst(this.findAll(words, hasTag));
  }
}

export function longestFirst<M extends { from: number; to: number }>(matches: readonly M[]): M[] {
  const sorted = [...matches].sort((a, b) => (b.to - b.from) - (a.to - a.from) || a.from - b.from);
  const taken: M[] = [];
  for (const m of sorted) {
    if (taken.every((o) => m.to <= o.from || m.from >= o.to)) taken.push(m);
  }
  return taken.sort((a, b) => a.from - b.from);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
