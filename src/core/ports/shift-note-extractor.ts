import type { RosterEntry } from '../domain/roster.js';
import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';
import type { Result } from '../result.js';

/** What an engine needs besides the note text. */
export interface ExtractionContext {
  readonly roster: readonly RosterEntry[];
  /** Roster id of the note's author; their team is the scope of "tout le monde". */
  readonly authorId: string;
  /** Business date of the shift, YYYY-MM-DD in the team's timezone. */
  readonly shiftDate: string;
  /** Team start time "HH:MM", used to turn "arrivé à 9h15" into minutes late. */
  readonly teamStartTime?: string;
}

export type ExtractionEngine = 'rules' | 'llm';

export interface ExtractionOutcome {
  readonly extraction: ShiftNoteExtraction;
  readonly engine: ExtractionEngine;
  /** True when a richer engine failed and a simpler one produced this result. */
  readonly degraded: boolean;
  /** Why a richer engine was not used (budget_exhausted, timeout, circuit_open…), when degraded. */
  readonly fallbackReason?: string;
}

/** Turns an end-of-shift note into structured records. */
export interface ShiftNoteExtractor {
  extract(note: string, context: ExtractionContext): Promise<Result<ExtractionOutcome, ExtractionErrorCode>>;
}

export type ExtractionErrorCode = 'note.empty' | 'note.too_long' | 'author.unknown' | 'llm.unavailable';
