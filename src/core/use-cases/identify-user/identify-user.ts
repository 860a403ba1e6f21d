import type { Actor } from '../../domain/actor.js';
import type { Person } from '../../domain/organisation.js';
import type { IdentityStore, PlatformUserRef } from '../../ports/identity-store.js';
import { err, ok, type Result } from '../../result.js';

export interface IdentifyInput {
  readonly user: PlatformUserRef;
  readonly door: Actor['door'];
  /** E-mail the platform reports for this user: links automatically when exactly one person has it. */
  readonly email?: string;
  readonly displayName?: string;
  /** Private conversation details to remember for proactive messages. */
  readonly directChannel?: Record<string, unknown>;
}

export type IdentifyError = 'identity.unknown' | 'identity.inactive';

export const actorOf = (person: Person, door: Actor['door']): Actor => ({
  personId: person.id, role: person.role, structureId: person.structureId, teamId: person.teamId, door,
});

/** Maps a platform user to a person of the roster (linking by e-mail the first time when unambiguous). */
export function createIdentifyUser(deps: { readonly identities: IdentityStore }) {
  return async function identifyUser(input: IdentifyInput): Promise<Result<{ actor: Actor; person: Person; linkedNow: boolean }, IdentifyError>> {
    let person = await deps.identities.findPersonByPlatformUser(input.user);
    let linkedNow = false;
    if (!person && input.email) {
      const candidates = (await deps.identities.findPeopleByEmail(input.email)).filter((p) => p.status === 'active');
      if (candidates.length === 1) {
        person = candidates[0]!;
        await deps.identities.linkPlatformUser(input.user, person.id, {
          linkedBy: 'email', ...(input.displayName ? { displayName: input.displayName } : {}),
          ...(input.directChannel ? { directChannel: input.directChannel } : {}),
        });
        linkedNow = true;
      }
    }
    if (!person) return err('identity.unknown');
    if (person.status !== 'active') return err('identity.inactive');
    if (!linkedNow && input.directChannel) {
      await deps.identities.linkPlatformUser(input.user, person.id, { directChannel: input.directChannel });
    }
    return ok({ actor: actorOf(person, input.door), person, linkedNow });
  };
}

/** Admin command: links a platform user to a person (direction or admin only). */
export function createLinkIdentity(deps: { readonly identities: IdentityStore }) {
  return async function linkIdentity(input: { actor: Actor; user: PlatformUserRef; personId: string; displayName?: string }): Promise<Result<Person, 'access.denied' | 'person.unknown'>> {
    if (input.actor.role !== 'admin' && input.actor.role !== 'direction') return err('access.denied');
    const person = await deps.identities.findPersonById(input.personId);
    if (!person || person.structureId !== input.actor.structureId) return err('person.unknown');
    await deps.identities.linkPlatformUser(input.user, person.id, {
      linkedBy: input.actor.personId, ...(input.displayName ? { displayName: input.displayName } : {}),
    });
    return ok(person);
  };
}
