import type { Lexicon } from '../lexicon/lexicon-types.js';
import type { Token } from './token.js';
import {
  AUXILIARIES, CLAUSE_CONJUNCTIONS, COORDINATORS, DETERMINERS, PREPOSITIONS, SUBJECT_PRONOUNS, SUBORDINATORS, TITLES,
} from './function-words.js';

/** A clause: the words it holds (fillers removed) and how it starts. */
export interface Segment {
  readonly id: number;
  readonly sentence: number;
  /** Word and number tokens of the clause, in order. */
  readonly words: readonly Token[];
  /** True when it follows a sentence end or a topic change ("voilà", "sinon"): nothing carries over. */
  readonly strong: boolean;
}

/** What names and pronouns the segmenter needs to know about (token indices). */
export interface MentionMarks {
  readonly starts: ReadonlySet<number>;
  readonly inside: ReadonlySet<number>;
}

type Role = 'keep' | 'filler' | 'rupture' | 'liaison';

const SENTENCE_END = /^[.!?;…]$/;
const WEAK_PUNCT = /^[,:()+–—/«»"“”*•[\]{}<>=|]$/;
const ABBREVIATIONS = new Set(['m', 'mme', 'mlle', 'mr', 'dr', 'st', 'ste', 'env', 'etc', 'cf', 'av', 'bd', 'n', 'p', 'tel', 'ex', 'vs', 'approx']);
const BON_FOLLOWERS = new Set(['alors', 'euh', 'ben', 'bah', 'et', 'sinon', 'voila', 'bref', 'ok', 'donc', 'je', 'on', 'il', 'elle', 'ils', 'elles', 'nous', "aujourd'hui", 'hein', 'par', 'ce', 'la', 'le']);
const NO_SPLIT_BEFORE_NAME = new Set([...PREPOSITIONS, ...COORDINATORS, ...SUBORDINATORS, ...TITLES, 'part', 'dont', 'lui', 'leur', "d'"]);
const NO_SPLIT_BEFORE_PRONOUN = new Set([...SUBORDINATORS, ...PREPOSITIONS, 'ne', "n'", 'moi', 'toi', 'lui', 'eux', 'dont', 'dit', 'pense', 'crois']);

const looksLikeParticiple = (t: Token): boolean => t.key.length > 2 && /(e|ee|es|ees|i|ie|is|u|ue|us|it|t)$/.test(t.key);

function sentencesOf(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const abbreviation = t.text === '.' && prev !== undefined && prev.kind === 'word'
      && (ABBREVIATIONS.has(prev.norm) || /^\p{Lu}$/u.test(prev.text));
    if (t.kind === 'break' || (t.kind === 'punct' && SENTENCE_END.test(t.text) && !abbreviation)) {
      if (current.length > 0) out.push(current);
      current = [];
    } else if (!abbreviation) current.push(t);
  });
  if (current.length > 0) out.push(current);
  return out;
}

function rolesOf(words: readonly Token[], lexicon: Lexicon, marks: MentionMarks): Role[] {
  const roles: Role[] = words.map(() => 'keep');
  for (const m of lexicon.markers.findLongest(words, () => false)) {
    const role: Role = m.phrase.role === 'rupture' ? 'rupture' : m.phrase.role === 'remplissage' ? 'filler' : 'keep';
    for (let i = m.from; i < m.to; i++) roles[i] = role;
    if (m.phrase.role === 'liaison') roles[m.from] = 'liaison';
  }
  words.forEach((t, i) => {
    const next = words[i + 1];
    if (t.key === 'bon' && roles[i] === 'keep' && (i === 0 || next === undefined || BON_FOLLOWERS.has(next.key) || marks.starts.has(next.index))) roles[i] = 'filler';
  });
  return roles;
}

/**
 * Splits a note into sentences and clauses, with or without punctuation:
 * at sentence ends, commas, discourse markers ("par contre", "voilà"),
 * and, in dictated run-on text, before a new subject (a pronoun or a name).
 */
export function segment(tokens: readonly Token[], lexicon: Lexicon, marks: MentionMarks): Segment[] {
  const segments: Segment[] = [];
  sentencesOf(tokens).forEach((sentence, s) => {
    const words = sentence.filter((t) => t.kind !== 'punct');
    const roles = rolesOf(words, lexicon, marks);
    let clause: Token[] = [];
    let strong = true;
    const close = (nextStrong: boolean): void => {
      if (clause.length > 0) {
        segments.push({ id: segments.length, sentence: s, words: clause, strong });
        strong = nextStrong;
      } else strong = strong || nextStrong;
      clause = [];
    };
    let w = 0;
    sentence.forEach((t, at) => {
      if (t.kind === 'punct') {
        if (WEAK_PUNCT.test(t.text) && !listComma(sentence, at, marks)) close(false);
        return;
      }
      const i = w++;
      const role = roles[i]!;
      if (role === 'filler' || role === 'rupture') { close(role === 'rupture'); return; }
      if (role === 'liaison') close(false);
      else if (startsClause(words, i, marks, i - clause.length)) {
        const prev = clause[clause.length - 1];
        if (prev !== undefined && clause.length > 1 && CLAUSE_CONJUNCTIONS.has(prev.key)) {
          clause.pop();
          close(false);
          clause.push(prev);
        } else close(false);
      }
      clause.push(t);
    });
    close(true);
    strong = true;
  });
  return segments;
}

function listComma(sentence: readonly Token[], at: number, marks: MentionMarks): boolean {
  const before = sentence[at - 1];
  const after = sentence[at + 1];
  // « Greg a poussé Momo, Momo est tombé »: a list never names the same person twice.
  if (!(sentence[at]!.text === ',' && before !== undefined && after !== undefined
    && marks.inside.has(before.index) && marks.starts.has(after.index) && before.key !== after.key)) return false;
  // « Un client a frappé Greg, Momo est intervenu »: the object of a verb, then a name with its own verb, are two clauses.
  let k = at - 1;
  while (k > 0 && !marks.starts.has(sentence[k]!.index) && marks.inside.has(sentence[k - 1]!.index)) k--;
  const verb = sentence[k - 1];
  const auxiliary = sentence[k - 2];
  const objectOfVerb = verb !== undefined && verb.kind === 'word' && looksLikeParticiple(verb)
    && auxiliary !== undefined && (AUXILIARIES.has(auxiliary.key) || auxiliary.norm === "l'");
  let j = at + 1;
  while (j < sentence.length && marks.inside.has(sentence[j]!.index) && (j === at + 1 || !marks.starts.has(sentence[j]!.index))) j++;
  const next = sentence[j];
  const ownVerb = next !== undefined && next.kind === 'word' && (AUXILIARIES.has(next.key) || CLITICS.has(next.norm));
  return !(objectOfVerb && ownVerb);
}

function startsClause(words: readonly Token[], i: number, marks: MentionMarks, clauseStart: number): boolean {
  if (i === 0) return false;
  const t = words[i]!;
  const prev = words[i - 1]!;
  if (SUBJECT_PRONOUNS.has(t.key) || t.norm === "c'" || t.key === 'ca') {
    if (marks.inside.has(prev.index) || NO_SPLIT_BEFORE_PRONOUN.has(prev.key) || NO_SPLIT_BEFORE_PRONOUN.has(prev.norm)) return false;
    return !(SUBJECT_PRONOUNS.has(prev.key) && prev.key !== t.key);
  }
  if (marks.starts.has(t.index)) {
    if (prev.key === 'et' && andNameStartsClause(words, i, marks, clauseStart)) return true;
    if (marks.inside.has(prev.index) || NO_SPLIT_BEFORE_NAME.has(prev.key) || NO_SPLIT_BEFORE_NAME.has(prev.norm)) return false;
    // "j'ai renvoyé Samir chez lui": an object, unless a verb follows ("ça a dégénéré Dylan a poussé…").
    const adverb = /ment$/.test(prev.key) && words[i - 2] !== undefined && looksLikeParticiple(words[i - 2]!);
    const participle = adverb ? words[i - 2]! : prev;
    const before = words[i - (adverb ? 3 : 2)];
    if (before !== undefined && looksLikeParticiple(participle) && (AUXILIARIES.has(before.key) || before.norm === "l'")) {
      const j = endOfName(words, i, marks);
      // « a insulté Momo, il l'a menacé »: a comma after the name closes the clause, the name is its object.
      const after = punctuationBefore(words, j) ? undefined : words[j];
      // « a formé Dorian à la caisse »: « à » (or « a » before a determiner) is the preposition, not the verb « a ».
      const preposition = after?.key === 'a' && (after.text.toLowerCase() === 'à' || DETERMINERS.has(words[j + 1]?.key ?? ''));
      return after !== undefined && !preposition && (AUXILIARIES.has(after.key) || SUBJECT_PRONOUNS.has(after.key));
    }
    // « il est allé aider Lili », « je suis allé chercher Karim »: the object of an infinitive, unless a verb follows.
    if (INFINITIVE_HEADS.has(words[i - 2]?.key ?? '') && /(er|ir|re)$/.test(prev.key)) {
      const j = endOfName(words, i, marks);
      const after = punctuationBefore(words, j) ? undefined : words[j];
      return after !== undefined && (AUXILIARIES.has(after.key) || SUBJECT_PRONOUNS.has(after.key));
    }
    return true;
  }
  return false;
}

/** The word after the name starting at i (a name never runs across punctuation: « Momo, Momo est tombé » is two mentions). */
function endOfName(words: readonly Token[], i: number, marks: MentionMarks): number {
  let j = i;
  while (j < words.length && marks.inside.has(words[j]!.index) && (j === i || !punctuationBefore(words, j))) j++;
  return j;
}

/** True when punctuation stands between word j - 1 and word j (words keep their token indices; punctuation tokens were left out). */
const punctuationBefore = (words: readonly Token[], j: number): boolean => j > 0 && j < words.length && words[j]!.index > words[j - 1]!.index + 1;

/** Verbs that take an infinitive right after them (« allé aider », « doit former », « faut appeler »). */
const INFINITIVE_HEADS = new Set(['alle', 'allee', 'alles', 'allees', 'va', 'vais', 'vont', 'venu', 'venue', 'vient', 'doit', 'dois', 'devait', 'peut', 'peux', 'pu', 'faut', 'fallu', 'fallait', 'voulu', 'veut', 'voulait', 'aide', 'aider', 'su', 'sait', 'parti', 'partie']);

const CLITICS = new Set(['lui', 'le', 'la', "l'", 'il', 'elle', "m'", 'me', 'se', "s'", "n'", 'ne', 'leur', 'les', 'y', 'en']);

/** "…contre l'établi et Samir lui a dit…": a new clause, unlike "Karim et Sofiane se sont entraidés". */
function andNameStartsClause(words: readonly Token[], i: number, marks: MentionMarks, clauseStart: number): boolean {
  let k = i - 2;
  while (k >= 0 && (marks.inside.has(words[k]!.index) || words[k]!.key === 'et')) k--;
  if (k < clauseStart) return false;
  let j = i;
  while (j < words.length && (marks.inside.has(words[j]!.index) || (words[j]!.key === 'et' && marks.starts.has(words[j + 1]?.index ?? -1)))) j++;
  const after = words[j];
  return after !== undefined && (AUXILIARIES.has(after.key) || CLITICS.has(after.norm) || CLITICS.has(after.key));
}
