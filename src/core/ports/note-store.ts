import type { NoteConversation, NoteDraft, NoteSource, NoteStatus, ShiftNote } from '../domain/shift-note.js';
import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';

export interface NewShiftNote {
  readonly structureId: string;
  readonly teamId: string | null;
  readonly authorId: string;
  readonly shiftDate: string;
  readonly rawText: string;
  readonly source: NoteSource;
  readonly platform: string;
  readonly platformEventId: string;
  readonly conversation: NoteConversation;
}

/** Records written on confirmation, linked to the note and its author. */
export interface ConfirmedRecords {
  readonly noteId: string;
  readonly teamId: string | null;
  readonly authorId: string;
  readonly date: string;
  readonly extraction: ShiftNoteExtraction;
}

export interface NoteStore {
  /** Idempotent on (platform, platformEventId): a redelivery returns the existing note. */
  insertNote(note: NewShiftNote): Promise<{ note: ShiftNote; created: boolean }>;
  getNote(id: string): Promise<ShiftNote | null>;
  /**
   * Compare-and-set on `version`: returns the updated note, or null when someone
   * else changed it first (a double click, a second instance).
   */
  updateNote(id: string, expectedVersion: number, changes: {
    status?: NoteStatus; draft?: NoteDraft | null; rawText?: string; conversation?: NoteConversation; confirmedAt?: Date; discardedAt?: Date;
  }): Promise<ShiftNote | null>;
  /** The author's most recent note waiting for confirmation, if any. */
  latestDraft(authorId: string): Promise<ShiftNote | null>;
  listByAuthor(authorId: string, fromDate: string, toDate: string): Promise<ShiftNote[]>;
  /** Notes stuck before their draft (resume after a crash). */
  listUnfinished(olderThan: Date): Promise<ShiftNote[]>;
  insertConfirmedRecords(records: ConfirmedRecords): Promise<void>;
  deleteRecordsOfNote(noteId: string): Promise<void>;
  /** The CIP or direction took the note's open alerts in hand. */
  acknowledgeAlerts(noteId: string, byPersonId: string): Promise<void>;
  findByEvent(platform: string, platformEventId: string): Promise<ShiftNote | null>;
}
