import type { Segment } from '../text/segment.js';
import type { Token } from '../text/token.js';
import { AUXILIARIES, DETERMINERS, IMPERSONAL, POSSESSIVES, PREPOSITIONS, SUBJECT_PRONOUNS } from '../text/function-words.js';
import type { Mention } from './find-mentions.js';
import type { RosterIndex } from './roster-index.js';

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

/** Who "il", "elle", "ils" and "lui" stand for: the people named last. */
class Antecedents {
  private readonly recent: string[] = [];
  private group: readonly string[] = [];
  constructor(private readonly index: RosterIndex) {}
  see(ids: readonly string[]): void {
    for (const id of ids) {
      const at = this.recent.indexOf(id);
      if (at >= 0) this.recent.splice(at, 1);
      this.recent.push(id);
    }
    if (ids.length >= 2) this.group = [...ids];
  }
  single(gender: 'm' | 'f' | null, exclude: readonly string[] = []): string[] {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const id = this.recent[i]!;
      if (exclude.includes(id)) continue;
      const g = this.index.genderOf(id);
      if (gender === null || g === null || g === gender) return [id];
    }
    return [];
  }
  plural(): string[] {
    return this.group.length > 0 ? [...this.group] : this.recent.slice(-2);
  }
}

/**
 * Decides who each clause is about: a name at its start ("Karim et Sofiane…"),
 * a pronoun standing for the last person named ("il", "elle", "ils"), or the
 * subject of the clause before it when the clause has none ("…, très appliquée").
 */
export function resolveSubjects(segments: readonly Segment[], mentions: readonly Mention[], index: RosterIndex): Clause[] {
  const mentionAt = new Map(mentions.map((m) => [m.from, m]));
  const inMention = new Set<number>();
  for (const m of mentions) for (let i = m.from; i < m.to; i++) inMention.add(i);
  const refs = new Antecedents(index);
  const clauses: Clause[] = [];
  for (const seg of segments) {
    const prev = clauses[clauses.length - 1];
    const carry = prev !== undefined && !seg.strong && prev.sentence === seg.sentence ? prev.subjects : null;
    const words = seg.words;
    const named = words.map((w) => mentionAt.get(w.index)).filter((m): m is Mention => m !== undefined && m.personId !== null).map((m) => m.personId!);
    let subjects: string[] = [];
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
        if (m.personId === null && head) { kind = 'other'; break; }
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
        if (w.key === 'il') subjects = refs.single('m');
        else if (w.key === 'elle') subjects = refs.single('f');
        else if (w.key === 'ils' || w.key === 'elles') subjects = refs.plural();
        kind = subjects.length > 0 ? 'pronoun' : w.key === 'je' || w.key === 'on' || w.key === 'nous' ? 'author' : 'none';
        if (kind === 'author') {
          // « je trouve que Jess progresse », « on voit que Lan comprend »: the author's opinion about someone named after « que ».
          const reported = namedAfterQue(words, i, mentionAt);
          if (reported.length > 0) { subjects = reported; kind = 'named'; }
        }
        break;
      }
      if (IMPERSONAL.has(w.key) || IMPERSONAL.has(w.norm)) { impersonal = true; head = false; continue; }
      if (head && (w.key === 'ce' || w.key === 'cet' || w.key === 'cette') && TIME_WORDS.has(words[i + 1]?.key ?? '')) { i++; continue; }
      if (head && DETERMINERS.has(w.key) && !(w.norm === "l'" && AUXILIARIES.has(words[i + 1]?.key ?? ''))) { kind = 'other'; break; }
      if (head && POSSESSIVES.has(w.key)) {
        possessive = true;
        subjects = carry !== null && carry.length > 0 ? [...carry] : refs.single(null);
        kind = 'inherited';
        break;
      }
      if (SKIP.has(w.key) || w.kind === 'number') continue;
      head = false;
    }
    if (kind === null) {
      subjects = carry !== null ? [...carry] : [];
      kind = subjects.length > 0 || impersonal ? 'inherited' : 'none';
    }
    objects.push(...objectPronouns(words, subjects, refs, inMention, kind === 'author'));
    for (const id of named) if (!subjects.includes(id) && !objects.includes(id)) objects.push(id);
    refs.see(named);
    if (kind === 'pronoun') refs.see(subjects);
    clauses.push({ ...seg, subjects, kind, objects: [...new Set(objects)], named, possessive });
  }
  return clauses;
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

function objectPronouns(words: readonly Token[], subjects: readonly string[], refs: Antecedents, inMention: ReadonlySet<number>, byAuthor: boolean): string[] {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
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
