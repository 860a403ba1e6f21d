import type { Person } from './organisation.js';
import type { RosterEntry } from './roster.js';

/** People as the engines see them; `team` is the team id, so "tout le monde" means the author's team. */
export const toRosterEntry = (p: Person): RosterEntry => ({
  id: p.id, firstName: p.firstName, lastName: p.lastName, aliases: p.aliases, team: p.teamId, role: p.role,
});

/** Active people only: someone who left no longer appears in new notes. */
export const activeRoster = (people: readonly Person[]): RosterEntry[] =>
  people.filter((p) => p.status === 'active').map(toRosterEntry);
