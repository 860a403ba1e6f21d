import type { Actor } from '../../domain/actor.js';
import type { CarnetReferentialSource } from '../../objectives/carnet-referential.js';
import type { Objective } from '../../objectives/objective.js';
import { objectiveAccess, type ObjectiveAccessError } from '../../objectives/objective-access.js';
import type { Clock } from '../../ports/clock.js';
import type { ObjectiveStore } from '../../ports/objective-store.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { isIsoDate } from '../../progress/period.js';
import { err, ok, type Result } from '../../result.js';

export interface CreateObjectiveInput {
  readonly actor: Actor;
  readonly personId: string;
  readonly theme: string;
  readonly label: string;
  readonly dueOn?: string | null;
  /** The salarié agreed to this objective (recorded with the date). */
  readonly consentGiven: boolean;
  readonly bilanId?: string | null;
  readonly actions?: ReadonlyArray<{ readonly label: string; readonly dueOn?: string | null }>;
}

export type CreateObjectiveError = ObjectiveAccessError | 'objective.theme_unknown' | 'objective.label_missing' | 'objective.bad_date';

/** Creates a Carnet de bord objective (from a bilan or a conversation), its actions and the first line of its history. */
export function createCreateObjective(deps: {
  readonly objectiveStore: ObjectiveStore;
  readonly progressStore: Pick<ProgressStore, 'findPerson'>;
  readonly referential: CarnetReferentialSource;
  readonly clock: Clock;
}) {
  /** Every check, nothing written: lets a bilan refuse before writing anything when one of its objectives is wrong. */
  async function check(input: CreateObjectiveInput): Promise<Result<string, CreateObjectiveError>> {
    const label = input.label.trim().replace(/\s+/g, ' ');
    if (label === '') return err('objective.label_missing');
    const referential = await deps.referential.load();
    if (!referential.themes.includes(input.theme)) return err('objective.theme_unknown', { theme: input.theme, themes: referential.themes.join(', ') });
    const dates = [input.dueOn, ...(input.actions ?? []).map((a) => a.dueOn)].filter((d): d is string => typeof d === 'string');
    if (dates.some((d) => !isIsoDate(d))) return err('objective.bad_date');
    const access = await objectiveAccess(deps.progressStore, input.actor, input.personId, input.theme, 'write');
    return access.ok ? ok(label) : access;
  }

  async function createObjective(input: CreateObjectiveInput): Promise<Result<Objective, CreateObjectiveError>> {
    const checked = await check(input);
    if (!checked.ok) return checked;
    const now = deps.clock.now();
    const entry = { at: now.toISOString(), by: input.actor.personId, change: 'created' as const, to: 'en_cours' };
    return ok(await deps.objectiveStore.create({
      personId: input.personId, theme: input.theme, label: checked.value, dueOn: input.dueOn ?? null, consentAt: input.consentGiven ? now : null,
      bilanId: input.bilanId ?? null, createdBy: input.actor.personId, createdAt: now, history: [entry],
      actions: (input.actions ?? []).filter((a) => a.label.trim() !== '').map((a) => ({
        label: a.label.trim(), dueOn: a.dueOn ?? null, history: [{ ...entry, to: 'en_projet' }],
      })),
    }));
  }

  return Object.assign(createObjective, { check });
}
