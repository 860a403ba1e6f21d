import type { Actor } from '../../domain/actor.js';
import { ACTION_STATUSES, OBJECTIVE_STATUSES, type ActionStatus, type ObjectiveStatus } from '../../domain/taxonomy.js';
import type { HistoryEntry, Objective } from '../../objectives/objective.js';
import { objectiveAccess, type ObjectiveAccessError } from '../../objectives/objective-access.js';
import type { Clock } from '../../ports/clock.js';
import type { ObjectivePatch, ObjectiveStore } from '../../ports/objective-store.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { isIsoDate } from '../../progress/period.js';
import { err, ok, type Result } from '../../result.js';

export type ObjectiveChange =
  | { readonly kind: 'status'; readonly status: ObjectiveStatus }
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'due'; readonly dueOn: string | null }
  | { readonly kind: 'consent' }
  | { readonly kind: 'add_action'; readonly label: string; readonly dueOn?: string | null }
  | { readonly kind: 'action_status'; readonly actionId: string; readonly status: ActionStatus };

export type UpdateObjectiveError = ObjectiveAccessError | 'objective.not_found' | 'objective.invalid_change';

/** Changes an objective or one of its actions; every change is appended to the history with who and when. */
export function createUpdateObjective(deps: {
  readonly objectiveStore: ObjectiveStore;
  readonly progressStore: Pick<ProgressStore, 'findPerson'>;
  readonly clock: Clock;
}) {
  return async function updateObjective(input: { actor: Actor; objectiveId: string; change: ObjectiveChange }): Promise<Result<Objective, UpdateObjectiveError>> {
    const current = await deps.objectiveStore.get(input.objectiveId);
    if (current === null) return err('objective.not_found');
    const access = await objectiveAccess(deps.progressStore, input.actor, current.personId, current.theme, 'write', current.createdBy);
    if (!access.ok) return access.code === 'person.not_found' ? err('objective.not_found') : access;
    const now = deps.clock.now();
    const entry = (e: Omit<HistoryEntry, 'at' | 'by'>): HistoryEntry => ({ at: now.toISOString(), by: input.actor.personId, ...e });
    const c = input.change;
    const invalid = err('objective.invalid_change', { kind: c.kind });
    let patch: ObjectivePatch;
    let history: HistoryEntry;
    switch (c.kind) {
      case 'status':
        if (!OBJECTIVE_STATUSES.includes(c.status) || c.status === current.status) return invalid;
        patch = { status: c.status };
        history = entry({ change: 'status', from: current.status, to: c.status });
        break;
      case 'label': {
        const label = c.label.trim();
        if (label === '') return invalid;
        patch = { label };
        history = entry({ change: 'label', from: current.label, to: label });
        break;
      }
      case 'due':
        if (c.dueOn !== null && !isIsoDate(c.dueOn)) return invalid;
        patch = { dueOn: c.dueOn };
        history = entry({ change: 'due', from: current.dueOn, to: c.dueOn });
        break;
      case 'consent':
        if (current.consentGiven) return invalid;
        patch = { consentAt: now };
        history = entry({ change: 'consent', from: false, to: true });
        break;
      case 'add_action': {
        const label = c.label.trim();
        if (label === '' || (c.dueOn != null && !isIsoDate(c.dueOn))) return invalid;
        return ok(await deps.objectiveStore.addAction(current.id, { label, dueOn: c.dueOn ?? null }, entry({ change: 'action_added', to: label })));
      }
      case 'action_status': {
        const action = current.actions.find((a) => a.id === c.actionId);
        if (action === undefined || !ACTION_STATUSES.includes(c.status) || action.status === c.status) return invalid;
        const updated = await deps.objectiveStore.updateAction(action.id, c.status, entry({ change: 'status', from: action.status, to: c.status }));
        return updated === null ? err('objective.not_found') : ok(updated);
      }
    }
    return ok(await deps.objectiveStore.update(current.id, patch, [history]));
  };
}
