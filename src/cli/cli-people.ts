import type { Relais } from '../app/composition-root.js';
import type { Actor } from '../core/domain/actor.js';
import type { Person } from '../core/domain/organisation.js';
import { matchPeople } from '../core/domain/person-match.js';
import type { Err } from '../core/result.js';
import { CliError, EXIT } from './cli-error.js';
import type { CliIo } from './cli-io.js';

/** The person named by `--as`, as the actor of the command (door: cli). */
export async function resolveActor(relais: Relais, io: CliIo, value: string): Promise<Actor> {
  const { people } = await relais.useCases.listRoster();
  const found = matchPeople(value, people);
  if (found.length !== 1) throw new CliError(io.t('followup.as_unknown', { value }), EXIT.usage);
  const p = found[0]!;
  return { personId: p.id, role: p.role, structureId: p.structureId, teamId: p.teamId, door: 'cli' };
}

/** The person a command is about, by roster id, name or nickname. */
export async function resolvePerson(relais: Relais, io: CliIo, value: string): Promise<Person> {
  const { people } = await relais.useCases.listRoster();
  const found = matchPeople(value, people);
  if (found.length === 0) throw new CliError(io.t('followup.person_unknown', { value }), EXIT.usage);
  if (found.length > 1) {
    const candidates = found.map((p) => `${p.firstName} ${p.lastName} (${p.rosterKey})`).join(', ');
    throw new CliError(io.t('followup.person_ambiguous', { value, candidates }), EXIT.usage);
  }
  return found[0]!;
}

/** A use case's refusal or error, in French; a refusal is polite and exits 1, bad input exits 2. */
export function followupError(io: CliIo, failure: Err, name: string): CliError {
  const details = Object.fromEntries(Object.entries(failure.details ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ; ') : String(v)]));
  const message = io.t(`followup.error.${failure.code}`, { name, value: details['ids'] ?? '', ...details });
  return new CliError(message, failure.code === 'access.denied' ? EXIT.failure : EXIT.usage);
}
