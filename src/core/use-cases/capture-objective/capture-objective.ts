import type { Actor } from '../../domain/actor.js';
import { businessDate } from '../../domain/business-date.js';
import { matchPeople } from '../../domain/person-match.js';
import type { CarnetReferentialSource } from '../../objectives/carnet-referential.js';
import type { Objective } from '../../objectives/objective.js';
import type { Clock } from '../../ports/clock.js';
import type { ObjectiveTextReader } from '../../ports/objective-text-reader.js';
import type { RosterStore } from '../../ports/roster-store.js';
import { err, ok, type Result } from '../../result.js';
import type { CreateObjectiveError, createCreateObjective } from '../create-objective/create-objective.js';

export type CaptureObjectiveError = CreateObjectiveError | 'objective.unreadable' | 'objective.person_unknown' | 'objective.person_ambiguous' | 'objective.theme_needed';

export interface CapturedObjective {
  readonly objective: Objective;
  readonly personName: string;
  /** Actions of the Carnet de bord reference list for this theme, to propose next. */
  readonly suggestedActions: readonly string[];
}

/** « objectif pour Nadia : passer le code d'ici mars » → an objective for Nadia, theme mobilité, due end of March. */
export function createCaptureObjective(deps: {
  readonly reader: ObjectiveTextReader;
  readonly rosterStore: Pick<RosterStore, 'listPeople'>;
  readonly createObjective: ReturnType<typeof createCreateObjective>;
  readonly referential: CarnetReferentialSource;
  readonly clock: Clock;
  readonly defaultTimezone: string;
}) {
  return async function captureObjective(input: {
    actor: Actor; text: string; consentGiven: boolean; theme?: string;
  }): Promise<Result<CapturedObjective, CaptureObjectiveError>> {
    const referential = await deps.referential.load();
    const today = businessDate(deps.clock.now(), deps.defaultTimezone);
    const reading = await deps.reader.read(input.text, { today, timezone: deps.defaultTimezone, themes: referential.themes });
    if (!reading.ok) return reading;
    const salaries = (await deps.rosterStore.listPeople(input.actor.structureId)).filter((p) => p.role === 'salarie');
    const matches = matchPeople(reading.value.personQuery, salaries);
    if (matches.length === 0) return err('objective.person_unknown', { name: reading.value.personQuery });
    if (matches.length > 1) return err('objective.person_ambiguous', { name: reading.value.personQuery, candidates: matches.map((p) => `${p.firstName} ${p.lastName} (${p.rosterKey})`).join(', ') });
    const theme = input.theme ?? reading.value.theme;
    if (theme === null) return err('objective.theme_needed', { themes: referential.themes.join(', ') });
    const person = matches[0]!;
    const created = await deps.createObjective({
      actor: input.actor, personId: person.id, theme, label: reading.value.label, dueOn: reading.value.dueOn, consentGiven: input.consentGiven,
    });
    if (!created.ok) return created;
    return ok({ objective: created.value, personName: `${person.firstName} ${person.lastName}`, suggestedActions: (referential.actions[theme] ?? []).slice(0, 5) });
  };
}
