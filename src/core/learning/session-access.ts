import type { Actor } from '../domain/actor.js';
import type { LearningStore, StoredSession, TeamContext } from '../ports/learning-store.js';
import { authorize, type Action } from '../policy/authorize.js';
import { err, ok, type Result } from '../result.js';

export type SessionAccessCode = 'access.denied' | 'session.not_found';

/**
 * A session and its team, when the actor may act on it: writes are the ETI's (or direction's),
 * reads follow the policy (CIPs read).
 */
export async function sessionAccess(store: LearningStore, actor: Actor, sessionId: string, action: Action): Promise<Result<{ session: StoredSession; team: TeamContext }, SessionAccessCode>> {
  const session = await store.getSession(sessionId);
  if (!session) return err('session.not_found');
  const team = await store.team(session.teamId);
  if (!team) return err('session.not_found');
  if (action === 'write' && actor.role !== 'encadrant' && actor.role !== 'direction') return err('access.denied');
  const allowed = authorize(actor, action, 'learning-session', { structureId: team.structureId, teamId: team.id });
  if (!allowed.ok) return err('access.denied');
  return ok({ session, team });
}
