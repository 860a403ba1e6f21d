import { fold } from '../text/fold.js';
import { tokenize } from '../text/tokenize.js';
import type { Token } from '../text/token.js';
import { stem } from './stem.js';

/**
 * The small expression language of the lexicon files (docs/extraction.md):
 *   mot      any inflection of the word (same Snowball stem of 5+ letters), or the word itself
 *   =mot     exactly this word (accents and case ignored)
 *   mot*     any word starting with "mot"
 *   a|b      one of several words
 *   mot?     an optional word
 *   …  ...   up to three words of any kind
 *   #nombre #ordinal #heure #personne   a number, "3e", a clock time, a person (name or pronoun)
 *   #corps   a body part (lexicon/corps.tsv)
 * Elisions are written naturally ("s'en sort", "l'alcool").
 */
/** `la` is internal: the word « là » (also « la » ending a clause, as typed without accents). */
export type Tag = 'nombre' | 'ordinal' | 'heure' | 'personne' | 'corps' | 'la';
export interface Alt { readonly mode: 'stem' | 'exact' | 'prefix' | 'tag'; readonly value: string; readonly stem?: string }
export type Item =
  | { readonly kind: 'word'; readonly alts: readonly Alt[]; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number };
/** `anchor`: the keys or stems of one required word after the first; a clause without any of them cannot match. */
export interface Pattern { readonly source: string; readonly items: readonly Item[]; readonly anchor?: readonly string[] }

const GAP_MAX = 3;
const MIN_STEM = 5;
const TAGS = new Set<Tag>(['nombre', 'ordinal', 'heure', 'personne', 'corps']);
const ELIDED_ALONE_RE = /^(l|d|n|j|m|t|s|c|qu|jusqu|lorsqu|puisqu)['’]$/i;

function parseAlt(raw: string, abbreviations?: ReadonlyMap<string, string>): Alt[] {
  if (raw.startsWith('#') && TAGS.has(raw.slice(1) as Tag)) return [{ mode: 'tag', value: raw.slice(1) }];
  const exact = raw.startsWith('=');
  const prefix = raw.endsWith('*');
  const body = raw.replace(/^=/, '').replace(/\*$/, '');
  if (body.toLowerCase() === 'là') return [{ mode: 'tag', value: 'la' }];
  // An elided word written alone (« =l' », « d' ») would tokenize as a bare letter: it matches the elided form only (« l'a », « l a »).
  const elided = ELIDED_ALONE_RE.test(body);
  const words = tokenize(elided ? `${body}a` : body, { abbreviations }).filter((t) => t.kind !== 'punct');
  if (elided) return words.slice(0, 1).map((t) => ({ mode: 'exact', value: t.norm }));
  return words.map((t) => {
    if (prefix) return { mode: 'prefix', value: fold(t.text) };
    const s = stem(t.key);
    // Short stems over-reach ("parti" → "part", "livré" → "livr" = "livres"): those words match as written.
    if (exact || s.length < MIN_STEM) return { mode: 'exact', value: t.key };
    return { mode: 'stem', value: t.key, stem: s };
  });
}

/** The space-separated chunks of an expression, a trailing `?` (optional word) taken off. */
function chunksOf(source: string): Array<{ body: string; optional: boolean }> {
  return source.trim().split(/\s+/).map((chunk) => {
    const optional = chunk.length > 1 && chunk.endsWith('?');
    return { body: optional ? chunk.slice(0, -1) : chunk, optional };
  });
}

/**
 * Why an expression cannot be read as written, or null. Each alternative of `a|b` stands for one word
 * of the note: « c'était|c'est » would keep only « c' » of « c'était » and match nothing, silently.
 */
export function patternProblem(source: string, abbreviations?: ReadonlyMap<string, string>): string | null {
  for (const { body } of chunksOf(source)) {
    if (!body.includes('|')) continue;
    const long = body.split('|').find((alt) => alt !== '' && parseAlt(alt, abbreviations).length > 1);
    if (long !== undefined) return `« ${long} » dans « ${body} » fait plusieurs mots ; une alternative est un seul mot (écrire une ligne par forme)`;
  }
  return null;
}

/** Compiles one expression; returns null when it holds no word. */
export function compilePattern(source: string, abbreviations?: ReadonlyMap<string, string>): Pattern | null {
  const items: Item[] = [];
  for (const { body, optional } of chunksOf(source)) {
    if (body === '…' || body === '...') {
      if (items.length > 0) items.push({ kind: 'gap', max: GAP_MAX });
      continue;
    }
    if (body.includes('|')) {
      const alts = body.split('|').filter(Boolean).flatMap((a) => parseAlt(a, abbreviations).slice(0, 1));
      if (alts.length > 0) items.push({ kind: 'word', alts, optional });
      continue;
    }
    const words = parseAlt(body, abbreviations);
    words.forEach((alt, i) => items.push({ kind: 'word', alts: [alt], optional: optional && i === words.length - 1 }));
  }
  while (items.length > 0 && items[items.length - 1]!.kind === 'gap') items.pop();
  if (!items.some((i) => i.kind === 'word')) return null;
  const required = items.slice(1).filter((i): i is Extract<Item, { kind: 'word' }> =>
    i.kind === 'word' && !i.optional && i.alts.every((a) => a.mode === 'exact' || a.mode === 'stem'));
  const last = required[required.length - 1];
  return last === undefined ? { source, items } : { source, items, anchor: last.alts.flatMap((a) => (a.stem === undefined ? [a.value] : [a.value, a.stem])) };
}

export type TagTest = (token: Token, tag: Tag) => boolean;

export function altMatches(alt: Alt, token: Token, hasTag: TagTest): boolean {
  switch (alt.mode) {
    case 'tag': return hasTag(token, alt.value as Tag);
    case 'exact': return token.key === alt.value || token.norm === alt.value;
    case 'prefix': return token.key.startsWith(alt.value) || token.norm.startsWith(alt.value);
    case 'stem': return token.key === alt.value || token.norm === alt.value || (token.kind === 'word' && token.stem === alt.stem);
  }
}

function anyAlt(alts: readonly Alt[], token: Token, hasTag: TagTest): boolean {
  for (let k = 0; k < alts.length; k++) if (altMatches(alts[k]!, token, hasTag)) return true;
  return false;
}

/** Longest end of items[item…] matched from words[pos], or -1 (plain recursion: patterns are a few items long). */
function longest(items: readonly Item[], item: number, words: readonly Token[], pos: number, hasTag: TagTest): number {
  if (item === items.length) return pos;
  const it = items[item]!;
  let best = -1;
  if (it.kind === 'gap') {
    for (let skip = 0; skip <= it.max && pos + skip <= words.length; skip++) {
      const r = longest(items, item + 1, words, pos + skip, hasTag);
      if (r > best) best = r;
    }
    return best;
  }
  if (it.optional) best = longest(items, item + 1, words, pos, hasTag);
  const token = words[pos];
  if (token !== undefined && anyAlt(it.alts, token, hasTag)) {
    const r = longest(items, item + 1, words, pos + 1, hasTag);
    if (r > best) best = r;
  }
  return best;
}

/**
 * Longest match of `pattern` starting exactly at words[from]; returns the index
 * (in `words`) one past the last matched word, or -1. A match starts on a
 * real word, never on a skipped optional one.
 */
export function matchAt(pattern: Pattern, words: readonly Token[], from: number, hasTag: TagTest): number {
  const startToken = words[from];
  const first = pattern.items[0];
  if (startToken === undefined || first === undefined) return -1;
  if (first.kind === 'word' && !first.optional && !anyAlt(first.alts, startToken, hasTag)) return -1;
  const end = longest(pattern.items, 0, words, from, hasTag);
  return end > from ? end : -1;
}

/** The folded words a pattern spells out (its own negators are part of its meaning). */
export function literalWords(pattern: Pattern): Set<string> {
  const out = new Set<string>();
  for (const item of pattern.items) if (item.kind === 'word') for (const a of item.alts) if (a.mode !== 'tag') out.add(a.value);
  return out;
}
