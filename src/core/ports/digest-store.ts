import type { AttendanceStatus, Polarity, Unit } from '../domain/taxonomy.js';
import type { TeamSettings } from '../digests/team-settings.js';

/** A team with its schedule (settings validated, timezone from the team). */
export interface TeamSchedule {
  readonly id: string;
  readonly structureId: string;
  readonly key: string;
  readonly name: string;
  readonly timezone: string;
  readonly settings: TeamSettings;
}

export interface DigestPeriod {
  /** First and last business dates, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

/**
 * What a digest may be built from: confirmed records only, and no quote at all.
 * Observations come without their evidence; only `team`-sensitivity ones are
 * returned. `confidentialWords` are the words of the period's restricted quotes
 * (freins, health, justice, alerts, incidents), used only to filter activity names.
 */
export interface TeamDigestRecords {
  readonly attendance: ReadonlyArray<{ readonly personId: string; readonly date: string; readonly status: AttendanceStatus }>;
  readonly production: ReadonlyArray<{ readonly date: string; readonly activity: string; readonly quantity: number | null; readonly unit: Unit | null }>;
  readonly positiveObservations: ReadonlyArray<{ readonly personId: string; readonly date: string; readonly category: string; readonly polarity: Polarity }>;
  readonly confidentialWords: readonly string[];
  /** Learning sessions planned from the day after the period (date, topic-free). */
  readonly upcomingSessions: ReadonlyArray<{ readonly date: string }>;
  /** Team members by id: first name and role (last names are never read for digests). */
  readonly members: ReadonlyArray<{ readonly id: string; readonly firstName: string; readonly role: string }>;
}

/** Direction's weekly figures for one team. */
export interface TeamWeekFigures {
  readonly attendanceDays: number;
  readonly presentDays: number;
  readonly openAlerts: number;
  readonly sessionsHeld: number;
  readonly skillsValidated: number;
  /** Notes received but never confirmed (drafts left, extraction trouble). */
  readonly notesNotSent: number;
  readonly confirmedNotes: number;
  /** Check-ins that ended without a note (encadrant-days). */
  readonly daysWithoutNote: number;
}

export interface ReminderPreference {
  readonly personId: string;
  readonly off: boolean;
  readonly snoozedUntil: Date | null;
}

/** Reads and writes of team schedules, digest records and reminder preferences. */
export interface DigestStore {
  /** Every team of every structure (the scheduler's list). */
  listTeamSchedules(): Promise<TeamSchedule[]>;
  teamSchedule(teamId: string): Promise<TeamSchedule | null>;
  /** Teams of a structure with their settings. */
  teamSchedulesOf(structureId: string): Promise<TeamSchedule[]>;
  saveTeamSettings(teamId: string, settings: TeamSettings, timezone: string): Promise<void>;
  teamRecords(teamId: string, period: DigestPeriod): Promise<TeamDigestRecords>;
  teamWeekFigures(teamId: string, period: DigestPeriod): Promise<TeamWeekFigures>;
  /** Authors who wrote a (not discarded) note for that team and date. */
  authorsWithNote(teamId: string, date: string): Promise<string[]>;
  reminderPreferences(personIds: readonly string[]): Promise<ReminderPreference[]>;
  setReminderPreference(personId: string, change: { off?: boolean; snoozedUntil?: Date | null }): Promise<void>;
  /** Snoozed reminders now due, with the person's team. */
  dueSnoozes(now: Date): Promise<Array<{ readonly personId: string; readonly teamId: string | null; readonly snoozedUntil: Date; readonly off: boolean }>>;
}
