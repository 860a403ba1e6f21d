import type { Actor } from '../../domain/actor.js';
import { evaluationFromRows } from '../../learning/evaluation-rows.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import type { SessionEvaluation } from '../../learning/session-evaluation.js';
import type { Clock } from '../../ports/clock.js';
import type { LearningStore } from '../../ports/learning-store.js';
import { err, ok, type Result } from '../../result.js';

export type ConfirmOutcomeCode = SessionAccessCode | 'session.no_outcome';

/** Valider the evaluation: it joins the skills history and the séance is done. Annuler drops the draft. */
export function createConfirmSessionOutcome(deps: { readonly store: LearningStore; readonly clock: Clock }) {
  const confirm = async (input: { actor: Actor; sessionId: string }): Promise<Result<SessionEvaluation, ConfirmOutcomeCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'write');
    if (!access.ok) return access;
    const drafts = (await deps.store.evaluations(input.sessionId)).filter((e) => e.status === 'draft');
    if (drafts.length === 0 || !(await deps.store.confirmEvaluations(input.sessionId, access.value.team.id, deps.clock.now()))) return err('session.no_outcome');
    return ok(evaluationFromRows(access.value.session, drafts));
  };
  const discard = async (input: { actor: Actor; sessionId: string }): Promise<Result<true, ConfirmOutcomeCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'write');
    if (!access.ok) return access;
    await deps.store.replaceDraftEvaluations(input.sessionId, input.actor.personId, []);
    return ok(true);
  };
  return { confirm, discard };
}
