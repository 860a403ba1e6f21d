import type { Actor } from '../../domain/actor.js';
import { noteDestination, noteKeys } from '../../domain/note-keys.js';
import type { ShiftNote } from '../../domain/shift-note.js';
import type { Clock } from '../../ports/clock.js';
import type { NotePresenter } from '../../ports/note-presenter.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { err, ok, type Result } from '../../result.js';
import { loadOwnNote, type NoteAccessError } from '../edit-shift-note/note-access.js';

/** "Annuler" on a draft: nothing becomes a record; the note text stays until retention purges it. */
export function createDiscardShiftNote(deps: { readonly uow: UnitOfWork; readonly presenter: NotePresenter; readonly clock: Clock }) {
  return async function discardShiftNote(input: { actor: Actor; noteId: string }): Promise<Result<ShiftNote, NoteAccessError | 'note.changed'>> {
    const loaded = await loadOwnNote(deps.uow.stores.notes, input.actor, input.noteId, ['draft', 'received', 'needs_attention', 'discarded']);
    if (!loaded.ok) return loaded;
    if (loaded.value.status === 'discarded') return ok(loaded.value);
    const note = loaded.value;
    return deps.uow.transaction(async (s) => {
      const updated = await s.notes.updateNote(note.id, note.version, { status: 'discarded', discardedAt: deps.clock.now() });
      if (!updated) return err('note.changed');
      await s.checkIns.record({ personId: note.authorId, teamId: note.teamId, date: note.shiftDate, event: 'discard', at: deps.clock.now() });
      await s.outbox.enqueue([{
        key: noteKeys.final(note.id, 'discarded'), destination: noteDestination(updated),
        reply: deps.presenter.discarded(updated), replaces: noteKeys.received(note.id),
      }]);
      return ok(updated);
    });
  };
}
