import { addDays, businessDate } from '../../domain/business-date.js';
import type { Clock } from '../../ports/clock.js';
import type { LearningStore } from '../../ports/learning-store.js';

export interface SessionReminder {
  readonly trainerId: string;
  readonly sessionId: string;
  readonly topic: string;
  readonly date: string;
  readonly startTime: string | null;
  readonly participants: readonly string[];
}

/**
 * The séances of tomorrow, per trainer: what the daily digest reminds each ETI of the day
 * before (the scheduler's own job, run as the system; only the trainer receives it).
 */
export function createListSessionReminders(deps: { readonly store: LearningStore; readonly clock: Clock; readonly defaultTimezone: string }) {
  return async (input: { timezone?: string } = {}): Promise<SessionReminder[]> => {
    const tomorrow = addDays(businessDate(deps.clock.now(), input.timezone ?? deps.defaultTimezone), 1);
    return (await deps.store.scheduledOn(tomorrow)).map((s) => ({
      trainerId: s.trainerId, sessionId: s.id, topic: s.topic, date: tomorrow, startTime: s.plan.identification.startTime,
      participants: s.plan.identification.participants.map((p) => p.name),
    }));
  };
}
