import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { AuditTrail } from '../../ports/audit-trail.js';
import type { Clock } from '../../ports/clock.js';
import type { PersonDataDocuments } from '../../ports/person-data-documents.js';
import type { PersonDataSnapshot, PersonDataStore } from '../../ports/person-data-store.js';
import { err, ok, type Result } from '../../result.js';

export interface ExportPersonDataInput {
  readonly actor: Actor;
  readonly personId: string;
  readonly locale?: 'fr' | 'en';
}

export interface PersonDataExport {
  readonly snapshot: PersonDataSnapshot;
  /** Machine-readable copy (GDPR art. 15 and 20), UTF-8 JSON. */
  readonly json: string;
  /** The same, readable, in French. */
  readonly pdf: Uint8Array;
}

export type ExportPersonDataError = 'person.not_found' | 'access.denied';

/** Everything stored about a person, for the person's right of access; direction and admin only. */
export function createExportPersonData(deps: {
  readonly personData: PersonDataStore;
  readonly documents: PersonDataDocuments;
  readonly clock: Clock;
  readonly audit: AuditTrail;
}) {
  return async function exportPersonData(input: ExportPersonDataInput): Promise<Result<PersonDataExport, ExportPersonDataError>> {
    const subject = await deps.personData.findSubject(input.personId);
    if (subject === null || subject.structureId !== input.actor.structureId) return err('person.not_found');
    const allowed = authorize(input.actor, 'read', 'gdpr-export', {
      structureId: subject.structureId, teamId: subject.teamId, referentCipId: subject.referentCipId, sensitivity: 'special',
    });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });
    const generatedAt = deps.clock.now();
    await deps.audit.record({ actor: input.actor, action: 'export', resourceType: 'gdpr-export', subjectPersonId: subject.id });
    const snapshot = await deps.personData.collect(subject.id);
    const json = JSON.stringify({ generatedAt: generatedAt.toISOString(), ...snapshot }, null, 2);
    const pdf = await deps.documents.renderPdf(snapshot, { locale: input.locale ?? 'fr', generatedAt });
    return ok({ snapshot, json, pdf });
  };
}
