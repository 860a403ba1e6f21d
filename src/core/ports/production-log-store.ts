/** Confirmed attendance and production, as the production log and the monthly export read them. */
export interface AttendanceRow {
  readonly personId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly teamId: string | null;
  readonly referentCipId: string | null;
  readonly date: string;
  readonly status: 'present' | 'absent' | 'late' | 'left_early';
  readonly excused: boolean | null;
  readonly minutes: number | null;
  readonly hoursWorked: number | null;
}

export interface ProductionRow {
  readonly teamId: string | null;
  readonly date: string;
  readonly activity: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly site: string | null;
}

export interface IncidentRow {
  readonly teamId: string | null;
  readonly date: string;
  readonly kind: string;
}

/** A learning session held (status done). */
export interface SessionHeldRow {
  readonly teamId: string | null;
  readonly date: string;
  readonly topic: string;
  readonly durationMinutes: number | null;
  readonly participants: number;
  readonly trainerName: string;
}

export interface ProductionLogStore {
  /** Records of confirmed notes only, from..to inclusive (YYYY-MM-DD), for one team or the whole structure. */
  attendance(structureId: string, from: string, to: string, teamId?: string): Promise<AttendanceRow[]>;
  production(structureId: string, from: string, to: string, teamId?: string): Promise<ProductionRow[]>;
  incidents(structureId: string, from: string, to: string, teamId?: string): Promise<IncidentRow[]>;
  /** Learning sessions held (done) in the period. */
  sessionsHeld(structureId: string, from: string, to: string, teamId?: string): Promise<SessionHeldRow[]>;
}
