import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate } from '../../domain/business-date.js';
import { clarifyingQuestions } from '../../domain/clarifying-questions.js';
import { confidentialWords } from '../../domain/confidential-words.js';
import { noteDestination, noteKeys } from '../../domain/note-keys.js';
import { activeRoster } from '../../domain/people-roster.js';
import type { NoteConversation, NoteSource, ShiftNote } from '../../domain/shift-note.js';
import { shiftNoteExtractionSchema } from '../../extraction/shift-note-extraction.js';
import { authorize } from '../../policy/authorize.js';
import type { Clock } from '../../ports/clock.js';
import type { NotePresenter } from '../../ports/note-presenter.js';
import type { ShiftNoteExtractor } from '../../ports/shift-note-extractor.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';
import { err, ok, type Result } from '../../result.js';

export interface CaptureShiftNoteInput {
  readonly actor: Actor;
  readonly text: string;
  readonly source: NoteSource;
  readonly platformEventId: string;
  readonly conversation: NoteConversation;
  readonly transcript?: string;
  /** The day the note is about, when it is not today (a check-in answered late); at most a week back. */
  readonly shiftDate?: string;
}

export type CaptureError = 'note.empty' | 'note.too_long' | 'access.denied' | 'note.extraction_failed';
export const MAX_NOTE_CHARS = 20_000;

/**
 * The main daily loop, first half: store the note the moment it arrives
 * (idempotent on the platform event id) and say so, then extract and show
 * the draft. Safe to run again after a crash at any point.
 */
export function createCaptureShiftNote(deps: {
  readonly uow: UnitOfWork;
  readonly extractor: ShiftNoteExtractor;
  readonly presenter: NotePresenter;
  readonly clock: Clock;
  readonly defaultTimezone: string;
}) {
  return async function captureShiftNote(input: CaptureShiftNoteInput): Promise<Result<ShiftNote, CaptureError>> {
    const { actor } = input;
    const allowed = authorize(actor, 'write', 'shift-note', { structureId: actor.structureId, teamId: actor.teamId });
    if (!allowed.ok) return allowed;
    const text = input.text.trim();
    if (text === '') return err('note.empty');
    if (text.length > MAX_NOTE_CHARS) return err('note.too_long');

    const team = actor.teamId === null ? null : await deps.uow.stores.identities.teamById(actor.teamId);
    const today = businessDate(deps.clock.now(), team?.timezone ?? deps.defaultTimezone);
    const asked = input.shiftDate;
    const shiftDate = asked !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asked) && asked <= today && asked >= addDays(today, -7) ? asked : today;
    const { note } = await deps.uow.transaction(async (s) => {
      const inserted = await s.notes.insertNote({
        structureId: actor.structureId, teamId: actor.teamId, authorId: actor.personId, shiftDate, rawText: text,
        source: input.source, platform: input.conversation.platform, platformEventId: input.platformEventId,
        conversation: input.conversation,
      });
      if (inserted.created) {
        await s.checkIns.record({ personId: actor.personId, teamId: actor.teamId, date: shiftDate, event: 'note', at: deps.clock.now() });
        await s.outbox.enqueue([{ key: noteKeys.received(inserted.note.id), destination: noteDestination(inserted.note), reply: deps.presenter.received(inserted.note) }]);
      }
      return inserted;
    });
    if (note.status !== 'received') return ok(note);
    return draftNote(note, input.transcript);
  };

  async function draftNote(note: ShiftNote, transcript: string | undefined): Promise<Result<ShiftNote, CaptureError>> {
    const people = await deps.uow.stores.identities.peopleOfStructure(note.structureId);
    const roster = activeRoster(people);
    const team = note.teamId === null ? null : await deps.uow.stores.identities.teamById(note.teamId);
    const startTime = typeof team?.settings['shiftStart'] === 'string' ? team.settings['shiftStart'] : undefined;
    const askLateMinutes = team?.settings['trackLatenessMinutes'] === true;
    const targets = team?.settings['targets'];
    const teamActivities = targets !== null && typeof targets === 'object' ? Object.keys(targets).slice(0, 4) : [];
    const outcome = await deps.extractor.extract(note.rawText ?? '', {
      roster, authorId: note.authorId, shiftDate: note.shiftDate, ...(startTime ? { teamStartTime: startTime } : {}),
    });
    if (!outcome.ok) return err('note.extraction_failed', { cause: outcome.code });
    // Whatever the engine, only schema-valid records about known people reach a draft.
    const parsed = shiftNoteExtractionSchema.safeParse(outcome.value.extraction);
    if (!parsed.success) return err('note.extraction_failed', { cause: 'schema' });
    const draft = {
      extraction: parsed.data, engine: outcome.value.engine, degraded: outcome.value.degraded,
      confidentialWords: confidentialWords(parsed.data),
      ...(transcript !== undefined ? { transcript } : {}),
      ...(askLateMinutes ? { askLateMinutes } : {}),
      ...(teamActivities.length > 0 ? { teamActivities } : {}),
    };
    const asks = clarifyingQuestions(parsed.data, { authorId: note.authorId, teamId: note.teamId, roster, askLateMinutes, teamActivities }).length > 0;
    return deps.uow.transaction(async (s) => {
      const updated = await s.notes.updateNote(note.id, note.version, { status: 'draft', draft });
      if (!updated) {
        // Another worker drafted it first: show what is stored.
        const current = await s.notes.getNote(note.id);
        return ok(current ?? note);
      }
      if (asks) await s.checkIns.record({ personId: note.authorId, teamId: note.teamId, date: note.shiftDate, event: 'questions', at: deps.clock.now() });
      await s.outbox.enqueue([{
        key: noteKeys.draft(updated.id, updated.version), destination: noteDestination(updated),
        reply: deps.presenter.draft(updated, roster), replaces: noteKeys.received(updated.id),
      }]);
      return ok(updated);
    });
  }
}
