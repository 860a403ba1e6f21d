import type { Actor } from '../../domain/actor.js';
import { noteDestination, noteKeys } from '../../domain/note-keys.js';
import type { ShiftNote } from '../../domain/shift-note.js';
import type { Clock } from '../../ports/clock.js';
import type { NotePresenter } from '../../ports/note-presenter.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { err, ok, type Result } from '../../result.js';
import { loadOwnNote, type NoteAccessError } from '../edit-shift-note/note-access.js';

export type CancelError = NoteAccessError | 'note.changed' | 'note.cancel_window_passed';

/**
 * "Annule ma note d'hier": within the configured window, a confirmed note's
 * records are removed and its team summary is withdrawn in place.
 */
export function createCancelShiftNote(deps: {
  readonly uow: UnitOfWork; readonly presenter: NotePresenter; readonly clock: Clock; readonly cancelWindowHours: number;
}) {
  return async function cancelShiftNote(input: { actor: Actor; noteId: string }): Promise<Result<ShiftNote, CancelError>> {
    const loaded = await loadOwnNote(deps.uow.stores.notes, input.actor, input.noteId, ['confirmed']);
    if (!loaded.ok) return loaded;
    const note = loaded.value;
    const confirmedAt = note.confirmedAt ?? note.receivedAt;
    if (deps.clock.now().getTime() - confirmedAt.getTime() > deps.cancelWindowHours * 3_600_000) {
      return err('note.cancel_window_passed', { hours: deps.cancelWindowHours });
    }
    return deps.uow.transaction(async (s) => {
      const updated = await s.notes.updateNote(note.id, note.version, { status: 'discarded', discardedAt: deps.clock.now() });
      if (!updated) return err('note.changed');
      await s.notes.deleteRecordsOfNote(note.id);
      await s.outbox.enqueue([
        { key: noteKeys.final(note.id, 'cancelled'), destination: noteDestination(updated), reply: deps.presenter.cancelled(updated) },
        ...(note.teamId === null ? [] : [{
          key: noteKeys.summaryWithdrawn(note.id), destination: { kind: 'team-channel' as const, teamId: note.teamId },
          reply: deps.presenter.summaryWithdrawn(updated), replaces: noteKeys.summary(note.id),
        }]),
      ]);
      return ok(updated);
    });
  };
}
