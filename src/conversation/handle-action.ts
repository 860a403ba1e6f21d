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
