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
  /** Phrase numbers by the words that can start them (exact word or stem). */
  private readonly byKey = new Map<string, number[]>();
  private readonly byStem = new Map<string, number[]>();
  /** Prefix alternatives, by their first three letters; tags, tried on every word. */
  private readonly byPrefix = new Map<string, Array<{ alt: Alt; id: number }>>();
  private readonly scanned: Array<{ alt: Alt; id: number }> = [];
  /** Per-phrase stamp of the last word that proposed it, to try each phrase once per word without allocating. */
  private readonly stamps: Int32Array;
  private generation = 0;

  constructor(readonly phrases: readonly P[]) {
    this.stamps = new Int32Array(phrases.length);
    phrases.forEach((phrase, id) => {
      for (const alt of startAlts(phrase.pattern)) {
        if (alt.mode === 'exact' || alt.mode === 'stem') push(this.byKey, alt.value, id);
        if (alt.mode === 'stem' && alt.stem !== undefined) push(this.byStem, alt.stem, id);
        if (alt.mode === 'prefix' && alt.value.length >= 3) push(this.byPrefix, alt.value.slice(0, 3), { alt, id });
        else if (alt.mode === 'prefix' || alt.mode === 'tag') this.scanned.push({ alt, id });
      }
    });
  }

  /** Every match in `words` (overlapping ones included). */
  findAll(words: readonly Token[], hasTag: TagTest): Array<PhraseMatch<P>> {
    const out: Array<PhraseMatch<P>> = [];
    const present = presentIn(words);
    for (let i = 0; i < words.length; i++) {
      const t = words[i]!;
      const gen = ++this.generation;
      const attempt = (id: number): void => {
        if (this.stamps[id] === gen) return;
        this.stamps[id] = gen;
        const phrase = this.phrases[id]!;
        const anchor = phrase.pattern.anchor;
        if (anchor !== undefined) {
          let found = false;
          for (let k = 0; k < anchor.length && !found; k++) found = present.has(anchor[k]!);
          if (!found) return;
        }
        const to = matchAt(phrase.pattern, words, i, hasTag);
        if (to > i) out.push({ phrase, from: i, to });
      };
      const exact = this.byKey.get(t.key);
      if (exact !== undefined) for (let k = 0; k < exact.length; k++) attempt(exact[k]!);
      if (t.norm !== t.key) { const more = this.byKey.get(t.norm); if (more !== undefined) for (let k = 0; k < more.length; k++) attempt(more[k]!); }
      if (t.kind === 'word') { const stems = this.byStem.get(t.stem); if (stems !== undefined) for (let k = 0; k < stems.length; k++) attempt(stems[k]!); }
      for (const { alt, id } of this.scanned) if (altMatches(alt, t, hasTag)) attempt(id);
      if (this.byPrefix.size > 0) {
        const head = t.key.slice(0, 3);
        for (const { alt, id } of this.byPrefix.get(head) ?? NONE) if (altMatches(alt, t, hasTag)) attempt(id);
        if (t.norm.slice(0, 3) !== head) for (const { alt, id } of this.byPrefix.get(t.norm.slice(0, 3)) ?? NONE) if (altMatches(alt, t, hasTag)) attempt(id);
      }
    }
    if (this.generation > 1_000_000_000) { this.generation = 0; this.stamps.fill(0); }
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

const NONE: readonly never[] = [];

/** Keys, folded forms and stems of a clause, computed once per word list (clauses are scanned by several phrase sets). */
const presentCache = new WeakMap<readonly Token[], Set<string>>();
function presentIn(words: readonly Token[]): Set<string> {
  let present = presentCache.get(words);
  if (present === undefined) {
    present = new Set<string>();
    for (const w of words) { present.add(w.key); present.add(w.norm); present.add(w.stem); }
    presentCache.set(words, present);
  }
  return present;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
