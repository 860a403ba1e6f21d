import type { ProductionTarget } from './team-settings.js';

/** One activity's production: the day and the week to date, with its target when one is set. */
export interface ProductionLine {
  readonly activity: string;
  readonly unit: string;
  readonly day: number;
  readonly weekToDate: number;
  readonly target: ProductionTarget | null;
}

/**
 * Everything a daily team digest shows, already neutral: counts, first names,
 * categories of positive team-level observations, activity words. No quote.
 */
export interface DailyDigest {
  readonly teamId: string;
  readonly teamName: string;
  readonly date: string;
  readonly attendance: {
    readonly present: number;
    readonly absent: number;
    readonly late: number;
    readonly total: number;
    /** Only when the team allows first names for absences. */
    readonly absentFirstNames: readonly string[] | null;
  } | null;
  readonly production: readonly ProductionLine[];
  readonly highlights: ReadonlyArray<{ readonly firstName: string; readonly category: string }>;
  readonly upcomingSessions: readonly string[];
  /** False when nothing confirmed exists for the day (no note yet). */
  readonly hasRecords: boolean;
}

export interface WeeklyTeamLine {
  readonly teamId: string;
  readonly teamName: string;
  readonly production: ReadonlyArray<{ readonly activity: string; readonly unit: string; readonly quantity: number; readonly target: number | null }>;
  readonly attendanceDays: number;
  readonly presentDays: number;
  readonly openAlerts: number;
  readonly sessionsHeld: number;
  readonly skillsValidated: number;
  readonly notesNotSent: number;
  /** End-of-shift check-ins that ended without a note (encadrant-days). */
  readonly daysWithoutNote: number;
}

/** Direction's weekly digest: one line per team, figures only. */
export interface WeeklyDigest {
  readonly structureId: string;
  readonly from: string;
  readonly to: string;
  readonly teams: readonly WeeklyTeamLine[];
}
