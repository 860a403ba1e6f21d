import type { Actor } from '../../domain/actor.js';
import { objectiveSentence, scaleCycle } from '../../learning/plan-from-template.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import { sessionPlanSchema, type SessionPlan } from '../../learning/session-plan.js';
import type { LearningStore, StoredSession } from '../../ports/learning-store.js';
import { err, ok, type Result } from '../../result.js';

/** Any part of the fiche an ETI may change from the Modifier form. */
export interface SessionPatch {
  readonly date?: string | null;
  readonly startTime?: string | null;
  readonly durationMinutes?: number;
  readonly site?: string | null;
  readonly objective?: string;
  readonly participants?: ReadonlyArray<{ personId: string; name: string; firstName: string }>;
  readonly prerequisites?: readonly string[];
  readonly task?: string;
  readonly teachingAdaptation?: string;
  readonly risks?: readonly string[];
  readonly epi?: readonly string[];
  readonly material?: readonly string[];
  readonly adaptations?: SessionPlan['adaptations'];
}

export type EditSessionCode = SessionAccessCode | 'session.wrong_status' | 'session.invalid_plan';

/** Modifier: applies the patch and validates the whole fiche again; nothing is written when it is invalid. */
export function createEditLearningSession(deps: { readonly store: LearningStore }) {
  return async (input: { actor: Actor; sessionId: string; patch: SessionPatch }): Promise<Result<StoredSession, EditSessionCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'write');
    if (!access.ok) return access;
    const { session } = access.value;
    if (session.status !== 'draft' && session.status !== 'scheduled') return err('session.wrong_status', { status: session.status });
    const plan = applyPatch(session.plan, input.patch);
    const checked = sessionPlanSchema.safeParse(plan);
    if (!checked.success) return err('session.invalid_plan', { problems: [...new Set(checked.error.issues.map((i) => i.message))].join(' ; ') });
    const participantIds = checked.data.identification.participants.map((p) => p.personId).filter((p): p is string => p !== null);
    const next: StoredSession = { ...session, plan: checked.data, participantIds };
    if (!(await deps.store.saveSession(next, session.status))) return err('session.wrong_status', { status: 'changed' });
    return ok(next);
  };
}

export function applyPatch(plan: SessionPlan, patch: SessionPatch): SessionPlan {
  const id = plan.identification;
  const duration = patch.durationMinutes ?? id.durationMinutes;
  let objective = patch.objective ?? plan.objective;
  if (patch.participants && (patch.objective === undefined || patch.objective === plan.objective)) {
    // Objective left as it was and participants changed: same capability, new names, « À l'issue de la séance, X sera capable de <capability> ».
    const capability = /(?:sera capable|seront capables) d(?:e |')(.+)$/u.exec(plan.objective)?.[1];
    if (capability) objective = objectiveSentence(patch.participants.map((p) => p.firstName), capability);
  }
  return {
    ...plan,
    identification: {
      ...id,
      ...(patch.date !== undefined ? { date: patch.date } : {}),
      ...(patch.startTime !== undefined ? { startTime: patch.startTime } : {}),
      ...(patch.site !== undefined ? { site: patch.site } : {}),
      durationMinutes: duration,
      ...(patch.participants ? { participants: patch.participants.map((p) => ({ personId: p.personId, name: p.name })) } : {}),
    },
    objective,
    sequence: duration === id.durationMinutes ? plan.sequence
      : scaleCycle(plan.sequence.map((s) => ({ ...s, share: s.minutes })), duration),
    ...(patch.prerequisites ? { prerequisites: [...patch.prerequisites] } : {}),
    situation: {
      ...plan.situation,
      ...(patch.task ? { task: patch.task } : {}),
      ...(patch.teachingAdaptation ? { teachingAdaptation: patch.teachingAdaptation } : {}),
      ...(patch.risks ? { risks: [...patch.risks] } : {}),
      ...(patch.epi ? { epi: [...patch.epi] } : {}),
      ...(patch.material ? { material: [...patch.material] } : {}),
    },
    ...(patch.adaptations ? { adaptations: [...patch.adaptations] } : {}),
  };
}
