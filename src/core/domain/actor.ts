import type { Role } from './taxonomy.js';

/** Who is acting: every use case receives it (from a linked platform identity or the CLI). */
export interface Actor {
  readonly personId: string;
  readonly role: Role;
  readonly structureId: string;
  /** The actor's team (encadrants); null for CIP, direction, admin. */
  readonly teamId: string | null;
  /** Which door the request came through, for the audit log. */
  readonly door: 'slack' | 'teams' | 'playground' | 'cli' | 'scheduler' | 'system';
}

/** The system itself (scheduled jobs, migrations): used only by jobs, never for a user's request. */
export const systemActor = (structureId: string): Actor => ({
  personId: 'system', role: 'admin', structureId, teamId: null, door: 'system',
});
