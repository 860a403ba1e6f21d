import type { Person, Team } from '../../domain/organisation.js';
import type { RosterStore } from '../../ports/roster-store.js';

export interface RosterListing {
  readonly people: readonly Person[];
  readonly teams: readonly Team[];
}

/** Everyone of the structure, sorted by team, role and name. */
export function createListRoster(deps: { readonly rosterStore: RosterStore }) {
  return async function listRoster(filter: { teamKey?: string } = {}): Promise<RosterListing> {
    const structure = await deps.rosterStore.defaultStructure();
    const [teams, people] = await Promise.all([
      deps.rosterStore.listTeams(structure.id),
      deps.rosterStore.listPeople(structure.id, filter),
    ]);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const roleOrder = ['encadrant', 'salarie', 'cip', 'direction', 'admin'];
    const sorted = [...people].sort((a, b) =>
      (teamName.get(a.teamId ?? '') ?? '\uffff').localeCompare(teamName.get(b.teamId ?? '') ?? '\uffff', 'fr')
      || roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role)
      || a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
    return { people: sorted, teams };
  };
}
