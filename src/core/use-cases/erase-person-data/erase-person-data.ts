import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { Clock } from '../../ports/clock.js';
import type { ErasureReport, PersonDataStore } from '../../ports/person-data-store.js';
import { err, ok, type Result } from '../../result.js';

export interface ErasePersonDataInput {
  readonly actor: Actor;
  readonly personId: string;
}

export type ErasePersonDataError = 'person.not_found' | 'person.already_anonymised' | 'access.denied';

/**
 * The right to erasure: every record about the person deleted, their name and
 * contact details anonymised, their name removed from free text, in one
 * transaction. The audit trail is kept (accountability), holding ids only.
 */
export function createErasePersonData(deps: { readonly personData: PersonDataStore; readonly clock: Clock }) {
  return async function erasePersonData(input: ErasePersonDataInput): Promise<Result<ErasureReport, ErasePersonDataError>> {
    const subject = await deps.personData.findSubject(input.personId);
    if (subject === null || subject.structureId !== input.actor.structureId) return err('person.not_found');
    const allowed = authorize(input.actor, 'write', 'gdpr-export', {
      structureId: subject.structureId, teamId: subject.teamId, referentCipId: subject.referentCipId, sensitivity: 'special',
    });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });
    if (subject.status === 'anonymised') return err('person.already_anonymised');
    // The audit entry is written in the erasure's transaction: both or neither.
    const report = await deps.personData.erase(subject.id, deps.clock.now(), (erased) => [{
      actor: input.actor, action: 'erase', resourceType: 'gdpr-export', subjectPersonId: subject.id,
      details: Object.fromEntries(erased.tables.map((t) => [t.table, [t.deleted, t.anonymised, t.retained]])),
    }]);
    return ok(report);
  };
}
