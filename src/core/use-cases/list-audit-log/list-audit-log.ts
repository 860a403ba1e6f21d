import type { Actor } from '../../domain/actor.js';
import { authorize } from '../../policy/authorize.js';
import type { AuditRecord, AuditTrail } from '../../ports/audit-trail.js';
import { err, ok, type Result } from '../../result.js';

/** Direction (and admins) read who accessed a salarié's data; reading the log is itself logged. */
export function createListAuditLog(deps: { readonly audit: AuditTrail }) {
  return async function listAuditLog(input: { readonly actor: Actor; readonly subjectPersonId?: string; readonly limit?: number }): Promise<Result<AuditRecord[], 'access.denied'>> {
    const allowed = authorize(input.actor, 'read', 'audit-log', { structureId: input.actor.structureId, teamId: null });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });
    await deps.audit.record({ actor: input.actor, action: 'read', resourceType: 'audit-log', subjectPersonId: input.subjectPersonId ?? null });
    return ok(await deps.audit.list({
      ...(input.subjectPersonId === undefined ? {} : { subjectPersonId: input.subjectPersonId }), ...(input.limit === undefined ? {} : { limit: input.limit }),
    }));
  };
}
