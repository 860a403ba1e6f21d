import type { Actor } from '../../domain/actor.js';
import { confidentialWords } from '../../domain/confidential-words.js';
import { removeLine, replacePerson, type DraftSection } from '../../domain/draft-edits.js';
import { noteDestination, noteKeys } from '../../domain/note-keys.js';
import { activeRoster } from '../../domain/people-roster.js';
import type { ShiftNote } from '../../domain/shift-note.js';
import { shiftNoteExtractionSchema, type ShiftNoteExtraction } from '../../extraction/shift-note-extraction.js';
import type { NotePresenter } from '../../ports/note-presenter.js';
import type { ShiftNoteExtractor } from '../../ports/shift-note-extractor.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { err, ok, type Result } from '../../result.js';
import type { Unit } from '../../domain/taxonomy.js';
import { loadOwnNote, type NoteAccessError } from './note-access.js';

export type DraftEdit =
  | { readonly kind: 'replace-person'; readonly fromId: string; readonly toId: string }
  | { readonly kind: 'remove-line'; readonly section: DraftSection; readonly position: number }
  /** The whole draft as the author corrected it in the form. */
  | { readonly kind: 'replace-all'; readonly extraction: ShiftNoteExtraction }
  /** More words for the same note ("ajoute : …"): extracted and added to the draft. */
  | { readonly kind: 'append-text'; readonly text: string }
  /** The author rewrote the message the note came from (an edit in Slack): the draft is extracted again from the new text. */
  | { readonly kind: 'replace-text'; readonly text: string }
  /** Answers to the clarifying questions (one tap each). */
  | { readonly kind: 'set-attendance'; readonly persons: readonly string[]; readonly status: 'present' | 'absent' }
  | { readonly kind: 'resolve-name'; readonly name: string; readonly personId: string }
  | { readonly kind: 'set-unit'; readonly position: number; readonly unit: Unit }
  | { readonly kind: 'set-late-minutes'; readonly person: string; readonly minutes: number }
  | { readonly kind: 'set-activity'; readonly position: number; readonly activity: string }
  /** « Passe »: no answer, the questions go away. */
  | { readonly kind: 'skip-questions' };

export type EditError = NoteAccessError | 'edit.invalid' | 'edit.line_not_found' | 'note.changed' | 'note.extraction_failed';

/** Changes a draft before confirmation; the draft message is updated in place. */
export function createEditShiftNote(deps: { readonly uow: UnitOfWork; readonly extractor: ShiftNoteExtractor; readonly presenter: NotePresenter }) {
  return async function editShiftNote(input: { actor: Actor; noteId: string; edit: DraftEdit }): Promise<Result<ShiftNote, EditError>> {
    const loaded = await loadOwnNote(deps.uow.stores.notes, input.actor, input.noteId, ['draft']);
    if (!loaded.ok) return loaded;
    const note = loaded.value;
    const current = note.draft!.extraction;
    const roster = activeRoster(await deps.uow.stores.identities.peopleOfStructure(note.structureId));
    let next: ShiftNoteExtraction | null;
    let rawText: string | undefined;
    switch (input.edit.kind) {
      case 'replace-person':
        next = replacePerson(current, input.edit.fromId, input.edit.toId);
        break;
      case 'remove-line':
        next = removeLine(current, input.edit.section, input.edit.position);
        if (next === null) return err('edit.line_not_found');
        break;
      case 'replace-all':
        next = input.edit.extraction;
        break;
      case 'set-attendance': {
        const persons = new Set(input.edit.persons);
        const status = input.edit.status;
        next = { ...current, attendance: [...current.attendance.filter((a) => !persons.has(a.person)), ...input.edit.persons.map((person) => ({ person, status, excused: null, minutes: null }))] };
        break;
      }
      case 'set-late-minutes': {
        const { person, minutes } = input.edit;
        if (!current.attendance.some((a) => a.person === person && a.status === 'late')) return err('edit.line_not_found');
        if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60) return err('edit.invalid');
        next = { ...current, attendance: current.attendance.map((a) => (a.person === person && a.status === 'late' ? { ...a, minutes } : a)) };
        break;
      }
      case 'set-activity': {
        const at = input.edit.position - 1;
        const activity = input.edit.activity.trim();
        if (current.production[at] === undefined) return err('edit.line_not_found');
        if (activity === '' || activity.length > 80) return err('edit.invalid');
        next = { ...current, production: current.production.map((p, i) => (i === at ? { ...p, activity } : p)) };
        break;
      }
      case 'set-unit': {
        const at = input.edit.position - 1;
        if (current.production[at] === undefined) return err('edit.line_not_found');
        const unit = input.edit.unit;
        next = { ...current, production: current.production.map((p, i) => (i === at ? { ...p, unit } : p)) };
        break;
      }
      case 'resolve-name': {
        // The note read again with the name as this person's nickname: what was said about them comes back.
        const { name, personId } = input.edit;
        const taught = roster.map((p) => (p.id === personId ? { ...p, aliases: [...p.aliases, name] } : p));
        const again = await deps.extractor.extract(note.rawText ?? '', { roster: taught, authorId: note.authorId, shiftDate: note.shiftDate });
        if (!again.ok) return err('note.extraction_failed');
        // Only what concerns that person is taken from the new reading: earlier answers and edits stay.
        const y = again.value.extraction;
        next = {
          attendance: [...current.attendance.filter((a) => a.person !== personId), ...y.attendance.filter((a) => a.person === personId)],
          observations: [...current.observations, ...y.observations.filter((o) => o.person === personId)],
          production: current.production,
          incidents: [...current.incidents, ...y.incidents.filter((i) => i.persons.includes(personId) && !current.incidents.some((c) => c.evidence === i.evidence))],
          alerts: [...current.alerts, ...y.alerts.filter((a) => a.person === personId)],
          unknownNames: current.unknownNames.filter((n) => n.toLowerCase() !== name.toLowerCase()),
        };
        break;
      }
      case 'skip-questions':
        next = current;
        break;
      case 'append-text': {
        const added = await deps.extractor.extract(input.edit.text, { roster, authorId: note.authorId, shiftDate: note.shiftDate });
        if (!added.ok) return err('note.extraction_failed');
        next = mergeExtractions(current, added.value.extraction);
        rawText = `${note.rawText ?? ''}\n${input.edit.text.trim()}`;
        break;
      }
      case 'replace-text': {
        const again = await deps.extractor.extract(input.edit.text, { roster, authorId: note.authorId, shiftDate: note.shiftDate });
        if (!again.ok) return err('note.extraction_failed');
        next = again.value.extraction;
        rawText = input.edit.text.trim();
        break;
      }
    }
    const parsed = shiftNoteExtractionSchema.safeParse(next);
    const known = new Set(roster.map((p) => p.id));
    if (!parsed.success || !personsKnown(parsed.data, known)) return err('edit.invalid');
    return deps.uow.transaction(async (s) => {
      const updated = await s.notes.updateNote(note.id, note.version, {
        draft: {
          // An answer removes its own question; any other change (or « Passe ») ends the round.
          ...note.draft!, extraction: parsed.data,
          questionsDone: note.draft!.questionsDone === true || !['set-attendance', 'set-unit', 'resolve-name', 'set-late-minutes', 'set-activity'].includes(input.edit.kind),
          confidentialWords: [...new Set([...(note.draft!.confidentialWords ?? []), ...confidentialWords(parsed.data)])],
        },
        ...(rawText !== undefined ? { rawText } : {}),
      });
      if (!updated) return err('note.changed');
      await s.outbox.enqueue([{
        key: noteKeys.draft(updated.id, updated.version), destination: noteDestination(updated),
        reply: deps.presenter.draft(updated, roster), replaces: noteKeys.received(updated.id),
      }]);
      return ok(updated);
    });
  };
}

function personsKnown(x: ShiftNoteExtraction, known: ReadonlySet<string>): boolean {
  return x.attendance.every((a) => known.has(a.person)) && x.observations.every((o) => known.has(o.person))
    && x.incidents.every((i) => i.persons.every((p) => known.has(p))) && x.alerts.every((a) => a.person === null || known.has(a.person));
}

/** Adds what new words brought; a new attendance line for someone replaces the old one. */
export function mergeExtractions(a: ShiftNoteExtraction, b: ShiftNoteExtraction): ShiftNoteExtraction {
  const replaced = new Set(b.attendance.map((x) => x.person));
  return {
    attendance: [...a.attendance.filter((x) => !replaced.has(x.person)), ...b.attendance],
    observations: [...a.observations, ...b.observations],
    production: [...a.production, ...b.production],
    incidents: [...a.incidents, ...b.incidents],
    alerts: [...a.alerts, ...b.alerts],
    unknownNames: [...new Set([...a.unknownNames, ...b.unknownNames])],
  };
}
