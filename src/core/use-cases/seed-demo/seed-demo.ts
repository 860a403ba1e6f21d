import type { RawRosterRow } from '../../roster/roster-row.js';
import type { SiaeKind } from '../../domain/taxonomy.js';
import type { RosterStore } from '../../ports/roster-store.js';
import type { createImportRoster } from '../import-roster/import-roster.js';

export interface DemoData {
  readonly structure: { readonly name: string; readonly kind: SiaeKind };
  readonly roster: readonly RawRosterRow[];
}

/** Loads the demo structure and roster; running it again changes nothing. */
export function createSeedDemo(deps: {
  readonly rosterStore: RosterStore;
  readonly importRoster: ReturnType<typeof createImportRoster>;
}) {
  return async function seedDemo(data: DemoData): Promise<{ people: number; teams: number }> {
    const structure = await deps.rosterStore.defaultStructure();
    await deps.rosterStore.updateStructure(structure.id, data.structure);
    const report = await deps.importRoster({ lines: data.roster.map((raw, i) => ({ line: i + 2, raw })) });
    if (!report.ok || report.value.rejected.length > 0) throw new Error('demo roster rejected lines');
    const people = await deps.rosterStore.listPeople(structure.id);
    const teams = await deps.rosterStore.listTeams(structure.id);
    return { people: people.length, teams: teams.length };
  };
}
