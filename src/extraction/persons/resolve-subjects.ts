import type { Segment } from '../text/segment.js';
import type { Token } from '../text/token.js';
import { AUXILIARIES, DETERMINERS, IMPERSONAL, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS } from '../text/function-words.js';
import type { Mention } from './find-mentions.js';
import type { Gender, RosterIndex } from './roster-index.js';

export type SubjectKind = 'named' | 'pronoun' | 'inherited' | 'author' | 'other' | 'none';

/** A clause with the people it is about: its subjects and the people it acts on. */
export interface Clause extends Segment {
  readonly subjects: readonly string[];
  readonly kind: SubjectKind;
  readonly objects: readonly string[];
  /** Roster people named in the clause, in order. */
  readonly named: readonly string[];
  /** Starts with « son », « sa », « ses »: about something of the subjects (« sa mère est malade »), not their own doing. */
  readonly possessive: boolean;
}

const SKIP = new Set("et mais donc puis alors sinon ensuite heureusement malheureusement enfin aujourd'hui hier demain matin soir midi apres-midi aprem journee vers depuis contre coup plus aussi encore bien quand meme ailleurs moi bon ben ce cet cette lundi mardi mercredi jeudi vendredi samedi dimanche toujours deja finalement du en par".split(' '));
const TIME_WORDS = new Set('matin soir midi apres-midi aprem jour journee semaine moment lundi mardi mercredi jeudi vendredi samedi dimanche'.split(' '));

/** Pseudo-ids of people off the roster (« un habitant », « des jeunes »): antecedents of pronouns, never output. */
const OUTSIDER = '?';
const isOutsider = (id: string): boolean => id.startsWith(OUTSIDER);
const real = (ids: readonly string[]): string[] => ids.filter((id) => !isOutsider(id));

/** Who "il", "elle", "ils" and "lui" stand for: the people named last, or someone off the roster the note spoke of. */
class Antecedents {
  private readonly recent: string[] = [];
  private group: readonly string[] = [];
  private clock = 0;
  private readonly seenAt = new Map<string, number>();
  private readonly outsiderGender = new Map<string, Gender>();
  private readonly pluralOutsiders = new Set<string>();
  private outsiders = 0;
  constructor(private readonly index: RosterIndex) {}
  see(ids: readonly string[]): void {
    this.clock++;
    for (const id of ids) {
      this.seenAt.set(id, this.clock);
      if (this.pluralOutsiders.has(id)) continue;
      const at = this.recent.indexOf(id);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.push(id);
    }
    if (ids.length >= 2) { this.group = [...ids]; this.seenAt.set('group', this.clock); }
  }
  /** « un habitant », « une cliente », « des jeunes du quartier »: someone a later pronoun may stand for. */
  seeOutsider(gender: Gender, plural: boolean): string {
    const id = `${OUTSIDER}${++this.outsiders}`;
    if (plural) this.pluralOutsiders.add(id);
    else this.outsiderGender.set(id, gender);
    this.see([id]);
    return id;
  }
  genderOf(id: string): Gender {
    return isOutsider(id) ? this.outsiderGender.get(id) ?? null : this.index.genderOf(id);
  }
  isPlural(ids: readonly string[]): boolean {
    return ids.length >= 2 || (ids.length === 1 && this.pluralOutsiders.has(ids[0]!));
  }
  single(gender: 'm' | 'f' | null, exclude: readonly string[] = []): string[] {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const id = this.recent[i]!;
      if (exclude.includes(id)) continue;
      const g = this.genderOf(id);
      if (gender === null || g === null || g === gender) return [id];
    }
    return [];
  }
  plural(): string[] {
    const people = this.group.length > 0 ? [...this.group] : real(this.recent).slice(-2);
    const peopleAt = this.group.length > 0 ? this.seenAt.get('group')! : Math.max(0, ...people.map((id) => this.seenAt.get(id) ?? 0));
    let outsider: string | null = null;
    for (const id of this.pluralOutsiders) if ((this.seenAt.get(id) ?? 0) > peopleAt && (outsider === null || this.seenAt.get(id)! > this.seenAt.get(outsider)!)) outsider = id;
    return outsider !== null ? [outsider] : people;
  }
}

/**
 * Decides who each clause is about: a name at its start ("Karim et Sofiane…"),
 * a pronoun standing for the last person named ("il", "elle", "ils"), or the
 * subject of the clause before it when the clause has none ("…, très appliquée").
 */
/** What the rest of the note knows about people off the roster: their nouns (« habitant », « cliente ») and first names' genders. */
export interface OutsiderWords {
  readonly nouns: ReadonlyMap<string, Gender>;
  readonly firstNames: ReadonlyMap<string, 'm' | 'f'>;
}

export function resolveSubjects(segments: readonly Segment[], mentions: readonly Mention[], index: RosterIndex, outsiderWords: OutsiderWords = { nouns: new Map(), firstNames: new Map() }): Clause[] {
  const mentionAt = new Map(mentions.map((m) => [m.from, m]));
  const inMention = new Set<number>();
  for (const m of mentions) for (let i = m.from; i < m.to; i++) inMention.add(i);
  const refs = new Antecedents(index);
  const clauses: Clause[] = [];
  /** Who the last clause with a subject was about (roster ids or an outsider), within the sentence: « Un habitant a insulté Mel, il l'a menacée ». */
  let lastSubject: { refs: string[]; sentence: number } | null = null;
  for (const seg of segments) {
    const prev = clauses[clauses.length - 1];
    const carry = prev !== undefined && !seg.strong && prev.sentence === seg.sentence ? prev.subjects : null;
    if (seg.strong || lastSubject?.sentence !== seg.sentence) lastSubject = null;
    const words = seg.words;
    const named = words.map((w) => mentionAt.get(w.index)).filter((m): m is Mention => m !== undefined && m.personId !== null).map((m) => m.personId!);
    let subjects: string[] = [];
    /** The subjects as antecedents: roster ids, or the pseudo-id of someone off the roster. */
    let subjectRefs: string[] | null = null;
    const objects: string[] = [];
    let kind: SubjectKind | null = null;
    let impersonal = false;
    let possessive = false;
    let head = true;
    for (let i = 0; i < words.length && kind === null; i++) {
      const w = words[i]!;
      const m = mentionAt.get(w.index);
      if (m !== undefined) {
        const group = coordinated(words, i, mentionAt);
        const ids = group.ids;
        const prevWord = words[i - 1];
        if (m.personId === null && head) {
          kind = 'other';
          const gender = unknownNameGender(m, words, i, outsiderWords.firstNames);
          if (gender !== null) subjectRefs = [refs.seeOutsider(gender, false)];
          break;
        }
        const parContre = prevWord?.key === 'contre' && words[i - 2]?.key === 'par';
        if (prevWord !== undefined && !parContre && (PREPOSITIONS.has(prevWord.key) || prevWord.key === 'sauf')) {
          objects.push(...ids);
          refs.see(ids);
        } else if (ids.length > 0) {
          subjects = ids;
          kind = 'named';
        }
        i = group.end - 1;
        head = false;
        continue;
      }
      if (w.key === 'il' && impersonalIl(words, i)) { impersonal = true; head = false; continue; }
      if (SUBJECT_PRONOUNS.has(w.key)) {
        const plural = w.key === 'ils' || w.key === 'elles';
        const gender = w.key === 'il' ? 'm' : w.key === 'elle' ? 'f' : null;
        const continued: string[] | null = lastSubject !== null && (w.key === 'il' || w.key === 'elle' || plural) ? lastSubject.refs : null;
        const fits = continued !== null && (plural ? refs.isPlural(continued) : continued.length === 1 && [gender, null].includes(refs.genderOf(continued[0]!)));
        // « X a menacé Y, il l'a frappé »: a pronoun subject keeps the subject of the clause before; recency would pick the object.
        if (fits && objectCliticFollows(words, i)) subjectRefs = [...continued];
        else if (w.key === 'il' || w.key === 'elle') subjectRefs = refs.single(gender);
        else if (plural) subjectRefs = refs.plural();
        subjects = real(subjectRefs ?? []);
        kind = subjects.length > 0 ? 'pronoun' : (subjectRefs?.length ?? 0) > 0 ? 'other' : w.key === 'je' || w.key === 'on' || w.key === 'nous' ? 'author' : 'none';
        if (kind === 'author') {
          // « je trouve que Jess progresse », « on voit que Lan comprend »: the author's opinion about someone named after « que ».
          const reported = namedAfterQue(words, i, mentionAt);
          if (reported.length > 0) { subjects = reported; kind = 'named'; }
        }
        break;
      }
      // « ça s'est calmé tout seul », « ça se passe bien »: the situation, not the person of the clause before.
      if (head && (w.key === 'ca' || w.key === 'cela') && (words[i + 1]?.key === 'se' || words[i + 1]?.norm === "s'")) { kind = 'other'; break; }
      if (IMPERSONAL.has(w.key) || IMPERSONAL.has(w.norm)) { impersonal = true; head = false; continue; }
      if (head && (w.key === 'ce' || w.key === 'cet' || w.key === 'cette') && TIME_WORDS.has(words[i + 1]?.key ?? '')) { i++; continue; }
      // « X et Y ont monté trois étagères, du bon travail bien d'équerre »: an appraisal of the work just told is about its authors.
      if (head && carry !== null && carry.length > 0 && appraisesWork(words, i)) { subjects = [...carry]; kind = 'inherited'; break; }
      if (head && (DETERMINERS.has(w.key) || w.kind === 'number') && !(w.norm === "l'" && AUXILIARIES.has(words[i + 1]?.key ?? ''))) {
        // « un habitant », « une cliente », « des jeunes du quartier », « deux jeunes »: someone off the roster.
        const outsider = outsiderAfter(words, i, outsiderWords.nouns);
        if (outsider !== null) { subjectRefs = [refs.seeOutsider(outsider.gender, outsider.plural)]; kind = 'other'; break; }
        if (w.kind === 'number') continue;
        kind = 'other';
        break;
      }
      if (head && POSSESSIVES.has(w.key)) {
        possessive = true;
        subjects = carry !== null && carry.length > 0 ? [...carry] : real(refs.single(null));
        kind = 'inherited';
        break;
      }
      if (SKIP.has(w.key)) continue;
      head = false;
    }
    if (kind === null) {
      subjects = carry !== null ? [...carry] : [];
      kind = subjects.length > 0 || impersonal ? 'inherited' : 'none';
    }
    // « le ton est monté entre elles », « ça a chauffé entre eux »: what happens between the people just named is about them.
    if (subjects.length === 0 && words.some((w, i) => w.key === 'entre' && (words[i + 1]?.key === 'eux' || words[i + 1]?.key === 'elles'))) subjects = real(refs.plural());
    // « je l'ai mis au tri puis renvoyé chez lui »: a participle after « puis / et » goes on with the author's clause and its object.
    if (kind === 'none' && prev !== undefined && prev.kind === 'author' && prev.sentence === seg.sentence && sharesObject(words)) {
      kind = 'author';
      objects.push(...prev.objects);
    }
    const antecedents: string[] = subjectRefs ?? subjects;
    objects.push(...real(objectPronouns(words, antecedents, refs, inMention, mentionAt, kind === 'author')));
    for (const id of named) if (!subjects.includes(id) && !objects.includes(id)) objects.push(id);
    refs.see(named);
    if (kind === 'pronoun' || (kind === 'other' && subjectRefs !== null)) refs.see(antecedents);
    if (kind === 'named' || kind === 'pronoun' || (kind === 'other' && subjectRefs !== null && subjectRefs.length > 0)) lastSubject = { refs: [...antecedents], sentence: seg.sentence };
    else if (kind === 'other' || kind === 'author') lastSubject = null;
    clauses.push({ ...seg, subjects, kind, objects: [...new Set(objects)], named, possessive });
  }
  return clauses;
}

const MALE_TITLES = new Set(['m', 'mr', 'monsieur']);
const FEMALE_TITLES = new Set(['mme', 'mmes', 'madame', 'mlle', 'mademoiselle']);

/** The gender of a name off the roster: its title (« M. », « Mme ») or its first name; null when unknown. */
function unknownNameGender(m: Mention, words: readonly Token[], i: number, firstNames: ReadonlyMap<string, 'm' | 'f'>): Gender {
  const first = words[i]!;
  if (MALE_TITLES.has(first.key)) return 'm';
  if (FEMALE_TITLES.has(first.key)) return 'f';
  return firstNames.get(first.key) ?? firstNames.get(first.key.split('-')[0] ?? '') ?? null;
}

const LINKED = new Set(['puis', 'et', 'ensuite', 'apres']);

/** « puis renvoyé chez lui », « et ramené au dépôt »: a linking word, then a past participle with no subject of its own. */
function sharesObject(words: readonly Token[]): boolean {
  let j = 0;
  while (j < 2 && LINKED.has(words[j]?.key ?? '')) j++;
  return j > 0 && /(é|ée|és|ées)$/i.test(words[j]?.text ?? '');
}

const WORK_NOUNS = new Set(['travail', 'boulot', 'job', 'taf', 'ouvrage']);
const APPRAISAL_ADJECTIVES = new Set(['bon', 'beau', 'super', 'tres', 'vrai', 'excellent', 'sacre', 'gros', 'joli', 'sale', 'mauvais']);

/** « du bon boulot », « un travail propre », « du beau travail »: the work just told, appraised. */
function appraisesWork(words: readonly Token[], i: number): boolean {
  if (!['du', 'un', 'le', 'ce'].includes(words[i]!.key)) return false;
  let j = i + 1;
  while (j < i + 3 && APPRAISAL_ADJECTIVES.has(words[j]?.key ?? '')) j++;
  return WORK_NOUNS.has(words[j]?.key ?? '');
}

/** Adjectives that may stand before the noun: « un autre client », « un jeune homme ». */
const BEFORE_NOUN = new Set(['autre', 'autres', 'jeune', 'jeunes', 'nouveau', 'nouvelle', 'nouveaux', 'nouvelles', 'vieux', 'vieille', 'petit', 'petite', 'grand', 'grande', 'certain', 'certains', 'certaines']);
const FEMININE_DETERMINERS = new Set(['une', 'la', 'cette', 'ma', 'ta', 'sa']);
const PLURAL_DETERMINERS = new Set(['des', 'les', 'ces', 'mes', 'tes', 'ses', 'nos', 'vos', 'leurs', 'quelques', 'plusieurs', 'certains', 'certaines']);

const CLITIC_AFTER_SUBJECT = /^(s'|se|l'|le|la|les|lui|leur|n'|ne|y|en|m'|me)$/;

/** The singular noun of a person off the roster (« habitants » → « habitant »), or null. */
function personNoun(w: Token | undefined, nouns: ReadonlyMap<string, Gender>): string | null {
  if (w === undefined) return null;
  if (nouns.has(w.key)) return w.key;
  const singular = w.key.replace(/[sx]$/, '');
  return singular !== w.key && nouns.has(singular) ? singular : null;
}

/** « un habitant », « une jeune », « des jeunes du quartier », « deux clients »: a person off the roster named by a noun, with gender and number. */
function outsiderAfter(words: readonly Token[], i: number, nouns: ReadonlyMap<string, Gender>): { gender: Gender; plural: boolean } | null {
  const det = words[i]!;
  let j = i + 1;
  // « un autre client », « un jeune homme », « le nouveau stagiaire »: an adjective before the noun.
  if (BEFORE_NOUN.has(words[j]?.key ?? '') && personNoun(words[j + 1], nouns) !== null) j++;
  const w = words[j];
  const noun = personNoun(w, nouns);
  if (w === undefined || noun === null) return null;
  // « une nouvelle fois », « un jeune chien »: a noun that is also an adjective, before another noun, is not the person.
  const next = words[j + 1];
  if (BEFORE_NOUN.has(w.key) && next !== undefined && !AUXILIARIES.has(next.key) && !PREPOSITIONS.has(next.key) && next.key !== 'qui' && !CLITIC_AFTER_SUBJECT.test(next.norm)) return null;
  const plural = PLURAL_DETERMINERS.has(det.key) || (det.kind === 'number' && det.key !== 'un' && det.key !== '1') || noun !== w.key;
  const gender = nouns.get(noun) ?? (FEMININE_DETERMINERS.has(det.key) ? 'f' : det.norm === "l'" || plural ? null : 'm');
  return { gender, plural };
}

/** « il l'a menacée », « elle lui a dit », « il ne l'a pas vu »: an object clitic right after the subject pronoun. */
function objectCliticFollows(words: readonly Token[], i: number): boolean {
  let j = i + 1;
  if (words[j]?.key === 'ne' || words[j]?.norm === "n'") j++;
  const w = words[j];
  if (w === undefined) return false;
  const next = words[j + 1];
  return w.norm === "l'" || w.key === 'lui' || w.key === 'leur' || ((w.key === 'le' || w.key === 'la' || w.key === 'les') && next !== undefined && !DETERMINERS.has(next.key));
}

function namedAfterQue(words: readonly Token[], i: number, mentionAt: ReadonlyMap<number, Mention>): string[] {
  for (let j = i + 1; j < Math.min(words.length - 1, i + 6); j++) {
    if (words[j]!.key !== 'que') continue;
    const m = mentionAt.get(words[j + 1]!.index);
    return m !== undefined && m.personId !== null ? coordinated(words, j + 1, mentionAt).ids : [];
  }
  return [];
}

const IMPERSONAL_VERBS = new Set(['faut', 'fallait', 'faudra', 'faudrait', 'fallu', 'pleut', 'pleuvait', 'y']);

/** « il faut », « il a fallu », « il y a », « il pleuvait »: nobody. */
function impersonalIl(words: readonly Token[], i: number): boolean {
  const next = words[i + 1]?.key ?? '';
  const then = words[i + 2]?.key ?? '';
  return IMPERSONAL_VERBS.has(next) || (AUXILIARIES.has(next) && IMPERSONAL_VERBS.has(then) && then !== 'y');
}

function coordinated(words: readonly Token[], i: number, mentionAt: ReadonlyMap<number, Mention>): { ids: string[]; end: number } {
  const ids: string[] = [];
  let j = i;
  while (j < words.length) {
    const m = mentionAt.get(words[j]!.index);
    if (m === undefined) break;
    if (m.personId !== null) ids.push(m.personId);
    while (j < words.length && words[j]!.index < m.to) j++;
    const link = words[j];
    if (link !== undefined && (link.key === 'et' || link.text === '&') && mentionAt.has(words[j + 1]?.index ?? -1)) j++;
    else if (!mentionAt.has(words[j]?.index ?? -1)) break;
  }
  return { ids: [...new Set(ids)], end: j };
}

function objectPronouns(words: readonly Token[], subjects: readonly string[], refs: Antecedents, inMention: ReadonlySet<number>, mentionAt: ReadonlyMap<number, Mention>, byAuthor: boolean): string[] {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // « Un habitant a insulté Mel et l'a menacée »: a name said earlier in the clause is what a pronoun after it stands for.
    const m = mentionAt.get(w.index);
    if (m !== undefined && m.personId !== null && !subjects.includes(m.personId)) refs.see([m.personId]);
    const next = words[i + 1];
    const prev = words[i - 1];
    const afterSubject = prev !== undefined && (SUBJECT_PRONOUNS.has(prev.key) || prev.key === 'ne' || inMention.has(prev.index));
    if (w.norm === "l'" && next !== undefined && AUXILIARIES.has(next.key)) return refs.single(null, subjects);
    const verbNext = next !== undefined && (AUXILIARIES.has(next.key) || /(é|ée|és|ées|er|ait|ais|aient)$/i.test(next.text)) && !DETERMINERS.has(next.key);
    if (w.key === 'lui' && byAuthor && prev?.key !== 'chez') return refs.single(null, subjects);
    // « Karim a pas mis ses gants malgré que je lui ai dit »: the author speaking inside a clause about someone speaks to them.
    if ((w.key === 'lui' || ((w.key === 'le' || w.key === 'la') && verbNext)) && prev?.key === 'je' && !byAuthor && subjects.length === 1) return [...subjects];
    if ((w.key === 'lui' || ((w.key === 'le' || w.key === 'la') && verbNext)) && afterSubject) return refs.single(null, subjects);
    if ((w.key === 'leur' || (w.key === 'les' && verbNext)) && afterSubject) return refs.plural().filter((id) => !subjects.includes(id));
  }
  return [];
}
