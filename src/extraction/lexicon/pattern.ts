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
 * Elisions are written naturally ("s'en sort", "l'alcool").
 */
/** `la` is internal: the word « là » (also « la » ending a clause, as typed without accents). */
export type Tag = 'nombre' | 'ordinal' | 'heure' | 'personne' | 'la';
export interface Alt { readonly mode: 'stem' | 'exact' | 'prefix' | 'tag'; readonly value: string; readonly stem?: string }
export type Item =
  | { readonly kind: 'word'; readonly alts: readonly Alt[]; readonly optional: boolean }
  | { readonly kind: 'gap'; readonly max: number };
export interface Pattern { readonly source: string; readonly items: readonly Item[] }

const GAP_MAX = 3;
const MIN_STEM = 5;
const TAGS = new Set<Tag>(['nombre', 'ordinal', 'heure', 'personne']);

function parseAlt(raw: string, abbreviations?: ReadonlyMap<string, string>): Alt[] {
  if (raw.startsWith('#') && TAGS.has(raw.slice(1) as Tag)) return [{ mode: 'tag', value: raw.slice(1) }];
  const exact = raw.startsWith('=');
  const prefix = raw.endsWith('*');
  const body = raw.replace(/^=/, '').replace(/\*$/, '');
  if (body.toLowerCase() === 'là') return [{ mode: 'tag', value: 'la' }];
  const words = tokenize(body, { abbreviations }).filter((t) => t.kind !== 'punct');
  return words.map((t) => {
    if (prefix) return { mode: 'prefix', value: fold(t.text) };
    const s = stem(t.key);
    // Short stems over-reach ("parti" → "part", "livré" → "livr" = "livres"): those words match as written.
    if (exact || s.length < MIN_STEM) return { mode: 'exact', value: t.key };
    return { mode: 'stem', value: t.key, stem: s };
  });
}

/** Compiles one expression; returns null when it holds no word. */
export function compilePattern(source: string, abbreviations?: ReadonlyMap<string, string>): Pattern | null {
  const items: Item[] = [];
  for (const chunk of source.trim().split(/\s+/)) {
    if (chunk === '…' || chunk === '...') {
      if (items.length > 0) items.push({ kind: 'gap', max: GAP_MAX });
      continue;
    }
    const optional = chunk.length > 1 && chunk.endsWith('?');
    const body = optional ? chunk.slice(0, -1) : chunk;
    if (body.includes('|')) {
      const alts = body.split('|').filter(Boolean).flatMap((a) => parseAlt(a, abbreviations).slice(0, 1));
      if (alts.length > 0) items.push({ kind: 'word', alts, optional });
      continue;
    }
    const words = parseAlt(body, abbreviations);
    words.forEach((alt, i) => items.push({ kind: 'word', alts: [alt], optional: optional && i === words.length - 1 }));
  }
  while (items.length > 0 && items[items.length - 1]!.kind === 'gap') items.pop();
  return items.some((i) => i.kind === 'word') ? { source, items } : null;
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

/**
 * Longest match of `pattern` starting exactly at words[from]; returns the index
 * (in `words`) one past the last matched word, or -1.
 */
export function matchAt(pattern: Pattern, words: readonly Token[], from: number, hasTag: TagTest): number {
  const { items } = pattern;
  let best = -1;
  const step = (item: number, pos: number): void => {
    if (item === items.length) {
      if (pos > best) best = pos;
      return;
    }
    const it = items[item]!;
    if (it.kind === 'gap') {
      for (let skip = 0; skip <= it.max && pos + skip <= words.length; skip++) step(item + 1, pos + skip);
      return;
    }
    if (it.optional) step(item + 1, pos);
    const token = words[pos];
    if (token !== undefined && it.alts.some((a) => altMatches(a, token, hasTag))) step(item + 1, pos + 1);
  };
  // A match must start on a real word, not on a skipped optional one.
  const first = items.find((i) => i.kind === 'word' && !i.optional) ?? items[0]!;
  const startToken = words[from];
  if (startToken === undefined) return -1;
  const firstIsOptional = items[0]!.kind === 'word' && (items[0] as { optional: boolean }).optional;
  if (!firstIsOptional && first.kind === 'word' && !first.alts.some((a) => altMatches(a, startToken, hasTag))) return -1;
  step(0, from);
  return best > from ? best : -1;
}

/** The folded words a pattern spells out (its own negators are part of its meaning). */
export function literalWords(pattern: Pattern): Set<string> {
  const out = new Set<string>();
  for (const item of pattern.items) if (item.kind === 'word') for (const a of item.alts) if (a.mode !== 'tag') out.add(a.value);
  return out;
}
