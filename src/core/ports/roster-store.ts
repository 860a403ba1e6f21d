import type { Person, Structure, Team } from '../domain/organisation.js';
import type { Role, SiaeKind, Trade } from '../domain/taxonomy.js';

export interface NewTeam {
  readonly key: string;
  readonly name: string;
  readonly activity: Trade;
}

/** Person fields a roster file sets; referent given by roster key, resolved by the store. */
export interface PersonFields {
  readonly rosterKey: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
  readonly role: Role;
  readonly teamKey: string | null;
  readonly referentRosterKey: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contractStart: string | null;
  readonly contractEnd: string | null;
}

/** What an import changes, computed by the core and applied atomically by the store. */
export interface RosterChanges {
  readonly structureId: string;
  readonly teamsToCreate: readonly NewTeam[];
  readonly peopleToCreate: readonly PersonFields[];
  readonly peopleToUpdate: ReadonlyArray<PersonFields & { readonly id: string }>;
}

/** People, teams and structures. */
export interface RosterStore {
  /** The structure of a single-structure install, created on first use. */
  defaultStructure(): Promise<Structure>;
  updateStructure(id: string, fields: { name: string; kind: SiaeKind }): Promise<void>;
  listTeams(structureId: string): Promise<Team[]>;
  listPeople(structureId: string, filter?: { teamKey?: string }): Promise<Person[]>;
  /** All or nothing; `onProgress` is called as people are written. */
  applyRosterChanges(changes: RosterChanges, onProgress?: (done: number, total: number) => void): Promise<void>;
}
