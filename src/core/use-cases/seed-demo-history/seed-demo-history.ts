import { businessDate } from '../../domain/business-date.js';
import type { Person, Team } from '../../domain/organisation.js';
import type { Clock } from '../../ports/clock.js';
import type { HistoryPlan, PathHistoryWriter } from '../../ports/path-history-writer.js';
import type { RosterStore } from '../../ports/roster-store.js';

export type HistoryGenerator = (input: { people: readonly Person[]; teams: readonly Team[]; today: string }) => HistoryPlan;

/**
 * Gives the demo structure months of confirmed records so that summaries, charts
 * and bilans have something to show. Once only: a structure with notes is left alone.
 */
export function createSeedDemoHistory(deps: {
  readonly rosterStore: RosterStore;
  readonly historyWriter: PathHistoryWriter;
  readonly clock: Clock;
  readonly defaultTimezone: string;
}) {
  return async function seedDemoHistory(generate: HistoryGenerator): Promise<{ written: boolean; notes: number; attendance: number; observations: number }> {
    const structure = await deps.rosterStore.defaultStructure();
    if (await deps.historyWriter.hasHistory(structure.id)) return { written: false, notes: 0, attendance: 0, observations: 0 };
    const [people, teams] = await Promise.all([deps.rosterStore.listPeople(structure.id), deps.rosterStore.listTeams(structure.id)]);
    const plan = generate({ people, teams, today: businessDate(deps.clock.now(), deps.defaultTimezone) });
    await deps.historyWriter.write(plan);
    return { written: true, notes: plan.notes.length, attendance: plan.attendance.length, observations: plan.observations.length };
  };
}
