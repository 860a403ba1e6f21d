import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Relais } from '../../app/composition-root.js';
import type { Actor } from '../../core/domain/actor.js';
import type { Person } from '../../core/domain/organisation.js';
import type { Err } from '../../core/result.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { resolveActor, resolvePerson } from '../cli-people.js';
import { withRelais } from '../with-relais.js';

export interface GdprOptions {
  readonly as?: string;
  readonly out?: string;
  readonly confirm?: boolean;
}

/** Who asks: the person named by --as, else the operator at the server's shell (an admin of the person's structure). */
async function requester(relais: Relais, io: CliIo, person: Person, as: string | undefined): Promise<Actor> {
  if (as !== undefined) return resolveActor(relais, io, as);
  return { personId: 'cli-operator', role: 'admin', structureId: person.structureId, teamId: null, door: 'cli' };
}

function privacyError(io: CliIo, failure: Err, name: string): CliError {
  return new CliError(io.t(`privacy.error.${failure.code}`, { name }), failure.code === 'access.denied' ? EXIT.failure : EXIT.usage);
}

const safeFileName = (s: string): string => s.normalize('NFD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'personne';

/** `relais gdpr export <personne> [--out dossier]`: JSON and PDF of everything stored about the person. */
export async function runGdprExport(io: CliIo, query: string, options: GdprOptions): Promise<number> {
  return withRelais(io, async (relais) => {
    const person = await resolvePerson(relais, io, query);
    const name = `${person.firstName} ${person.lastName}`;
    const result = await relais.privacy.exportPersonData({ actor: await requester(relais, io, person, options.as), personId: person.id, locale: relais.config.locale });
    if (!result.ok) throw privacyError(io, result, name);
    const dir = options.out ?? '.';
    mkdirSync(dir, { recursive: true });
    const base = join(dir, `donnees-${safeFileName(person.rosterKey)}`);
    writeFileSync(`${base}.json`, result.value.json);
    writeFileSync(`${base}.pdf`, result.value.pdf);
    line(io.stdout, io.t('privacy.export.written', { json: `${base}.json`, pdf: `${base}.pdf` }));
    return EXIT.ok;
  });
}

/** `relais gdpr erase <personne> --confirm`: refuses (exit 2) without --confirm, before opening anything. */
export async function runGdprErase(io: CliIo, query: string, options: GdprOptions): Promise<number> {
  if (options.confirm !== true) throw new CliError(io.t('privacy.erase.needs_confirm', { name: query }), EXIT.usage);
  return withRelais(io, async (relais) => {
    const person = await resolvePerson(relais, io, query);
    const name = `${person.firstName} ${person.lastName}`;
    const result = await relais.privacy.erasePersonData({ actor: await requester(relais, io, person, options.as), personId: person.id });
    if (!result.ok) throw privacyError(io, result, name);
    const sum = (k: 'deleted' | 'anonymised' | 'retained') => result.value.tables.reduce((n, t) => n + t[k], 0);
    line(io.stdout, io.t('privacy.erase.done', { name, deleted: sum('deleted'), anonymised: sum('anonymised'), retained: sum('retained') }));
    for (const t of result.value.tables) line(io.stdout, io.t('privacy.erase.line', { deleted: t.deleted, anonymised: t.anonymised, retained: t.retained, table: io.t(`privacy.table.${t.table}`) }));
    return EXIT.ok;
  });
}
