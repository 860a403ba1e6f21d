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

  /** Per-phrase stamp of the last word that proposed it, to try each phrase once per word without allocating. */
  private readonly stamps: Int32Array;
  private readonly ids = new Map<P, number>();
  private generation = 0;

  constructor(readonly phrases: readonly P[]) {
    this.stamps = new Int32Array(phrases.length);
    phrases.forEach((p, i) => this.ids.set(p, i));
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
    const present = presentIn(words);
    const candidates: P[] = [];
    for (let i = 0; i < words.length; i++) {
      const t = words[i]!;
      candidates.length = 0;
      for (const p of this.byKey.get(t.key) ?? NONE) candidates.push(p as P);
      if (t.norm !== t.key) for (const p of this.byKey.get(t.norm) ?? NONE) candidates.push(p as P);
      if (t.kind === 'word') for (const p of this.byStem.get(t.stem) ?? NONE) candidates.push(p as P);
      for (const { alt, phrase } of this.scanned) if (altMatches(alt, t, hasTag)) candidates.push(phrase);
      const head = t.key.slice(0, 3);
      for (const { alt, phrase } of this.byPrefix.get(head) ?? NONE) if (altMatches(alt, t, hasTag)) candidates.push(phrase as P);
      if (t.norm.slice(0, 3) !== head) for (const { alt, phrase } of this.byPrefix.get(t.norm.slice(0, 3)) ?? NONE) if (altMatches(alt, t, hasTag)) candidates.push(phrase as P);
      const gen = ++this.generation;
      for (const phrase of candidates) {
        const id = this.ids.get(phrase)!;
        if (this.stamps[id] === gen) continue;
        this.stamps[id] = gen;
        const anchor = phrase.pattern.anchor;
        if (anchor !== undefined && !anchor.some((k) => present.has(k))) continue;
        const to = matchAt(phrase.pattern, words, i, hasTag);
        if (to > i) out.push({ phrase, from: i, to });
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
