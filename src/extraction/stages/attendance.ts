import type { AttendanceStatus } from '../../core/domain/taxonomy.js';
import type { NoteAnalysis } from '../engine/note-analysis.js';
import { literalWords } from '../lexicon/pattern.js';
import { parseDurationAt, parseTimeAt } from '../quantities/times.js';
import { isNegated } from '../text/negation.js';
import type { Token } from '../text/token.js';
import type { DraftAttendance, DraftObservation } from './draft-types.js';
import { statementOf, wordsOf } from './statement.js';
import { exceptedAfter, teamStatements } from './team-attendance.js';

/** Without a team start time, "arrivé à 9h" is late when after 08:30 (the usual start of a chantier); minutes stay unknown. */
export const DEFAULT_START_MINUTES = 8 * 60 + 30;
const CLOCK_PREPOSITIONS = new Set(['a', 'vers', 'des', 'jusque', 'avant', 'apres', 'entre']);
const LATENESS_WORDS = new Set(['retard', 'tot', 'avance', 'avant', 'plus']);
const MINUTE_UNITS = new Set(['min', 'mn', 'minute', 'minutes', 'mins']);
const EARLY_WORDS = new Set(['plus', 'avant', 'en']);
/** One status per person: « pas là ce matin… arrivé à midi » is a lateness; late and left early can both hold. */
const PRIORITY: Readonly<Record<AttendanceStatus, number>> = { late: 3, left_early: 3, absent: 2, present: 1 };

interface Found { person: string; status: AttendanceStatus; clause: number; minutes: number | null; explicit: boolean; excuseWords?: readonly Token[] }

/**
 * Attendance: who was there, late, absent or gone early, whether it was
 * excused and by how many minutes, from lexicon/presence.tsv and
 * lexicon/justification.tsv; "tout le monde … sauf X" covers the author's team.
 */
export function extractAttendance(a: NoteAnalysis): { attendance: DraftAttendance[]; observations: DraftObservation[] } {
  const found: Found[] = [...teamStatements(a)];
  for (const clause of a.clauses) {
    if (clause.possessive || a.lexicon.future.findAll(clause.words, a.hasTag).length > 0) continue;
    for (const m of a.lexicon.presence.findLongest(clause.words, a.hasTag)) {
      const p = m.phrase;
      if (p.status === 'ignore' || ownedSubject(clause.words, m.from)) continue;
      const negated = isNegated(clause.words, m.from, m.to, literalWords(p.pattern));
      let status: AttendanceStatus | null = negated ? p.onNegation : p.status === 'arrivee' ? 'present' : p.status;
      let minutes: number | null = null;
      if (p.status === 'arrivee' && !negated) ({ status, minutes } = arrival(a, clause.words, m.from + 1));
      if (status === null) continue;
      const excepted = exceptedAfter(a, clause.words, m.to);
      const people = (p.target === 'objet' && clause.objects.length > 0 ? clause.objects : clause.subjects).filter((id) => a.isSalarie(id) && !excepted.has(id));
      for (const person of people) found.push({ person, status, clause: clause.id, minutes, explicit: true });
    }
  }
  return merge(a, found);
}

const POSSESSIVE_WORDS = new Set(['son', 'sa', 'ses', 'leur', 'leurs']);
const LINKING_VERBS = new Set(['est', 'etait', 'sont', 'etaient', 'a', 'ont', 'avait', 'ete', 'deja', 'pas', 'ne', "n'"]);

/** « depuis que son mari est parti »: the status belongs to someone of the salarié's, not to them. */
function ownedSubject(words: readonly Token[], from: number): boolean {
  let j = from - 1;
  while (j >= 0 && LINKING_VERBS.has(words[j]!.key)) j--;
  return j >= 1 && words[j]!.kind === 'word' && POSSESSIVE_WORDS.has(words[j - 1]!.key);
}

function arrival(a: NoteAnalysis, words: readonly Token[], at: number): { status: AttendanceStatus; minutes: number | null } {
  for (let j = at; j < Math.min(words.length, at + 4); j++) {
    const time = parseTimeAt(words, j);
    if (time === null) continue;
    const given = parseClock(a.context.teamStartTime);
    const start = given ?? DEFAULT_START_MINUTES;
    if (time.minutes <= start) return { status: 'present', minutes: null };
    // « 9h30 du matin au lieu de 8h »
    const after = words[time.end]?.key === 'du' && ['matin', 'soir', 'midi'].includes(words[time.end + 1]?.key ?? '') ? time.end + 2 : time.end;
    const instead = words[after]?.key === 'au' && words[after + 1]?.key === 'lieu' ? parseTimeAt(words, after + 3) : null;
    const minutes = instead !== null ? time.minutes - instead.minutes : given !== null ? time.minutes - given : null;
    return { status: 'late', minutes: minutes !== null && minutes > 0 ? minutes : null };
  }
  return { status: 'present', minutes: null };
}

function parseClock(value: string | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function merge(a: NoteAnalysis, found: readonly Found[]): { attendance: DraftAttendance[]; observations: DraftObservation[] } {
  const byPerson = new Map<string, Found[]>();
  for (const f of found) byPerson.set(f.person, [...(byPerson.get(f.person) ?? []), f]);
  const attendance: DraftAttendance[] = [];
  const observations: DraftObservation[] = [];
  for (const [person, list] of byPerson) {
    const explicit = list.filter((f) => f.explicit);
    const pool = explicit.length > 0 ? explicit : list;
    const top = Math.max(...pool.map((f) => PRIORITY[f.status]));
    const statuses = [...new Set(pool.filter((f) => PRIORITY[f.status] === top).map((f) => f.status))];
    for (const status of statuses) {
      const first = pool.find((f) => f.status === status)!;
      const clauses = statementOf(a, first.clause, person);
      const scope = first.excuseWords ?? wordsOf(clauses);
      const parts = first.excuseWords !== undefined ? [first.excuseWords] : clauses.map((c) => c.words);
      const excuse = status === 'present' ? { excused: null, tokens: [] } : excuseIn(a, parts);
      const minutes = first.minutes ?? (status === 'late' || status === 'left_early' ? durationIn(scope, status) : null);
      // « sauf Lili elle avait rdv à la CAF »: what follows a name excepted from the team is its statement too.
      const statementClauses = status === 'present' ? [] : first.excuseWords !== undefined ? clausesHolding(a, first.excuseWords) : clauses.map((c) => c.id);
      attendance.push({ person, status, excused: excuse.excused, minutes, excuseTokens: excuse.tokens, statementClauses });
      if ((status === 'late' || status === 'absent') && first.explicit && a.lexicon.habits.findAll(scope, a.hasTag).some((m) => !meansStill(scope, m.from))) {
        const tokens: [number, number] = [scope[0]!.index, scope[scope.length - 1]!.index];
        observations.push({ person, category: status === 'late' ? 'ponctualite' : 'assiduite', polarity: 'negative', evidence: a.span(scope), clause: first.clause, tokens });
      }
    }
  }
  return { attendance, observations };
}

function clausesHolding(a: NoteAnalysis, words: readonly Token[]): number[] {
  const indices = new Set(words.map((w) => w.index));
  return a.clauses.filter((c) => c.words.some((w) => indices.has(w.index))).map((c) => c.id);
}

/** Statuses that « toujours » before them makes « still », not « always »: « toujours en arrêt », « toujours en congé ». */
const STILL_STATES = new Set(['arret', 'conge', 'conges', 'vacances', 'formation', 'stage', 'maladie']);

/**
 * « toujours » is a habit in « toujours en retard », but « still » in « tjs en
 * arrêt » or « toujours pas là »: a state that lasts, told once, is not a pattern.
 */
function meansStill(words: readonly Token[], at: number): boolean {
  if (words[at]?.key !== 'toujours') return false;
  const next = words[at + 1]?.key ?? '';
  if (next === 'pas' || next === 'sans') return true;
  return next === 'en' && STILL_STATES.has(words[at + 2]?.key ?? '');
}

/** Excuses clause by clause, so that a negation never reaches into the clause before. */
function excuseIn(a: NoteAnalysis, parts: ReadonlyArray<readonly Token[]>): { excused: boolean | null; tokens: number[] } {
  let yes = false;
  let no = false;
  const tokens: number[] = [];
  for (const words of parts) for (const m of a.lexicon.excuses.findLongest(words, a.hasTag)) {
    if (m.phrase.excused === null) continue;
    const value = isNegated(words, m.from, m.to, literalWords(m.phrase.pattern), 3) ? !m.phrase.excused : m.phrase.excused;
    if (value) yes = true; else no = true;
    for (let i = m.from; i < m.to; i++) tokens.push(words[i]!.index);
  }
  return { excused: no ? false : yes ? true : null, tokens };
}

function durationIn(words: readonly Token[], status: AttendanceStatus): number | null {
  for (let i = 0; i < words.length; i++) {
    if (CLOCK_PREPOSITIONS.has(words[i - 1]?.key ?? '')) continue;
    const d = parseDurationAt(words, i);
    if (d === null || d.minutes <= 0) continue;
    // "20 min", or a duration next to "retard" / "plus tôt"; never a clock time such as "8h50".
    const near = [...words.slice(Math.max(0, i - 3), i), ...words.slice(d.end, d.end + 3)].some((w) => LATENESS_WORDS.has(w.key));
    const inMinutes = MINUTE_UNITS.has(words[d.end - 1]?.key ?? '') || /^\d+(min|mn)$/.test(words[i]!.norm);
    if (!near && !inMinutes) continue;
    if (words[i - 1]?.key === 'de' && /^\d{1,2}h/.test(words[i]!.norm) && words[d.end]?.key === 'a') continue;
    if (status === 'left_early' && !EARLY_WORDS.has(words[d.end]?.key ?? '')) continue;
    return d.minutes;
  }
  return null;
}

