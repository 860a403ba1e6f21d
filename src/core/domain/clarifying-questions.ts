import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';
import type { RosterEntry } from './roster.js';
import type { Unit } from './taxonomy.js';

/**
 * The one-tap questions Relais may ask after a note (issue #13): only when
 * useful, at most a few, one round per note. Pure: the draft and the roster in,
 * the questions out.
 */
export type ClarifyingQuestion =
  /** Team members the note says nothing about: present or absent? */
  | { readonly kind: 'unmentioned'; readonly persons: readonly string[] }
  /** A name the engine did not recognise, and who it may be. */
  | { readonly kind: 'unknown-name'; readonly name: string; readonly candidates: readonly string[] }
  /** A quantity without a unit. */
  | { readonly kind: 'unit'; readonly position: number; readonly activity: string; readonly quantity: number; readonly units: readonly Unit[] }
  /** A quantity without an activity (« 300 m² » alone): which work was it? */
  | { readonly kind: 'activity'; readonly position: number; readonly quantity: number; readonly unit: Unit | null; readonly choices: readonly string[] }
  /** A lateness without its minutes, when the team tracks them. */
  | { readonly kind: 'late-minutes'; readonly person: string; readonly choices: readonly number[] };

/** The label the rules engine gives output it could not tie to an activity. */
export const UNKNOWN_ACTIVITY = 'production';

/** Usual activities by unit, after the team's own targets, for the « de quoi ? » question. */
function activitiesFor(unit: Unit | null, teamActivities: readonly string[]): string[] {
  const usual: Record<string, readonly string[]> = {
    m2: ['tonte', 'débroussaillage', 'désherbage', 'nettoyage'], m: ['taille de haies', 'clôture', 'bordures'],
    kg: ['tri', 'collecte', 'récolte'], t: ['collecte', 'tri', 'évacuation de déchets'], h: ['entretien', 'nettoyage', 'chantier'],
    piece: ['meubles', 'vélos', 'repas'], m3: ['déblais', 'compost'], l: ['peinture'],
  };
  const all = [...teamActivities, ...(usual[unit ?? 'piece'] ?? [])];
  return all.filter((a, i) => all.findIndex((b) => fold(b) === fold(a)) === i).slice(0, 4);
}

/** The one-tap choices for a lateness in minutes. */
export const LATE_MINUTES_CHOICES = [5, 10, 15, 30, 60] as const;

/** At most this many questions per note, and this many names in the « présents ? » question. */
export const MAX_QUESTIONS = 3;
const MAX_UNMENTIONED = 8;

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');

/** Edit distance, small strings only (names). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Who a name nobody recognised may mean: close spellings of first names, last names and nicknames. */
export function nameCandidates(name: string, people: readonly RosterEntry[]): string[] {
  const n = fold(name);
  if (n.length < 3) return [];
  const scored = people.map((p) => {
    const words = [p.firstName, p.lastName, ...p.aliases].map(fold).filter((w) => w.length > 0);
    const best = Math.min(...words.map((w) => {
      if (w.startsWith(n) || n.startsWith(w) || w.endsWith(n)) return 0.5;
      // Spelling slips keep the first letter (« Stef » for « Steph », « Karime » for « Karim »).
      return w[0] === n[0] ? editDistance(n, w) : Infinity;
    }));
    return { id: p.id, best };
  }).filter((s) => s.best <= 2);
  return scored.sort((a, b) => a.best - b.best).slice(0, 3).map((s) => s.id);
}

/** Units that make sense for an activity without one, most likely first. */
function unitsFor(activity: string): Unit[] {
  const a = fold(activity);
  if (/tonte|debrouss|nettoy|peint|desherb|paill|menage|vitr/.test(a)) return ['m2', 'h', 'm'];
  if (/tri|collect|dechet|recycl|textile|ferraille|encombr|depot|recolt|legume/.test(a)) return ['kg', 't', 'piece'];
  if (/haie|cloture|bordure|tranchee/.test(a)) return ['m', 'm2', 'h'];
  return ['piece', 'kg', 'm2', 'h'];
}

export function clarifyingQuestions(x: ShiftNoteExtraction, context: {
  readonly authorId: string;
  readonly teamId: string | null;
  readonly roster: readonly RosterEntry[];
  /** The team tracks lateness in minutes (team setting `retards_minutes`). */
  readonly askLateMinutes?: boolean;
  /** The team's own activities (its targets), offered first when a quantity has none. */
  readonly teamActivities?: readonly string[];
}): ClarifyingQuestion[] {
  const questions: ClarifyingQuestion[] = [];
  const somethingSaid = x.attendance.length + x.observations.length + x.production.length + x.incidents.length + x.alerts.length > 0;
  if (!somethingSaid) return questions;

  for (const name of x.unknownNames.slice(0, 2)) {
    const candidates = nameCandidates(name, context.roster.filter((p) => p.role === 'salarie'));
    if (candidates.length > 0) questions.push({ kind: 'unknown-name', name, candidates });
  }

  if (context.teamId !== null && x.attendance.length > 0) {
    const mentioned = new Set<string>([
      ...x.attendance.map((a) => a.person), ...x.observations.map((o) => o.person),
      ...x.incidents.flatMap((i) => i.persons), ...x.alerts.flatMap((a) => (a.person === null ? [] : [a.person])),
    ]);
    const unmentioned = context.roster.filter((p) => p.role === 'salarie' && p.team === context.teamId && p.id !== context.authorId && !mentioned.has(p.id)).map((p) => p.id);
    if (unmentioned.length > 0 && unmentioned.length <= MAX_UNMENTIONED) questions.push({ kind: 'unmentioned', persons: unmentioned });
  }

  if (context.askLateMinutes) {
    for (const a of x.attendance) {
      if (a.status === 'late' && a.minutes === null) questions.push({ kind: 'late-minutes', person: a.person, choices: [...LATE_MINUTES_CHOICES] });
    }
  }

  x.production.forEach((p, i) => {
    if (p.quantity !== null && (p.activity.trim() === '' || fold(p.activity) === UNKNOWN_ACTIVITY)) {
      questions.push({ kind: 'activity', position: i + 1, quantity: p.quantity, unit: p.unit, choices: activitiesFor(p.unit, context.teamActivities ?? []) });
      return;
    }
    if (p.quantity !== null && p.unit === null && p.activity.trim() !== '') {
      questions.push({ kind: 'unit', position: i + 1, activity: p.activity, quantity: p.quantity, units: unitsFor(p.activity) });
    }
  });
  return questions.slice(0, MAX_QUESTIONS);
}
