import { businessDate } from '../../domain/business-date.js';
import { systemActor } from '../../domain/actor.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { ErasureReport, PersonDataStore } from '../../ports/person-data-store.js';
import type { ExpiredPerson, RetentionStore } from '../../ports/retention-store.js';

export interface RetentionPolicy {
  readonly retentionYears: number;
  readonly noteTextRetentionDays: number;
  readonly timezone: string;
}

export interface RetentionReport {
  readonly dryRun: boolean;
  /** People whose last contact is before this date are erased. */
  readonly cutoffDate: string;
  readonly people: readonly ExpiredPerson[];
  /** One per person actually erased (empty in a dry run). */
  readonly erasures: readonly ErasureReport[];
  readonly noteTexts: number;
  readonly inboxPayloads: number;
}

const DAY_MS = 86_400_000;

/** Same day and month, `years` earlier (29 February → 28 February). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/**
 * The daily retention job: salariés erased or anonymised `retentionYears` after
 * their last contact or exit; raw note text cleared `noteTextRetentionDays` after
 * confirmation (the structured records stay). A dry run reports without changing anything.
 */
export function createApplyRetention(deps: {
  readonly retention: RetentionStore;
  readonly personData: PersonDataStore;
  readonly clock: Clock;
  readonly policy: RetentionPolicy;
  readonly logger?: Logger;
}) {
  return async function applyRetention(input: { readonly dryRun: boolean }): Promise<RetentionReport> {
    const now = deps.clock.now();
    const cutoffDate = yearsBefore(businessDate(now, deps.policy.timezone), deps.policy.retentionYears);
    const textCutoff = new Date(now.getTime() - deps.policy.noteTextRetentionDays * DAY_MS);
    const people = await deps.retention.expiredPeople(cutoffDate);
    const erasures: ErasureReport[] = [];
    if (!input.dryRun) {
      for (const person of people) {
        // Erasure and its audit entry in one transaction.
        erasures.push(await deps.personData.erase(person.id, now, () => [{
          actor: { ...systemActor(person.structureId), door: 'scheduler' }, action: 'erase', resourceType: 'person', subjectPersonId: person.id,
          details: { reason: 'retention', referenceDate: person.referenceDate },
        }]));
      }
    }
    const noteTexts = await deps.retention.purgeNoteTexts(textCutoff, now, input.dryRun);
    const inboxPayloads = await deps.retention.purgeInboxPayloads(textCutoff, input.dryRun);
    // Counts only: never names.
    deps.logger?.info({ dryRun: input.dryRun, people: people.length, noteTexts, inboxPayloads }, 'retention applied');
    return { dryRun: input.dryRun, cutoffDate, people, erasures, noteTexts, inboxPayloads };
  };
}
