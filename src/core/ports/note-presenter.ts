import type { RosterEntry } from '../domain/roster.js';
import type { ShiftNote } from '../domain/shift-note.js';
import type { AlertRecord } from '../extraction/shift-note-extraction.js';
import type { Reply } from '../messages/reply.js';

/**
 * Turns notes into replies (French text lives in the conversation layer).
 * Use cases call it so that records and the messages announcing them are
 * written in one transaction.
 */
export interface NotePresenter {
  received(note: ShiftNote): Reply;
  draft(note: ShiftNote, roster: readonly RosterEntry[]): Reply;
  confirmed(note: ShiftNote, roster: readonly RosterEntry[]): Reply;
  discarded(note: ShiftNote): Reply;
  /** The neutral team-channel summary: never a frein, health, justice or alert detail. */
  teamSummary(note: ShiftNote, roster: readonly RosterEntry[], teamName: string): Reply;
  /** A private alert to the referent CIP and direction. */
  alert(note: ShiftNote, alert: AlertRecord, roster: readonly RosterEntry[]): Reply;
  cancelled(note: ShiftNote): Reply;
  /** The team summary replaced after its note was cancelled. */
  summaryWithdrawn(note: ShiftNote): Reply;
  failed(note: ShiftNote): Reply;
}
