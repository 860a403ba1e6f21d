/**
 * The end-of-shift check-in of one encadrant on one day (issue #13), as a small
 * state machine. Relais opens it at the team's shift end; the note, its
 * clarifying questions and its confirmation move it on; a day that ends without
 * a note leaves it skipped. Stored per person and date, so a restart or a second
 * instance neither loses nor repeats it.
 */
export const CHECK_IN_STATES = ['opened', 'note_received', 'questions_asked', 'confirmed', 'skipped'] as const;
export type CheckInState = typeof CHECK_IN_STATES[number];

export type CheckInEvent =
  /** The scheduler asked « comment ça s'est passé ? ». */
  | 'open'
  /** A note of that day arrived (typed, dictated, or « RAS »). */
  | 'note'
  /** Its draft came with clarifying questions. */
  | 'questions'
  /** The draft was confirmed. */
  | 'confirm'
  /** The draft was discarded: the day has no note again. */
  | 'discard'
  /** « Plus tard »: still open, asked again after the snooze. */
  | 'later'
  /** The day is over without a note. */
  | 'close';

const TRANSITIONS: Record<CheckInState | 'none', Partial<Record<CheckInEvent, CheckInState>>> = {
  none: { open: 'opened', note: 'note_received', questions: 'questions_asked', confirm: 'confirmed' },
  opened: { note: 'note_received', questions: 'questions_asked', confirm: 'confirmed', later: 'opened', close: 'skipped' },
  note_received: { questions: 'questions_asked', confirm: 'confirmed', discard: 'opened' },
  questions_asked: { confirm: 'confirmed', discard: 'opened' },
  confirmed: {},
  // A late note still counts: the day comes back to life.
  skipped: { note: 'note_received', questions: 'questions_asked', confirm: 'confirmed' },
};

/** The next state, or null when the event does not apply (the state stays as it is). */
export function nextCheckInState(current: CheckInState | null, event: CheckInEvent): CheckInState | null {
  return TRANSITIONS[current ?? 'none'][event] ?? null;
}

/** How far a state is along the day: a check-in never goes back except by a discarded draft. */
export const checkInRank = (state: CheckInState): number =>
  ({ opened: 0, skipped: 0, note_received: 1, questions_asked: 2, confirmed: 3 })[state];
