import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate } from '../../domain/business-date.js';
import { authorize } from '../../policy/authorize.js';
import type { AuditTrail } from '../../ports/audit-trail.js';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { Narrative, ProgressNarrator } from '../../ports/progress-narrator.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { assembleFacts } from '../../progress/assemble-facts.js';
import { checkNarrative } from '../../progress/check-narrative.js';
import { isIsoDate } from '../../progress/period.js';
import type { ProgressFacts } from '../../progress/progress-facts.js';
import { visibleRecords } from '../../progress/record-visibility.js';
import { err, ok, type Result } from '../../result.js';

export interface BuildProgressSummaryInput {
  readonly actor: Actor;
  readonly personId: string;
  /** YYYY-MM-DD; default: the contract start, or one year before `to`. */
  readonly from?: string;
  /** YYYY-MM-DD; default: today in the salarié's team timezone. */
  readonly to?: string;
  readonly locale?: 'fr' | 'en';
  /** Skip the narrative (benchmarks, exports that do not want one). */
  readonly withNarrative?: boolean;
}

export interface ProgressSummary {
  readonly facts: ProgressFacts;
  /** Null when no narrator is configured, it failed, or its text did not pass the check. */
  readonly narrative: Narrative | null;
  readonly narrativeRejected: boolean;
}

export type BuildProgressSummaryError = 'person.not_found' | 'person.not_salarie' | 'access.denied' | 'period.invalid';

/**
 * A salarié's path at a glance, for an authorised requester only: the facts come
 * from queries on confirmed records, filtered record by record by the policy;
 * the narrative, if any, is kept only when every figure and quote in it is sourced.
 */
export function createBuildProgressSummary(deps: {
  readonly progressStore: ProgressStore;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly narrator?: ProgressNarrator;
  readonly logger?: Logger;
  /** Who read which salarié's path (issue #11). */
  readonly audit?: AuditTrail;
}) {
  return async function buildProgressSummary(input: BuildProgressSummaryInput): Promise<Result<ProgressSummary, BuildProgressSummaryError>> {
    const context = await deps.progressStore.findPerson(input.personId);
    if (context === null || context.person.structureId !== input.actor.structureId) return err('person.not_found');
    const { person } = context;
    if (person.role !== 'salarie') return err('person.not_salarie');
    const allowed = authorize(input.actor, 'read', 'progress-summary', {
      structureId: person.structureId, teamId: person.teamId, referentCipId: person.referentCipId, sensitivity: 'team',
    });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });

    const today = businessDate(deps.clock.now(), context.timezone ?? deps.defaultTimezone);
    const to = input.to ?? today;
    const from = input.from ?? person.contractStart ?? addDays(to, -365);
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) return err('period.invalid', { from, to });

    await deps.audit?.record({ actor: input.actor, action: 'read', resourceType: 'progress-summary', subjectPersonId: person.id, details: { from, to } });
    const records = await deps.progressStore.loadRecords(person.id, { from, to });
    const visible = visibleRecords(input.actor, context, records);
    const facts = assembleFacts(context, visible.records, { from, to }, today, visible.withheld);
    if (input.withNarrative === false || deps.narrator === undefined) return ok({ facts, narrative: null, narrativeRejected: false });

    const narrated = await deps.narrator.narrate(facts, input.locale ?? 'fr');
    if (!narrated.ok) return ok({ facts, narrative: null, narrativeRejected: false });
    const check = checkNarrative(narrated.value.text, facts);
    if (!check.ok) {
      // Counts only: the rejected text and figures may hold personal details.
      deps.logger?.warn({ engine: narrated.value.engine, problems: check.problems.length }, 'narrative dropped: unsourced content');
      return ok({ facts, narrative: null, narrativeRejected: true });
    }
    return ok({ facts, narrative: narrated.value, narrativeRejected: false });
  };
}
