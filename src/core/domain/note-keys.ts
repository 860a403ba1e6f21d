import type { Destination } from '../ports/outbox.js';
import type { ShiftNote } from './shift-note.js';

/**
 * Outbox keys of a note's messages. The first message ("Je traite ta note…")
 * is updated in place by the draft, its edits and the confirmation.
 */
export const noteKeys = {
  received: (noteId: string) => `note:${noteId}:received`,
  draft: (noteId: string, version: number) => `note:${noteId}:draft:${version}`,
  final: (noteId: string, what: 'confirmed' | 'discarded' | 'cancelled' | 'failed') => `note:${noteId}:${what}`,
  summary: (noteId: string) => `note:${noteId}:summary`,
  summaryWithdrawn: (noteId: string) => `note:${noteId}:summary-withdrawn`,
  alert: (noteId: string, index: number, personId: string) => `note:${noteId}:alert:${index}:${personId}`,
};

/** Replies about a note go back where the note came from, privately when it came from a channel. */
export function noteDestination(note: ShiftNote): Destination {
  const c = note.conversation;
  if (c.kind === 'channel') return { kind: 'person', personId: note.authorId };
  return {
    kind: 'conversation', platform: c.platform, workspaceId: c.workspaceId, conversationId: c.conversationId,
    ...(c.threadId ? { threadId: c.threadId } : {}),
    ...(c.reference ? { reference: c.reference } : {}),
  };
}
