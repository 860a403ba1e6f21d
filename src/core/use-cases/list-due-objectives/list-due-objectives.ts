import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate } from '../../domain/business-date.js';
import type { DueObjective } from '../../objectives/objective.js';
import { authorize } from '../../policy/authorize.js';
import type { Clock } from '../../ports/clock.js';
import type { ObjectiveStore } from '../../ports/objective-store.js';
import { themeSensitivity } from '../../progress/record-visibility.js';
import { err, ok, type Result } from '../../result.js';

/** How far ahead a reminder looks by default. */
export const DEFAULT_REMINDER_DAYS = 14;

/**
 * Objectives in progress that are due soon or overdue. A CIP sees those of the
 * salariés they follow, direction all, an encadrant those of their team they may
 * read; `remindersByCip` groups them for the scheduler's private reminders.
 */
export function createListDueObjectives(deps: { readonly objectiveStore: ObjectiveStore; readonly clock: Clock; readonly defaultTimezone: string }) {
  const today = () => businessDate(deps.clock.now(), deps.defaultTimezone);

  async function listDueObjectives(input: { actor: Actor; withinDays?: number }): Promise<Result<DueObjective[], 'access.denied'>> {
    const { actor } = input;
    if (!['cip', 'direction', 'encadrant'].includes(actor.role)) return err('access.denied', { role: actor.role });
    const day = today();
    const due = await deps.objectiveStore.listDue(actor.structureId, addDays(day, input.withinDays ?? DEFAULT_REMINDER_DAYS), day);
    return ok(due.filter((o) => {
      if (actor.role === 'cip') return o.referentCipId === actor.personId;
      return authorize(actor, 'read', 'objective', {
        structureId: actor.structureId, teamId: o.teamId, referentCipId: o.referentCipId, sensitivity: themeSensitivity(o.theme),
      }).ok;
    }));
  }

  async function remindersByCip(structureId: string, withinDays = DEFAULT_REMINDER_DAYS): Promise<Map<string, DueObjective[]>> {
    const day = today();
    const due = await deps.objectiveStore.listDue(structureId, addDays(day, withinDays), day);
    const byCip = new Map<string, DueObjective[]>();
    for (const o of due) if (o.referentCipId !== null) byCip.set(o.referentCipId, [...(byCip.get(o.referentCipId) ?? []), o]);
    return byCip;
  }

  return { listDueObjectives, remindersByCip };
}
