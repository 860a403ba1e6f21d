import { bilanInputSchema, type BilanInput, type BilanRecord } from '../../bilans/bilan.js';
import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { BilanStore } from '../../ports/bilan-store.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { err, ok, type Result } from '../../result.js';
import type { CreateObjectiveError, CreateObjectiveInput, createCreateObjective } from '../create-objective/create-objective.js';

export type RecordBilanError = 'bilan.invalid' | 'bilan.participant_unknown' | 'person.not_found' | 'person.not_salarie' | 'access.denied' | CreateObjectiveError;

/** An objective agreed during the bilan (Carnet de bord model), created with the bilan's id. */
export type BilanObjective = Omit<CreateObjectiveInput, 'actor' | 'personId' | 'bilanId'>;

/**
 * Records a bilan: participants, outcomes, needs with intensity (prolongation),
 * the salarié's view and agreement, and at the sortie the exit category, which
 * also closes the salarié's path.
 */
export function createRecordBilan(deps: {
  readonly progressStore: ProgressStore;
  readonly bilanStore: BilanStore;
  readonly createObjective?: ReturnType<typeof createCreateObjective>;
}) {
  return async function recordBilan(input: {
    actor: Actor; personId: string; bilan: BilanInput; objectives?: readonly BilanObjective[];
  }): Promise<Result<BilanRecord & { objectiveIds: string[] }, RecordBilanError>> {
    const parsed = bilanInputSchema.safeParse(input.bilan);
    if (!parsed.success) {
      return err('bilan.invalid', { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    }
    const context = await deps.progressStore.findPerson(input.personId);
    if (context === null || context.person.structureId !== input.actor.structureId) return err('person.not_found');
    if (context.person.role !== 'salarie') return err('person.not_salarie');
    const { person } = context;
    const allowed = authorize(input.actor, 'write', 'bilan', {
      structureId: person.structureId, teamId: person.teamId, referentCipId: person.referentCipId, authorId: input.actor.personId, sensitivity: 'restricted',
    });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });
    const participants = [...new Set(parsed.data.participants)];
    const known = await deps.progressStore.namesOf(participants);
    const unknown = participants.filter((id) => known[id] === undefined);
    if (unknown.length > 0) return err('bilan.participant_unknown', { ids: unknown });
    const objectives = (input.objectives ?? []).map((o) => ({ ...o, actor: input.actor, personId: person.id }));
    if (objectives.length > 0 && deps.createObjective === undefined) throw new Error('recordBilan: objectives given but no createObjective');
    // Objectives are checked before anything is written: a wrong one refuses the whole bilan.
    for (const objective of objectives) {
      const checked = await deps.createObjective!.check(objective);
      if (!checked.ok) return checked;
    }
    const record = await deps.bilanStore.record(person.id, { ...parsed.data, participants }, input.actor.personId);
    const objectiveIds: string[] = [];
    for (const objective of objectives) {
      const created = await deps.createObjective!({ ...objective, bilanId: record.id });
      if (!created.ok) throw new Error(`objective checked then refused: ${created.code}`);
      objectiveIds.push(created.value.id);
    }
    return ok({ ...record, objectiveIds });
  };
}
