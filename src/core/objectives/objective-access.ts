import type { Actor } from '../domain/actor.js';
import { authorize, type Action } from '../policy/authorize.js';
import type { PersonContext, ProgressStore } from '../ports/progress-store.js';
import { themeSensitivity } from '../progress/record-visibility.js';
import { err, ok, type Result } from '../result.js';

export type ObjectiveAccessError = 'person.not_found' | 'person.not_salarie' | 'access.denied';

/** The salarié an objective is about, if the actor may read or write objectives of this theme for them. */
export async function objectiveAccess(
  people: Pick<ProgressStore, 'findPerson'>, actor: Actor, personId: string, theme: string, action: Action, authorId: string | null = actor.personId,
): Promise<Result<PersonContext, ObjectiveAccessError>> {
  const context = await people.findPerson(personId);
  if (context === null || context.person.structureId !== actor.structureId) return err('person.not_found');
  if (context.person.role !== 'salarie') return err('person.not_salarie');
  const { person } = context;
  const allowed = authorize(actor, action, 'objective', {
    structureId: person.structureId, teamId: person.teamId, referentCipId: person.referentCipId, authorId, sensitivity: themeSensitivity(theme),
  });
  return allowed.ok ? ok(context) : err('access.denied', { role: actor.role });
}
