import type { Actor } from '../domain/actor.js';
import type { Sensitivity } from '../domain/sensitivity.js';
import { err, ok, type Result } from '../result.js';

/**
 * The one authorisation policy. Every read and write of a salarié's data asks
 * it; a use case that does not is caught by the policy test matrix.
 *
 * - encadrant: people of their own team; restricted content (freins) only what they wrote;
 *   special categories (health, justice) may be written (their own notes) but never read back;
 * - cip: the salariés they are referent of (everything), and any salarié of the structure for
 *   non-sensitive content;
 * - direction: everything in the structure;
 * - admin: configuration only, no content;
 * - salarie: nothing through Relais (their rights go through the CIP / DPO export).
 */
export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = [
  'shift-note', 'attendance', 'observation', 'production', 'incident', 'alert', 'learning-session',
  'skill-evaluation', 'situation', 'objective', 'bilan', 'progress-summary', 'attestation', 'person',
  'team-settings', 'configuration', 'audit-log', 'gdpr-export',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** What the policy needs to know about the data touched. */
export interface Subject {
  readonly structureId: string;
  /** Team of the salarié concerned (or of the team-level record). */
  readonly teamId: string | null;
  /** Referent CIP of the salarié concerned, if any. */
  readonly referentCipId?: string | null;
  /** Author of the record, for "restricted freins only those they wrote". */
  readonly authorId?: string | null;
  readonly sensitivity?: Sensitivity;
}

export type AuthorizationCode = 'access.denied';

const CONTENT_FREE: ReadonlySet<Resource> = new Set(['configuration', 'team-settings']);

export function authorize(actor: Actor, action: Action, resource: Resource, subject: Subject): Result<true, AuthorizationCode> {
  const deny = () => err('access.denied' as const, { role: actor.role, action, resource });
  if (actor.structureId !== subject.structureId) return deny();
  const sensitivity = subject.sensitivity ?? 'team';
  switch (actor.role) {
    case 'direction':
      return resource === 'configuration' && action === 'write' ? deny() : ok(true);
    case 'admin':
      if (CONTENT_FREE.has(resource) || resource === 'audit-log' && action === 'read') return ok(true);
      return resource === 'gdpr-export' ? ok(true) : deny();
    case 'cip': {
      if (resource === 'configuration') return deny();
      if (resource === 'team-settings') return action === 'read' ? ok(true) : deny();
      // Rights requests (GDPR export and erasure) are handled by the direction and the administrator.
      if (resource === 'audit-log' || resource === 'gdpr-export') return deny();
      const isReferent = subject.referentCipId === actor.personId;
      if (isReferent || subject.referentCipId === null || subject.referentCipId === undefined) return ok(true);
      // Another CIP's salarié: team-level facts only.
      return sensitivity === 'team' && action === 'read' ? ok(true) : deny();
    }
    case 'encadrant': {
      if (['configuration', 'audit-log', 'gdpr-export', 'bilan'].includes(resource)) return deny();
      if (subject.teamId !== actor.teamId) return deny();
      if (resource === 'team-settings') return ok(true);
      if (sensitivity === 'special') return action === 'write' && subject.authorId === actor.personId ? ok(true) : deny();
      if (sensitivity === 'restricted') return subject.authorId === actor.personId ? ok(true) : deny();
      if (resource === 'objective' || resource === 'situation') return action === 'read' && sensitivity === 'team' ? ok(true) : deny();
      return ok(true);
    }
    default:
      return deny();
  }
}
