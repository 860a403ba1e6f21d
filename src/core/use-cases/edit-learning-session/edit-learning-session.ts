import type { Actor } from '../../domain/actor.js';
import { objectiveSentence, scaleCycle } from '../../learning/plan-from-template.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import { sessionPlanSchema, type SequenceStep, type SessionPlan } from '../../learning/session-plan.js';
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
  readonly skills?: SessionPlan['skills'];
  readonly sequence?: readonly SequenceStep[];
  readonly criteria?: SessionPlan['criteria'];
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

const sameSteps = (a: readonly SequenceStep[], b: readonly SequenceStep[]): boolean =>
  a.length === b.length && a.every((s, i) => s.kind === b[i]!.kind && s.minutes === b[i]!.minutes && s.description === b[i]!.description
    && s.questions.length === b[i]!.questions.length && s.questions.every((q, j) => q === b[i]!.questions[j]));

/**
 * The fiche with the patch applied. Durations: a new duration alone rescales the steps; steps
 * edited alone set the duration to their total; both edited must agree (the schema says so).
 */
export function applyPatch(plan: SessionPlan, patch: SessionPatch): SessionPlan {
  const id = plan.identification;
  const stepsEdited = patch.sequence !== undefined && !sameSteps(patch.sequence, plan.sequence);
  const durationEdited = patch.durationMinutes !== undefined && patch.durationMinutes !== id.durationMinutes;
  const duration = stepsEdited && !durationEdited ? patch.sequence!.reduce((sum, s) => sum + s.minutes, 0) : patch.durationMinutes ?? id.durationMinutes;
  let objective = patch.objective ?? plan.objective;
  if (patch.participants && (patch.objective === undefined || patch.objective === plan.objective)) {
    // Objective left as it was and participants changed: same capability, new names, « À l'issue de la séance, X sera capable de <capability> ».
    const capability = /(?:sera capable|seront capables) d(?:e |')(.+)$/u.exec(plan.objective)?.[1];
    if (capability) objective = objectiveSentence(patch.participants.map((p) => p.firstName), capability);
  }
  let sequence = plan.sequence;
  if (stepsEdited) sequence = patch.sequence!.map((s) => ({ ...s, questions: [...s.questions] }));
  else if (duration !== id.durationMinutes) sequence = scaleCycle(plan.sequence.map((s) => ({ ...s, share: s.minutes })), duration);
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
    sequence,
    ...(patch.skills ? { skills: patch.skills.map((s) => ({ ...s })) } : {}),
    ...(patch.criteria ? { criteria: patch.criteria.map((c) => ({ ...c })) } : {}),
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
