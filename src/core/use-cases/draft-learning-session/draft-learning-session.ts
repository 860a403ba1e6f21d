import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate } from '../../domain/business-date.js';
import { activeRoster } from '../../domain/people-roster.js';
import { fullName } from '../../domain/roster.js';
import type { Clock } from '../../ports/clock.js';
import type { LearningStore, StoredSession } from '../../ports/learning-store.js';
import type { PlanCode, SessionPlanner } from '../../ports/session-planner.js';
import { authorize } from '../../policy/authorize.js';
import { err, ok, type Result } from '../../result.js';

export type DraftSessionCode = PlanCode | 'access.denied' | 'session.no_team' | 'session.empty';

/** « Prépare une séance … » → a fiche de séance draft (nothing scheduled before Valider). */
export function createDraftLearningSession(deps: { readonly store: LearningStore; readonly planner: SessionPlanner; readonly clock: Clock; readonly incidentDays?: number }) {
  return async (input: { actor: Actor; text: string }): Promise<Result<StoredSession, DraftSessionCode>> => {
    const { actor } = input;
    if (input.text.trim() === '') return err('session.empty');
    if (actor.role !== 'encadrant' && actor.role !== 'direction') return err('access.denied');
    if (!actor.teamId) return err('session.no_team');
    const team = await deps.store.team(actor.teamId);
    if (!team) return err('session.no_team');
    if (!authorize(actor, 'write', 'learning-session', { structureId: team.structureId, teamId: team.id }).ok) return err('access.denied');
    const members = await deps.store.teamMembers(team.id);
    const salaries = activeRoster(members).filter((p) => p.role === 'salarie');
    const trainer = await deps.store.person(actor.personId);
    const today = businessDate(deps.clock.now(), team.timezone);
    const [inProgress, incidents] = await Promise.all([
      deps.store.skillsInProgress(salaries.map((p) => p.id)),
      deps.store.recentIncidents(team.id, addDays(today, -(deps.incidentDays ?? 90))),
    ]);
    const planned = await deps.planner.plan({
      text: input.text, today, timezone: team.timezone, trade: team.activity, trainerName: trainer ? fullName(trainer) : '—',
      team: salaries, inProgress, incidents,
    });
    if (!planned.ok) return planned;
    const participantIds = planned.value.plan.identification.participants.map((p) => p.personId).filter((p): p is string => p !== null);
    return ok(await deps.store.createSession({
      teamId: team.id, trainerId: actor.personId, topic: planned.value.topic, plan: planned.value.plan, participantIds,
      engine: planned.value.templateId ? `rules:${planned.value.templateId}` : 'llm',
    }));
  };
}
