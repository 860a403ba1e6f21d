import type { Actor } from '../core/domain/actor.js';
import { noteDestination, noteKeys } from '../core/domain/note-keys.js';
import { activeRoster } from '../core/domain/people-roster.js';
import type { Form } from '../core/messages/reply.js';
import type { ConversationDeps } from './conversation-deps.js';
import type { HandlerContext } from './feature-handler.js';
import type { IncomingAction } from './incoming.js';
import { draftForm } from './presenters/draft-form.js';
import { NOTE_ACTIONS } from './presenters/note-actions.js';
import { parseDraftForm } from './presenters/parse-draft-form.js';
import { errorReply, plainReply } from './replies.js';
import { ANSWER_ACTION, type Answer } from './presenters/question-blocks.js';
import type { DraftEdit } from '../core/use-cases/edit-shift-note/edit-shift-note.js';
import { UNITS, type Unit } from '../core/domain/taxonomy.js';

/** A one-tap answer to a clarifying question: one draft edit, then the questions are gone (one round per note). */
async function answerQuestion(value: string, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  let answer: Answer;
  try {
    answer = JSON.parse(value) as Answer;
  } catch {
    return ctx.reply(errorReply('note.wrong_status', deps.t), { private: true });
  }
  const note = await deps.notes.getNote(String(answer.n));
  if (!note?.draft || note.status !== 'draft' || note.draft.questionsDone) return ctx.reply(plainReply(deps.t('note.answer.stale')), { private: true });
  let edit: DraftEdit;
  switch (answer.k) {
    case 'att': edit = { kind: 'set-attendance', persons: [...answer.p].map(String), status: answer.s === 'absent' ? 'absent' : 'present' }; break;
    case 'name': edit = { kind: 'resolve-name', name: String(answer.name), personId: String(answer.p) }; break;
    case 'unit':
      if (!(UNITS as readonly string[]).includes(answer.u)) return ctx.reply(errorReply('edit.invalid', deps.t), { private: true });
      edit = { kind: 'set-unit', position: Number(answer.i), unit: answer.u as Unit };
      break;
    case 'act': edit = { kind: 'set-activity', position: Number(answer.i), activity: String(answer.a) }; break;
    case 'late': edit = { kind: 'set-late-minutes', person: String(answer.p), minutes: Number(answer.m) }; break;
    default: edit = { kind: 'skip-questions' };
  }
  const result = await deps.useCases.editShiftNote({ actor: ctx.actor, noteId: note.id, edit });
  if (!result.ok) await ctx.reply(errorReply(result.code, deps.t, result.details), { private: true });
}

/** Buttons and forms: the value carries the note id (and its version for forms). */
export async function handleAction(incoming: IncomingAction, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const { actor } = ctx;
  const { t } = deps;
  const feature = deps.features?.find((f) => f.actionPrefixes?.some((p) => incoming.action.startsWith(p)));
  if (feature?.handleAction) {
    return feature.handleAction({ action: incoming.action, ...(incoming.value !== undefined ? { value: incoming.value } : {}), ...(incoming.form ? { form: incoming.form } : {}) }, ctx);
  }
  const noteId = (incoming.value ?? '').split(':')[0] ?? '';
  switch (incoming.action) {
    case NOTE_ACTIONS.confirm: case NOTE_ACTIONS.discard: {
      const run = incoming.action === NOTE_ACTIONS.confirm ? deps.useCases.confirmShiftNote : deps.useCases.discardShiftNote;
      const result = await run({ actor, noteId });
      if (!result.ok) await ctx.reply(errorReply(result.code, t, result.details), { private: true });
      return;
    }
    case NOTE_ACTIONS.edit: {
      const form = await formForAction(incoming, actor, deps);
      if (form) await ctx.reply({ text: form.title, blocks: [], form }, { private: true });
      else await ctx.reply(errorReply('note.wrong_status', t), { private: true });
      return;
    }
    case NOTE_ACTIONS.submitForm: {
      const note = await deps.notes.getNote(noteId);
      if (!note?.draft) return ctx.reply(errorReply('note.wrong_status', t), { private: true });
      const roster = activeRoster(await deps.identities.peopleOfStructure(actor.structureId));
      const parsed = parseDraftForm(incoming.form ?? {}, roster, actor.teamId, note.draft.extraction, t);
      if (parsed.invalid.length > 0) return ctx.reply(plainReply(t('note.form.invalid', { lines: parsed.invalid.join(' / ') })), { private: true });
      const result = await deps.useCases.editShiftNote({ actor, noteId, edit: { kind: 'replace-all', extraction: parsed.extraction } });
      if (!result.ok) await ctx.reply(errorReply(result.code, t, result.details), { private: true });
      return;
    }
    case NOTE_ACTIONS.show: {
      // Puts the draft back where a door showed the edit form in its place (Teams "Annuler").
      const note = await deps.notes.getNote(noteId);
      if (!note?.draft || note.status !== 'draft' || note.authorId !== actor.personId) return ctx.reply(errorReply('note.wrong_status', t), { private: true });
      const roster = activeRoster(await deps.identities.peopleOfStructure(actor.structureId));
      await deps.outbox.enqueue([{
        key: `note:${note.id}:shown:${ctx.incoming.id}`, destination: noteDestination(note),
        reply: deps.presenter.draft(note, roster), replaces: noteKeys.received(note.id),
      }]);
      return;
    }
    case ANSWER_ACTION: return answerQuestion(incoming.value ?? '', ctx, deps);
    case 'alert.ack': {
      const me = await deps.identities.findPersonById(actor.personId);
      await deps.notes.acknowledgeAlerts(noteId, actor.personId);
      return ctx.reply(plainReply(t('alert.acknowledged', { name: me ? `${me.firstName} ${me.lastName}` : '' })), { private: true });
    }
    default:
      return ctx.reply(errorReply('generic', t), { private: true });
  }
}

/** The edit form of the author's draft, or null when there is nothing to edit. */
export async function formForAction(incoming: IncomingAction, actor: Actor, deps: ConversationDeps): Promise<Form | null> {
  const feature = deps.features?.find((f) => f.actionPrefixes?.some((p) => incoming.action.startsWith(p)));
  if (feature?.formFor) return feature.formFor({ action: incoming.action, ...(incoming.value !== undefined ? { value: incoming.value } : {}) }, actor);
  if (incoming.action !== NOTE_ACTIONS.edit) return null;
  const note = await deps.notes.getNote((incoming.value ?? '').split(':')[0] ?? '');
  if (!note?.draft || note.status !== 'draft' || note.authorId !== actor.personId) return null;
  const roster = activeRoster(await deps.identities.peopleOfStructure(actor.structureId));
  return draftForm(note, roster, deps.t, deps.locale);
}
