import { matchPersonName } from '../core/domain/person-names.js';
import { activeRoster } from '../core/domain/people-roster.js';
import type { RosterEntry } from '../core/domain/roster.js';
import type { ConversationDeps } from './conversation-deps.js';
import type { HandlerContext } from './feature-handler.js';
import type { IncomingMessage } from './incoming.js';
import type { Intent } from './intent/intent.js';
import { parseIntent } from './intent/parse-intent.js';
import { listNotesReply } from './presenters/notes-list.js';
import { errorReply, helpReply, plainReply } from './replies.js';

/** Routes a message to one use case (or a feature) and answers. */
export async function handleMessage(incoming: IncomingMessage, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const { actor } = ctx;
  const { t } = deps;
  const draft = await deps.notes.latestDraft(actor.personId);
  const canWriteNotes = actor.role === 'encadrant' || actor.role === 'direction';
  const intent = parseIntent(incoming.text, { hasDraft: draft !== null, canWriteNotes });

  const feature = deps.features?.find((f) => f.intents?.includes(intent.kind));
  if (feature?.handleIntent) return feature.handleIntent(intent, ctx);

  switch (intent.kind) {
    case 'help': return ctx.reply(helpReply(t));
    case 'unknown': return ctx.reply(helpReply(t, actor.role === 'cip' && intent.text.split(/\s+/).length >= 4 ? t('note.only_encadrant') : t('unknown.text')));
    case 'smalltalk': {
      const me = await deps.identities.findPersonById(actor.personId);
      return ctx.reply(plainReply(t(`smalltalk.${intent.topic}`, { name: me?.firstName ?? '' })));
    }
    case 'note': {
      const captured = await deps.useCases.captureShiftNote({
        actor, text: intent.text, source: incoming.source ?? 'text', platformEventId: incoming.id,
        conversation: { platform: incoming.user.platform, kind: incoming.place.kind, workspaceId: incoming.place.workspaceId,
          conversationId: incoming.place.conversationId, ...(incoming.place.threadId ? { threadId: incoming.place.threadId } : {}),
          ...(incoming.place.reference ? { reference: incoming.place.reference } : {}) },
        ...(incoming.transcript ? { transcript: incoming.transcript } : {}),
      });
      // Extraction failures are thrown so the inbox retries; the note itself is already stored.
      if (!captured.ok && captured.code === 'note.extraction_failed') throw new Error('note.extraction_failed');
      if (!captured.ok) return ctx.reply(errorReply(captured.code, t, captured.details), { private: true });
      return;
    }
    case 'confirm-draft': case 'discard-draft': {
      if (!draft) return ctx.reply(plainReply(t('draft.none')));
      const run = intent.kind === 'confirm-draft' ? deps.useCases.confirmShiftNote : deps.useCases.discardShiftNote;
      const result = await run({ actor, noteId: draft.id });
      return result.ok ? undefined : ctx.reply(errorReply(result.code, t, result.details), { private: true });
    }
    case 'swap-person': case 'remove-line': case 'append-to-draft':
      return correctDraft(intent, draft!.id, ctx, deps);
    case 'list-notes': {
      const listed = await deps.useCases.listShiftNotes({ actor, period: intent.period });
      return ctx.reply(listNotesReply(listed, t, deps.locale), { private: true });
    }
    case 'cancel-note': return cancelNote(intent.which, ctx, deps);
    case 'link': return linkAccount(intent, incoming, ctx, deps);
    case 'bind-channel': return bindChannel(intent, incoming, ctx, deps);
    case 'session-request': case 'session-outcome': case 'summary-request': case 'objective': case 'command':
      return ctx.reply(helpReply(t, t('feature.not_ready')));
  }
}

async function correctDraft(intent: Extract<Intent, { kind: 'swap-person' | 'remove-line' | 'append-to-draft' }>, noteId: string, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const { t } = deps;
  const note = await deps.notes.getNote(noteId);
  if (!note?.draft) return ctx.reply(plainReply(t('draft.none')));
  let edit;
  if (intent.kind === 'swap-person') {
    const roster = activeRoster(await deps.identities.peopleOfStructure(ctx.actor.structureId));
    const from = resolveOne(intent.from, roster, ctx.actor.teamId, t);
    const to = resolveOne(intent.to, roster, ctx.actor.teamId, t);
    if (typeof from === 'string') return ctx.reply(plainReply(from));
    if (typeof to === 'string') return ctx.reply(plainReply(to));
    edit = { kind: 'replace-person' as const, fromId: from.id, toId: to.id };
  } else if (intent.kind === 'remove-line') {
    const lines = note.draft.extraction[intent.section] as readonly unknown[];
    edit = { kind: 'remove-line' as const, section: intent.section, position: intent.position === 'last' ? lines.length : intent.position };
  } else {
    edit = { kind: 'append-text' as const, text: intent.text };
  }
  const result = await deps.useCases.editShiftNote({ actor: ctx.actor, noteId, edit });
  if (!result.ok) return ctx.reply(errorReply(result.code, t, result.details), { private: true });
}

/** A name to exactly one person, or the French sentence saying why not. */
export function resolveOne(name: string, roster: readonly RosterEntry[], team: string | null, t: ConversationDeps['t']): RosterEntry | string {
  const found = matchPersonName(name, roster, team);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) return t('person.not_found', { name });
  return t('person.ambiguous', { name, names: found.map((p) => `${p.firstName} ${p.lastName}`).join(', ') });
}

async function cancelNote(which: 'today' | 'yesterday' | 'last', ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const listed = await deps.useCases.listShiftNotes({ actor: ctx.actor, period: which === 'yesterday' ? 'yesterday' : which === 'today' ? 'today' : 'week' });
  const target = listed.notes.find((n) => n.status === 'confirmed');
  if (!target) return ctx.reply(plainReply(deps.t('notes.cancel.none')), { private: true });
  const result = await deps.useCases.cancelShiftNote({ actor: ctx.actor, noteId: target.id });
  if (!result.ok) return ctx.reply(errorReply(result.code, deps.t, result.details), { private: true });
}

async function linkAccount(intent: Extract<Intent, { kind: 'link' }>, incoming: IncomingMessage, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const roster = activeRoster(await deps.identities.peopleOfStructure(ctx.actor.structureId));
  const person = resolveOne(intent.personName, roster, null, deps.t);
  if (typeof person === 'string') return ctx.reply(plainReply(person));
  const result = await deps.useCases.linkIdentity({
    actor: ctx.actor, personId: person.id,
    user: { platform: incoming.user.platform, workspaceId: incoming.user.workspaceId, userId: intent.userId },
  });
  if (!result.ok) return ctx.reply(errorReply(result.code, deps.t));
  return ctx.reply(plainReply(deps.t('identity.linked', { user: intent.userId, name: `${person.firstName} ${person.lastName}` })));
}

async function bindChannel(intent: Extract<Intent, { kind: 'bind-channel' }>, incoming: IncomingMessage, ctx: HandlerContext, deps: ConversationDeps): Promise<void> {
  const mentioned = intent.channel ? /^<#([A-Za-z0-9:@._-]+)(?:\|[^>]*)?>$/.exec(intent.channel)?.[1] : undefined;
  const channelId = mentioned ?? (incoming.place.kind === 'channel' ? incoming.place.conversationId : undefined);
  if (!channelId) return ctx.reply(plainReply(deps.t('bind.where')));
  const result = await deps.useCases.bindTeamChannel({
    actor: ctx.actor, platform: incoming.user.platform, workspaceId: incoming.place.workspaceId, channelId,
    ...(intent.teamKey ? { teamKey: intent.teamKey } : {}),
    ...(incoming.place.reference && !mentioned ? { reference: incoming.place.reference } : {}),
  });
  if (!result.ok) return ctx.reply(errorReply(result.code, deps.t, result.details));
  return ctx.reply(plainReply(deps.t('bind.done', { team: result.value.name })));
}
