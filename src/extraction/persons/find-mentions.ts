import type { Lexicon } from '../lexicon/lexicon-types.js';
import type { Token } from '../text/token.js';
import { fold } from '../text/fold.js';
import { AUXILIARIES, PLACE_WORDS, STOPWORDS, TITLES } from '../text/function-words.js';
import { allowedTypos, typoDistance } from './edit-distance.js';
import type { NameForm, RosterIndex } from './roster-index.js';

/** A person named in the note: tokens [from, to), resolved to a roster id, or a name matching nobody. */
export interface Mention {
  readonly from: number;
  readonly to: number;
  readonly personId: string | null;
  readonly text: string;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';

/** True when the token opens a sentence (first of the note, of a line, or after . ! ? ; :). */
export function opensSentence(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.kind === 'break') return true;
    if (t.kind === 'punct') {
      if (/^[.!?;:•*…-]$/.test(t.text)) return true;
      continue;
    }
    return false;
  }
  return true;
}

function formMatches(form: NameForm, tokens: readonly Token[], i: number): number {
  let j = i;
  for (const part of form.tokens) {
    while (tokens[j] !== undefined && tokens[j]!.kind === 'punct' && tokens[j]!.text === '.' && j > i) j++;
    const t = tokens[j];
    if (!isWord(t) || t.norm !== part) return -1;
    j++;
  }
  return j;
}

function choose(ids: readonly string[], index: RosterIndex): string {
  const unique = [...new Set(ids)];
  if (unique.length === 1) return unique[0]!;
  const inTeam = unique.filter((id) => index.people.get(id)?.team === index.authorTeam);
  const pool = inTeam.length > 0 ? inTeam : unique;
  return pool.find((id) => index.people.get(id)?.role === 'salarie') ?? pool[0]!;
}

/**
 * Finds the people named in the note: exact forms (accents and case ignored),
 * then small typos on capitalised words. Words that are also common words
 * ("Pierre", "Petit") need a capital letter away from the start of a sentence.
 */
export function findMentions(note: string, tokens: readonly Token[], index: RosterIndex, lexicon: Lexicon, vocabulary: ReadonlySet<string>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isWord(t)) continue;
    const prev = previousWord(tokens, i);
    if (TITLES.has(t.norm) && t.capitalised) {
      const next = nextWordIndex(tokens, i);
      if (next !== -1 && tokens[next]!.capitalised && !tokens[next]!.allCaps) {
        out.push({ from: i, to: next + 1, personId: null, text: note.slice(t.start, tokens[next]!.end) });
        i = next;
        continue;
      }
    }
    const exact = exactMatch(tokens, i, index, lexicon);
    if (exact !== null) {
      out.push({ from: i, to: exact.to, personId: exact.personId, text: note.slice(t.start, tokens[exact.to - 1]!.end) });
      i = exact.to - 1;
      continue;
    }
    const fuzzy = fuzzyMatch(tokens, i, index, lexicon, vocabulary);
    if (fuzzy !== null) {
      out.push({ from: i, to: i + 1, personId: fuzzy, text: t.text });
      continue;
    }
    const knownFirstName = lexicon.firstNames.has(t.norm) && !(prev && PLACE_WORDS.has(prev.norm));
    if (t.capitalised && !t.allCaps && t.norm.length >= 3 && (knownFirstName || introducedAsPerson(tokens, i, vocabulary))) {
      out.push({ from: i, to: i + 1, personId: null, text: t.text });
    }
  }
  return out;
}

function exactMatch(tokens: readonly Token[], i: number, index: RosterIndex, lexicon: Lexicon): { to: number; personId: string } | null {
  const t = tokens[i]!;
  const forms = index.byFirstToken.get(t.norm);
  if (forms === undefined) return null;
  for (const form of forms) {
    const to = formMatches(form, tokens, i);
    if (to === -1) continue;
    if (form.tokens.length === 1 && !acceptSingle(tokens, i, lexicon)) return null;
    const same = forms.filter((f) => f.tokens.join(' ') === form.tokens.join(' ')).map((f) => f.personId);
    const initial = initialAfter(tokens, to, same, index);
    if (initial !== null) return initial;
    return { to, personId: choose(same, index) };
  }
  return null;
}

/**
 * « Mehdi B » / « Mehdi D. »: a capital letter right after a name shared by
 * several people picks the one whose last name starts with it.
 */
function initialAfter(tokens: readonly Token[], to: number, ids: readonly string[], index: RosterIndex): { to: number; personId: string } | null {
  const unique = [...new Set(ids)];
  const t = tokens[to];
  if (unique.length < 2 || !isWord(t) || t.text.length !== 1 || !/^\p{Lu}$/u.test(t.text)) return null;
  const matching = unique.filter((id) => fold(index.people.get(id)?.lastName ?? '').startsWith(t.norm));
  if (matching.length !== 1) return null;
  const end = tokens[to + 1]?.kind === 'punct' && tokens[to + 1]!.text === '.' ? to + 2 : to + 1;
  return { to: end, personId: matching[0]! };
}

function acceptSingle(tokens: readonly Token[], i: number, lexicon: Lexicon): boolean {
  const t = tokens[i]!;
  if (STOPWORDS.has(t.norm)) return t.allCaps;
  if (!lexicon.commonWords.has(t.norm)) return true;
  if (!t.capitalised) return false;
  if (!opensSentence(tokens, i)) return true;
  // "Pierre a trié…" is a person, "Petit souci ce matin" is not: a verb must follow.
  const [next, then] = tokens.slice(i + 1, i + 6).filter((n) => n.kind === 'word');
  if (next === undefined) return false;
  return AUXILIARIES.has(next.key) || VERB_STARTERS.has(next.norm) || VERB_STARTERS.has(next.key) || (next.key === 'de' && then?.key === 'retour');
}

const VERB_STARTERS = new Set(["n'", 'ne', "s'", 'se', "l'", 'lui', "m'", 'me', 'y', 'et', 'il', 'elle', 'va', 'fait', 'vient', 'commence', 'travaille', 'arrive', 'part', 'parti', 'partie', 'arrivee', 'absent', 'absente', 'present', 'presente', 'venu', 'venue', 'revenu', 'revenue', 'malade', 'encore', 'toujours', 'tjs', 'tres', 'bien', 'pas', 'jamais', 'aussi', 'est', 'etait', 'en']);

function fuzzyMatch(tokens: readonly Token[], i: number, index: RosterIndex, lexicon: Lexicon, vocabulary: ReadonlySet<string>): string | null {
  const t = tokens[i]!;
  if (!t.capitalised || t.allCaps || t.norm.length < 4 || lexicon.commonWords.has(t.norm) || vocabulary.has(t.norm)) return null;
  if (lexicon.firstNames.has(t.norm)) return null;
  const initial = opensSentence(tokens, i);
  let best = Infinity;
  let ids: string[] = [];
  for (const form of index.fuzzyForms) {
    const name = form.tokens[0]!;
    if (name[0] !== t.norm[0]) continue;
    const limit = initial ? Math.min(1, allowedTypos(Math.min(name.length, t.norm.length))) : allowedTypos(Math.min(name.length, t.norm.length), true);
    if (limit === 0 || Math.abs(name.length - t.norm.length) > limit) continue;
    const d = typoDistance(t.norm, name);
    if (d > limit) continue;
    if (d < best) { best = d; ids = [form.personId]; } else if (d === best) ids.push(form.personId);
  }
  return ids.length > 0 ? choose(ids, index) : null;
}

const NEWCOMER = new Set(['nouveau', 'nouvelle', 'stagiaire', 'client', 'cliente', 'benevole', 'visiteur', 'visiteuse', 'voisin', 'voisine', 'habitant', 'habitante']);

/** « Zoltan le nouveau », « la stagiaire Inès »: a name the first-names list does not know yet. */
function introducedAsPerson(tokens: readonly Token[], i: number, vocabulary: ReadonlySet<string>): boolean {
  if (vocabulary.has(tokens[i]!.norm)) return false;
  const before = previousWord(tokens, i);
  const after = tokens.slice(i + 1, i + 4).filter((t) => t.kind === 'word');
  return (before !== undefined && NEWCOMER.has(before.key)) || (after[0] !== undefined && ['le', 'la'].includes(after[0].key) && NEWCOMER.has(after[1]?.key ?? ''));
}

function previousWord(tokens: readonly Token[], i: number): Token | undefined {
  for (let j = i - 1; j >= 0; j--) if (tokens[j]!.kind !== 'punct') return tokens[j]!.kind === 'word' ? tokens[j] : undefined;
  return undefined;
}

function nextWordIndex(tokens: readonly Token[], i: number): number {
  for (let j = i + 1; j < tokens.length && j <= i + 2; j++) {
    if (tokens[j]!.kind === 'word') return j;
    if (tokens[j]!.text !== '.') return -1;
  }
  return -1;
}
