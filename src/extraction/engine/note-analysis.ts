import type { ExtractionContext } from '../../core/ports/shift-note-extractor.js';
import type { AlertPhrase, Lexicon } from '../lexicon/lexicon-types.js';
import type { PhraseMatch } from '../lexicon/phrase-set.js';
import type { Tag, TagTest } from '../lexicon/pattern.js';
import { findMentions, type Mention } from '../persons/find-mentions.js';
import { resolveSubjects, type Clause } from '../persons/resolve-subjects.js';
import type { RosterIndex } from '../persons/roster-index.js';
import { isClockToken, isOrdinal, startsNumber } from '../quantities/french-numbers.js';
import { parseTimeAt } from '../quantities/times.js';
import { segment } from '../text/segment.js';
import type { Token } from '../text/token.js';
import { tokenize } from '../text/tokenize.js';
import { stem } from '../lexicon/stem.js';

/** Everything the extraction stages read: the note cut into clauses, with people resolved. */
export interface NoteAnalysis {
  readonly note: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
  readonly clauses: readonly Clause[];
  readonly lexicon: Lexicon;
  readonly index: RosterIndex;
  readonly context: ExtractionContext;
  readonly hasTag: TagTest;
  /** The note's own text from the first to the last of these words (verbatim, for evidence). */
  readonly span: (words: readonly Token[]) => string;
  readonly isSalarie: (personId: string) => boolean;
  /** The alert phrases of a clause (longest first where they overlap), computed once: the alert and fact stages both read them. */
  readonly alertsIn: (clause: Clause) => ReadonlyArray<PhraseMatch<AlertPhrase>>;
}

const OBJECT_WORDS = new Set(['le', 'la', "l'", 'lui', 'les', 'leur', 'me', "m'", 'te', "t'", 'moi']);
/** Words an article « la » never precedes: « tt le monde la sauf Gaelle » is « là » typed without its accent. */
const AFTER_LA_ADVERB = new Set(['sauf', 'excepte', 'hormis', 'et', 'mais', 'a', 'ce', 'cet', 'cette', "aujourd'hui", 'hier', 'tout', 'toute', 'tous', 'aussi', 'depuis', 'pendant']);

export function analyseNote(note: string, lexicon: Lexicon, index: RosterIndex, context: ExtractionContext, vocabulary: ReadonlySet<string>): NoteAnalysis {
  const tokens = tokenize(note, { abbreviations: lexicon.abbreviations, stem });
  const mentions = findMentions(note, tokens, index, lexicon, vocabulary);
  const starts = new Set(mentions.map((m) => m.from));
  const inside = new Set<number>();
  for (const m of mentions) for (let i = m.from; i < m.to; i++) inside.add(i);
  const segments = segment(tokens, lexicon, { starts, inside });
  const clauses = resolveSubjects(segments, mentions, index, { nouns: lexicon.outsiders, firstNames: lexicon.firstNames });

  const words = tokens.filter((t) => t.kind !== 'punct' && t.kind !== 'break');
  const clockStarts = new Set<number>();
  words.forEach((t, i) => { if (isClockToken(t) || parseTimeAt(words, i) !== null) clockStarts.add(t.index); });
  const clauseEnds = new Set(clauses.map((c) => c.words[c.words.length - 1]!.index));
  words.forEach((t, i) => { if (t.norm === 'la' && AFTER_LA_ADVERB.has(words[i + 1]?.key ?? '')) clauseEnds.add(t.index); });
  const hasTag = (t: Token, tag: Tag): boolean => {
    switch (tag) {
      case 'nombre': return startsNumber(t);
      case 'ordinal': return isOrdinal(t);
      case 'heure': return clockStarts.has(t.index);
      case 'personne': return inside.has(t.index) || OBJECT_WORDS.has(t.norm);
      case 'corps': return t.kind === 'word' && (lexicon.bodyParts.has(t.key) || lexicon.bodyParts.has(t.norm));
      case 'la': return t.text.toLowerCase() === 'là' || (t.norm === 'la' && clauseEnds.has(t.index));
    }
  };
  const span = (ws: readonly Token[]): string => (ws.length === 0 ? '' : note.slice(ws[0]!.start, ws[ws.length - 1]!.end));
  const isSalarie = (id: string): boolean => index.people.get(id)?.role === 'salarie';
  const alertCache = new Map<number, ReadonlyArray<PhraseMatch<AlertPhrase>>>();
  const alertsIn = (clause: Clause): ReadonlyArray<PhraseMatch<AlertPhrase>> => {
    let found = alertCache.get(clause.id);
    if (found === undefined) { found = lexicon.alerts.findLongest(clause.words, hasTag); alertCache.set(clause.id, found); }
    return found;
  };
  return { note, tokens, mentions, clauses, lexicon, index, context, hasTag, span, isSalarie, alertsIn };
}
