import type { NewEvaluation, StoredEvaluation, StoredSession } from '../ports/learning-store.js';
import type { SessionEvaluation } from './session-evaluation.js';

/** One stored row per participant per criterion (self-assessment and next step repeated on each). */
export function evaluationRows(evaluation: SessionEvaluation): NewEvaluation[] {
  return evaluation.participants.flatMap((p) => p.results.map((r) => ({
    personId: p.personId, skillKey: r.skillKey, skillLabel: r.skillLabel, criterion: r.criterion, level: r.level, dimension: r.dimension,
    observedFact: r.observedFact, selfAssessment: p.selfAssessment, nextStep: p.nextStep, date: evaluation.date,
  })));
}

/** The evaluation of a session back from its rows, in the plan's participant order. */
export function evaluationFromRows(session: StoredSession, rows: readonly StoredEvaluation[]): SessionEvaluation {
  const names = new Map(session.plan.identification.participants.map((p) => [p.personId, p.name]));
  const order = [...new Set(rows.map((r) => r.personId))].sort((a, b) => session.participantIds.indexOf(a) - session.participantIds.indexOf(b));
  return {
    sessionId: session.id,
    date: rows[0]?.date ?? session.plan.identification.date ?? '',
    participants: order.map((personId) => {
      const mine = rows.filter((r) => r.personId === personId);
      return {
        personId, name: names.get(personId) ?? '—', selfAssessment: mine[0]?.selfAssessment ?? null, nextStep: mine[0]?.nextStep ?? null,
        results: mine.map((r) => ({ skillKey: r.skillKey, skillLabel: r.skillLabel, criterion: r.criterion, level: r.level, dimension: r.dimension, observedFact: r.observedFact })),
      };
    }),
  };
}
