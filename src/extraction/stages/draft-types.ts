import type { AttendanceStatus, ObservationCategory, Polarity } from '../../core/domain/taxonomy.js';
import type { AlertRecord, IncidentRecord, ProductionRecord } from '../../core/extraction/shift-note-extraction.js';

/** An observation before deduplication, with the clause it comes from. */
export interface DraftObservation {
  readonly person: string;
  readonly category: ObservationCategory;
  readonly polarity: Polarity;
  readonly evidence: string;
  readonly clause: number;
  /** Token range of the phrase, to drop freins that only excuse an absence. */
  readonly tokens: readonly [number, number];
}

export interface DraftIncident extends IncidentRecord { readonly clause: number; readonly sentence: number }

export interface DraftAttendance {
  readonly person: string;
  readonly status: AttendanceStatus;
  readonly excused: boolean | null;
  readonly minutes: number | null;
  /** Token indices of the phrases that excused it. */
  readonly excuseTokens: readonly number[];
  /** Clauses that tell it (status, reason, excuse), for absences, lateness and departures. */
  readonly statementClauses: readonly number[];
}

export interface StageOutput {
  readonly observations: DraftObservation[];
  readonly incidents: DraftIncident[];
  readonly alerts: AlertRecord[];
  readonly production: ProductionRecord[];
  readonly attendance: DraftAttendance[];
}
