import type { Actor } from '../../domain/actor.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import { skillsReferentialSchema } from '../../learning/skills-referential.js';
import type { LearningStore, StoredSession } from '../../ports/learning-store.js';
import { err, ok, type Result } from '../../result.js';

export type ConfirmSessionCode = SessionAccessCode | 'session.wrong_status' | 'session.no_date';

/**
 * Valider: the draft becomes a scheduled séance (its date lets the digests remind the ETI the
 * day before), and its skills join the team's referential. Annuler: cancelled, kept for history.
 */
export function createConfirmLearningSession(deps: { readonly store: LearningStore }) {
  const confirm = async (input: { actor: Actor; sessionId: string }): Promise<Result<StoredSession, ConfirmSessionCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'write');
    if (!access.ok) return access;
    const { session } = access.value;
    if (session.status !== 'draft') return err('session.wrong_status', { status: session.status });
    if (!session.plan.identification.date) return err('session.no_date');
    const skills = skillsReferentialSchema.parse(session.plan.skills.map((s) => ({ key: s.key, label: s.label, romeCode: s.romeCode })));
    if (!(await deps.store.saveSession({ ...session, status: 'scheduled' }, 'draft'))) return err('session.wrong_status', { status: 'changed' });
    await deps.store.upsertSkills(session.teamId, skills, false);
    return ok({ ...session, status: 'scheduled' });
  };
  const cancel = async (input: { actor: Actor; sessionId: string }): Promise<Result<StoredSession, ConfirmSessionCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'write');
    if (!access.ok) return access;
    const { session } = access.value;
    if (session.status !== 'draft' && session.status !== 'scheduled') return err('session.wrong_status', { status: session.status });
    if (!(await deps.store.saveSession({ ...session, status: 'cancelled' }, session.status))) return err('session.wrong_status', { status: 'changed' });
    return ok({ ...session, status: 'cancelled' });
  };
  return { confirm, cancel };
}
