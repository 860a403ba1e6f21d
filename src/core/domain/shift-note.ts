import type { ExtractionEngine } from '../ports/shift-note-extractor.js';
import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';

export const NOTE_STATUSES = ['received', 'draft', 'confirmed', 'discarded', 'needs_attention'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];
export type NoteSource = 'text' | 'voice' | 'command';

/** Where the note's conversation happens, so replies and updates land in the right place. */
export interface NoteConversation {
  readonly platform: string;
  /** A note sent in a channel gets its draft privately: drafts may hold freins and alerts. */
  readonly kind: 'dm' | 'channel';
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly threadId?: string;
  /** What the platform needs to answer there later (Teams: serviceUrl), as the note's request carried it. */
  readonly reference?: Readonly<Record<string, unknown>>;
  /** Outbox key of the draft message, so validation can update it in place. */
  readonly draftMessageKey?: string;
  /** Outbox key of the team-channel summary, so a cancellation can update it. */
  readonly summaryMessageKey?: string;
}

/** The draft shown to the author: what the engine found, plus how it was found. */
export interface NoteDraft {
  readonly extraction: ShiftNoteExtraction;
  readonly engine: ExtractionEngine;
  /** A richer engine failed and the rules engine stood in ("analyse simplifiée"). */
  readonly degraded: boolean;
  /** The voice transcript, when the note was dictated. */
  readonly transcript?: string;
  /** Words that must never reach a team channel (see confidential-words.ts); only ever grows. */
  readonly confidentialWords?: readonly string[];
  /** The one round of clarifying questions is over (answered, skipped, or the draft was edited). */
  readonly questionsDone?: boolean;
  /** The team tracks lateness in minutes: a lateness without them is worth a question. */
  readonly askLateMinutes?: boolean;
  /** The team's own activities (its targets) when the note was drafted, for the « de quoi ? » question. */
  readonly teamActivities?: readonly string[];
}

export interface ShiftNote {
  readonly id: string;
  readonly structureId: string;
  readonly teamId: string | null;
  readonly authorId: string;
  readonly shiftDate: string;
  readonly rawText: string | null;
  readonly source: NoteSource;
  readonly status: NoteStatus;
  readonly platform: string;
  readonly platformEventId: string;
  readonly conversation: NoteConversation;
  readonly draft: NoteDraft | null;
  readonly version: number;
  readonly receivedAt: Date;
  readonly confirmedAt: Date | null;
}
