import { ACTION_STATUSES, BILAN_KINDS, EXIT_CATEGORIES, NEED_INTENSITIES, OBJECTIVE_STATUSES } from '../domain/taxonomy.js';
import type { PathRecords, Period, PersonContext } from '../ports/progress-store.js';
import { attendanceFacts } from './attendance-facts.js';
import { observationFacts } from './observation-facts.js';
import { ownWordsOf } from './own-words.js';
import { daysBetween } from './period.js';
import type { ProgressFacts } from './progress-facts.js';
import { skillFacts } from './skill-facts.js';
import { sourceOf } from './source-ref.js';
import { summaryCounts } from './summary-counts.js';

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (values as readonly string[]).includes(value) ? value as T : fallback;
const oneOfOrNull = <T extends string>(values: readonly T[], value: string | null): T | null =>
  value !== null && (values as readonly string[]).includes(value) ? value as T : null;

/** Turns the records the requester may see into the summary's facts. Pure and deterministic. */
export function assembleFacts(
  context: PersonContext, records: PathRecords, period: Period, today: string, withheld: boolean,
): ProgressFacts {
  const { person } = context;
  const daysLeft = person.contractEnd === null ? null : daysBetween(today, person.contractEnd);
  const facts: Omit<ProgressFacts, 'counts'> = {
    person: {
      id: person.id, firstName: person.firstName, lastName: person.lastName, teamName: context.teamName,
      status: person.status, exitDate: person.exitDate, exitCategory: context.exitCategory,
    },
    period: { from: period.from, to: period.to },
    contract: {
      start: person.contractStart, end: person.contractEnd, daysLeft,
      monthsLeft: daysLeft === null ? null : Math.max(0, Math.floor(daysLeft / 30)),
      source: { type: 'person', id: person.id, date: person.contractStart ?? today, authorId: null, authorName: null },
    },
    attendance: attendanceFacts(records.attendanceMonths, records.attendanceExceptions),
    observations: observationFacts(records.observations, period),
    skills: skillFacts(records.skillEvaluations),
    situations: records.situations.map((s) => ({
      theme: s.theme, kind: s.kind === 'atout' ? 'atout' as const : 'frein' as const, label: s.label, status: s.status,
      intensity: oneOfOrNull(NEED_INTENSITIES, s.intensity), source: sourceOf('situation', s),
    })),
    objectives: records.objectives.map((o) => ({
      theme: o.theme, label: o.label, status: oneOf(OBJECTIVE_STATUSES, o.status, 'en_cours'), dueOn: o.dueOn,
      consentGiven: o.consentGiven, consentOn: o.consentOn,
      actions: o.actions.map((a) => ({
        label: a.label, status: oneOf(ACTION_STATUSES, a.status, 'en_projet'), dueOn: a.dueOn,
        source: sourceOf('objective_action', { ...a, authorId: o.authorId, authorName: o.authorName }),
      })),
      source: sourceOf('objective', o),
    })),
    incidents: records.incidents.map((i) => ({ kind: i.kind, text: i.evidence, status: null, source: sourceOf('incident', i) })),
    alerts: records.alerts.map((a) => ({ kind: a.topic, text: a.evidence, status: a.status, source: sourceOf('alert', a) })),
    ownWords: ownWordsOf(records),
    bilans: records.bilans.map((b) => ({
      kind: oneOf(BILAN_KINDS, b.kind, 'intermediaire'), participants: [...b.participants], salarieAgreement: b.salarieAgreement,
      exitCategory: oneOfOrNull(EXIT_CATEGORIES, b.exitCategory), source: sourceOf('bilan', b),
    })),
    withheld,
  };
  return { ...facts, counts: summaryCounts(facts, today) };
}
