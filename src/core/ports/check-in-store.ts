import type { CheckInEvent, CheckInState } from '../checkins/check-in-state.js';

export interface CheckIn {
  readonly personId: string;
  readonly date: string;
  readonly teamId: string | null;
  readonly state: CheckInState;
  readonly openedAt: Date | null;
  readonly updatedAt: Date;
}

/** The check-ins of encadrants, one per person and day. */
export interface CheckInStore {
  /**
   * Applies an event: the row is created when the event may start one, updated
   * when the transition applies, left alone otherwise. Returns the state after,
   * and whether this call changed it (the scheduler sends the question only then).
   */
  record(input: { personId: string; teamId: string | null; date: string; event: CheckInEvent; at: Date }): Promise<{ state: CheckInState | null; changed: boolean }>;
  get(personId: string, date: string): Promise<CheckIn | null>;
  /** Still open on a day before `date`: closed by the scheduler. */
  openBefore(date: string): Promise<CheckIn[]>;
  ofTeam(teamId: string, from: string, to: string): Promise<CheckIn[]>;
}
