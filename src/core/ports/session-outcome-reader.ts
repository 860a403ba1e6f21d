import type { ParticipantEvaluation } from '../learning/session-evaluation.js';

export interface OutcomeInput {
  readonly text: string;
  readonly participants: ReadonlyArray<{ personId: string; name: string; firstName: string; aliases: readonly string[] }>;
  readonly criteria: ReadonlyArray<{ skillKey: string; skillLabel: string; criterion: string }>;
}

/** Reads what the ETI says happened in a séance: per participant, per criterion, a level with the fact. */
export interface SessionOutcomeReader {
  /** The date a « séance de jeudi » means (the last such day up to today), or null. */
  sessionDate(text: string, context: { today: string; timezone: string }): string | null;
  read(input: OutcomeInput): Promise<ParticipantEvaluation[]>;
}
