import type { Actor } from '../../domain/actor.js';
import type { NoteStatus, ShiftNote } from '../../domain/shift-note.js';
import { authorize } from '../../policy/authorize.js';
import type { NoteStore } from '../../ports/note-store.js';
import { err, ok, type Result } from '../../result.js';

export type NoteAccessError = 'note.not_found' | 'access.denied' | 'note.not_author' | 'note.wrong_status';

/** Loads a note for its author, in one of the expected statuses. Shared by the note use cases. */
export async function loadOwnNote(
  notes: NoteStore, actor: Actor, noteId: string, statuses: readonly NoteStatus[],
): Promise<Result<ShiftNote, NoteAccessError>> {
  const note = await notes.getNote(noteId);
  if (!note || note.structureId !== actor.structureId) return err('note.not_found');
  const allowed = authorize(actor, 'write', 'shift-note', { structureId: note.structureId, teamId: note.teamId, authorId: note.authorId });
  if (!allowed.ok) return allowed;
  if (note.authorId !== actor.personId) return err('note.not_author');
  if (!statuses.includes(note.status)) return err('note.wrong_status', { status: note.status });
  // A draft always carries what the engine found; one without it cannot be confirmed or edited.
  if (note.status === 'draft' && note.draft === null) return err('note.wrong_status', { status: note.status });
  return ok(note);
}
