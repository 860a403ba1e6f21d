import type { Actor } from '../../domain/actor.js';
import { businessDate } from '../../domain/business-date.js';
import { evaluationRows } from '../../learning/evaluation-rows.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import { sessionEvaluationSchema, type SessionEvaluation } from '../../learning/session-evaluation.js';
import type { Clock } from '../../ports/clock.js';
import type { LearningStore, StoredSession } from '../../ports/learning-store.js';
import type { SessionOutcomeReader } from '../../ports/session-outcome-reader.js';
import { err, ok, type Result } from '../../result.js';

export type RecordOutcomeCode = SessionAccessCode | 'session.none_to_evaluate' | 'session.wrong_status' | 'session.outcome_empty' | 'session.outcome_invalid';

/**
 * « Séance de jeudi : Karim a réussi seul, Sofiane doit revoir l'affûtage » → an evaluation draft
 * (per participant, per criterion), stored as draft rows: nothing reaches the skills history before
 * the ETI confirms it.
 */
export function createRecordSessionOutcome(deps: { readonly store: LearningStore; readonly reader: SessionOutcomeReader; readonly clock: Clock }) {
  async function findSession(actor: Actor, text: string, sessionId: string | undefined): Promise<StoredSession | null> {
    if (sessionId) return deps.store.getSession(sessionId);
    const candidates = await deps.store.sessionsOfTrainer(actor.personId, ['scheduled']);
    const team = actor.teamId ? await deps.store.team(actor.teamId) : null;
    const today = businessDate(deps.clock.now(), team?.timezone ?? 'Europe/Paris');
    const wanted = deps.reader.sessionDate(text, { today, timezone: team?.timezone ?? 'Europe/Paris' });
    const past = candidates.filter((s) => (s.plan.identification.date ?? '') <= today);
    if (wanted) return past.find((s) => s.plan.identification.date === wanted) ?? null;
    return past[0] ?? null;
  }

  return async (input: { actor: Actor; text: string; sessionId?: string }): Promise<Result<{ session: StoredSession; evaluation: SessionEvaluation }, RecordOutcomeCode>> => {
    const session = await findSession(input.actor, input.text, input.sessionId);
    if (!session) return err('session.none_to_evaluate');
    const access = await sessionAccess(deps.store, input.actor, session.id, 'write');
    if (!access.ok) return access;
    if (session.status !== 'scheduled') return err('session.wrong_status', { status: session.status });
    const participants = session.plan.identification.participants.filter((p) => p.personId !== null);
    const people = await Promise.all(participants.map((p) => deps.store.person(p.personId!)));
    const participantEvaluations = await deps.reader.read({
      text: input.text,
      participants: participants.map((p, i) => ({ personId: p.personId!, name: p.name, firstName: people[i]?.firstName ?? p.name.split(' ')[0]!, aliases: people[i]?.aliases ?? [] })),
      criteria: session.plan.criteria.map((c) => ({ skillKey: c.skillKey, skillLabel: session.plan.skills.find((s) => s.key === c.skillKey)?.label ?? c.skillKey, criterion: c.criterion })),
    });
    if (participantEvaluations.every((p) => p.results.every((r) => r.level === 'non_evalue'))) return err('session.outcome_empty');
    const date = session.plan.identification.date ?? businessDate(deps.clock.now(), access.value.team.timezone);
    const checked = sessionEvaluationSchema.safeParse({ sessionId: session.id, date, participants: participantEvaluations });
    if (!checked.success) return err('session.outcome_invalid', { problems: checked.error.issues.map((i) => i.message).join(' ; ') });
    await deps.store.replaceDraftEvaluations(session.id, input.actor.personId, evaluationRows(checked.data));
    return ok({ session, evaluation: checked.data });
  };
}
