import type { Person } from '../domain/organisation.js';

/**
 * Reads a salarié's path for a progress summary. Every method returns confirmed
 * records only (linked to a confirmed shift note, or entered directly without
 * one; skill evaluations with status `confirmed`), in date order.
 */
export interface ProgressStore {
  findPerson(personId: string): Promise<PersonContext | null>;
  loadRecords(personId: string, period: Period): Promise<PathRecords>;
  /** « Prénom Nom » of each id found (bilan participants, authors). */
  namesOf(personIds: readonly string[]): Promise<Record<string, string>>;
}

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface PersonContext {
  readonly person: Person;
  readonly teamName: string | null;
  /** The team's timezone (business dates); null for people without a team. */
  readonly timezone: string | null;
  readonly exitCategory: string | null;
}

/** Who wrote a record, when known. */
export interface Authored {
  readonly authorId: string | null;
  readonly authorName: string | null;
}

export interface AttendanceMonthRow {
  readonly month: string;
  readonly days: number;
  readonly present: number;
  readonly late: number;
  readonly leftEarly: number;
  readonly absent: number;
  readonly excusedAbsences: number;
}

export interface AttendanceExceptionRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly status: 'absent' | 'late' | 'left_early';
  readonly minutes: number | null;
  readonly excused: boolean | null;
}

export interface ObservationRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly category: string;
  readonly polarity: string;
  readonly evidence: string;
  readonly sensitivity: string;
}

export interface SkillEvaluationRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly skillLabel: string;
  readonly dimension: string;
  readonly level: string;
  readonly observedFact: string | null;
  readonly selfAssessment: string | null;
}

export interface SituationRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly theme: string;
  readonly kind: string;
  readonly label: string;
  readonly status: string;
  readonly intensity: string | null;
}

export interface ObjectiveActionRow {
  readonly id: string;
  readonly date: string;
  readonly label: string;
  readonly status: string;
  readonly dueOn: string | null;
}

export interface ObjectiveRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly theme: string;
  readonly label: string;
  readonly status: string;
  readonly dueOn: string | null;
  readonly consentGiven: boolean;
  readonly consentOn: string | null;
  readonly actions: readonly ObjectiveActionRow[];
}

export interface IncidentRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly kind: string;
  readonly evidence: string;
}

export interface AlertRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly topic: string;
  readonly evidence: string;
  readonly status: string;
}

export interface BilanRow extends Authored {
  readonly id: string;
  readonly date: string;
  readonly kind: string;
  readonly participants: readonly string[];
  readonly salarieView: string | null;
  readonly salarieAgreement: boolean | null;
  readonly exitCategory: string | null;
}

export interface PathRecords {
  readonly attendanceMonths: readonly AttendanceMonthRow[];
  readonly attendanceExceptions: readonly AttendanceExceptionRow[];
  readonly observations: readonly ObservationRow[];
  readonly skillEvaluations: readonly SkillEvaluationRow[];
  /** Current situations, objectives and bilans regardless of the period: they describe where the path stands. */
  readonly situations: readonly SituationRow[];
  readonly objectives: readonly ObjectiveRow[];
  readonly incidents: readonly IncidentRow[];
  readonly alerts: readonly AlertRow[];
  readonly bilans: readonly BilanRow[];
}
