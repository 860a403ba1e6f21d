import type { Actor } from '../../domain/actor.js';
import { noteDestination, noteKeys } from '../../domain/note-keys.js';
import { activeRoster } from '../../domain/people-roster.js';
import type { ShiftNote } from '../../domain/shift-note.js';
import type { AuditTrail } from '../../ports/audit-trail.js';
import type { Clock } from '../../ports/clock.js';
import type { NotePresenter } from '../../ports/note-presenter.js';
import type { OutgoingMessage } from '../../ports/outbox.js';
import type { TransactionalStores, UnitOfWork } from '../../ports/unit-of-work.js';
import { err, ok, type Result } from '../../result.js';
import { loadOwnNote, type NoteAccessError } from '../edit-shift-note/note-access.js';

export type ConfirmError = NoteAccessError | 'note.changed';

/**
 * "Valider": the draft becomes records linked to the note and its author; in
 * the same transaction the draft message is updated, the neutral summary is
 * queued for the team channel and alerts go privately to the referent CIP and
 * direction. A double click confirms once.
 */
export function createConfirmShiftNote(deps: { readonly uow: UnitOfWork; readonly presenter: NotePresenter; readonly clock: Clock; readonly audit?: AuditTrail }) {
  return async function confirmShiftNote(input: { actor: Actor; noteId: string }): Promise<Result<ShiftNote, ConfirmError>> {
    const loaded = await loadOwnNote(deps.uow.stores.notes, input.actor, input.noteId, ['draft', 'confirmed']);
    if (!loaded.ok) return loaded;
    if (loaded.value.status === 'confirmed') return ok(loaded.value);
    const note = loaded.value;
    const people = await deps.uow.stores.identities.peopleOfStructure(note.structureId);
    const roster = activeRoster(people);
    const result = await deps.uow.transaction(async (s): Promise<Result<ShiftNote, ConfirmError>> => {
      const confirmed = await s.notes.updateNote(note.id, note.version, { status: 'confirmed', confirmedAt: deps.clock.now() });
      if (!confirmed) return err('note.changed');
      const extraction = note.draft!.extraction;
      await s.notes.insertConfirmedRecords({ noteId: note.id, teamId: note.teamId, authorId: note.authorId, date: note.shiftDate, extraction });
      await s.checkIns.record({ personId: note.authorId, teamId: note.teamId, date: note.shiftDate, event: 'confirm', at: deps.clock.now() });
      const messages: OutgoingMessage[] = [{
        key: noteKeys.final(note.id, 'confirmed'), destination: noteDestination(confirmed),
        reply: deps.presenter.confirmed(confirmed, roster), replaces: noteKeys.received(note.id),
      }];
      if (note.teamId !== null) {
        const team = await s.identities.teamById(note.teamId);
        messages.push({
          key: noteKeys.summary(note.id), destination: { kind: 'team-channel', teamId: note.teamId },
          reply: deps.presenter.teamSummary(confirmed, roster, team?.name ?? ''),
        });
      }
      messages.push(...await alertMessages(s, confirmed, roster, people, deps.presenter));
      await s.outbox.enqueue(messages);
      return ok(confirmed);
    });
    if (result.ok && deps.audit !== undefined) {
      // One entry per salarié whose records this note wrote: ids only.
      const extraction = note.draft!.extraction;
      const subjects = new Set([...extraction.attendance, ...extraction.observations].map((r) => r.person));
      for (const a of extraction.alerts) if (a.person !== null) subjects.add(a.person);
      for (const i of extraction.incidents) for (const p of i.persons) subjects.add(p);
      await deps.audit.record(...[...subjects].map((personId) => ({
        actor: input.actor, action: 'write', resourceType: 'shift-note', resourceId: note.id, subjectPersonId: personId,
      })));
    }
    return result;
  };
}

/** Each alert goes at once to the salarié's referent CIP and to direction, privately. */
async function alertMessages(
  s: TransactionalStores, note: ShiftNote, roster: ReturnType<typeof activeRoster>,
  people: Awaited<ReturnType<TransactionalStores['identities']['peopleOfStructure']>>, presenter: NotePresenter,
): Promise<OutgoingMessage[]> {
  const alerts = note.draft!.extraction.alerts;
  if (alerts.length === 0) return [];
  const direction = people.filter((p) => p.role === 'direction' && p.status === 'active').map((p) => p.id);
  const cips = people.filter((p) => p.role === 'cip' && p.status === 'active').map((p) => p.id);
  const messages: OutgoingMessage[] = [];
  alerts.forEach((alert, index) => {
    const subject = alert.person === null ? undefined : people.find((p) => p.id === alert.person);
    // No referent known: every CIP of the structure hears about it rather than nobody.
    const referents = subject?.referentCipId ? [subject.referentCipId] : cips;
    for (const personId of new Set([...referents, ...direction])) {
      messages.push({ key: noteKeys.alert(note.id, index, personId), destination: { kind: 'person', personId }, reply: presenter.alert(note, alert, roster) });
    }
  });
  return messages;
}
