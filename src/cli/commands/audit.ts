import type { AuditRecord } from '../../core/ports/audit-trail.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { resolveActor, resolvePerson } from '../cli-people.js';
import { withRelais } from '../with-relais.js';

/** `relais audit verify`: recomputes the hash chain; exit 1 when it is broken. */
export async function runAuditVerify(io: CliIo): Promise<number> {
  return withRelais(io, async (relais) => {
    const result = await relais.privacy.audit.verify();
    if (result.ok) {
      line(io.stdout, io.t('audit.verify.ok', { count: result.checked }));
      return EXIT.ok;
    }
    line(io.stderr, io.t('audit.verify.broken', { seq: result.brokenAt ?? '?', count: result.checked }));
    return EXIT.failure;
  });
}

const row = (r: AuditRecord, names: ReadonlyMap<string, string>): string =>
  [r.at.toISOString(), names.get(r.actorId ?? '') ?? r.actorId ?? '—', r.actorRole ?? '', r.door, r.action, r.resourceType, names.get(r.subjectPersonId ?? '') ?? r.subjectPersonId ?? '—'].join('\t');

/** `relais audit list --as <direction> [--person <salarié>]`: who read or changed what, newest first. */
export async function runAuditList(io: CliIo, options: { as: string; person?: string; limit?: string }): Promise<number> {
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliError(io.t('audit.bad_limit', { value: options.limit ?? '' }), EXIT.usage);
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const person = options.person === undefined ? undefined : await resolvePerson(relais, io, options.person);
    const result = await relais.privacy.listAuditLog({ actor, limit, ...(person === undefined ? {} : { subjectPersonId: person.id }) });
    if (!result.ok) throw new CliError(io.t('audit.denied'), EXIT.failure);
    const { people } = await relais.useCases.listRoster();
    const names = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    line(io.stdout, io.t('audit.list.header'));
    for (const r of result.value) line(io.stdout, row(r, names));
    return EXIT.ok;
  });
}
