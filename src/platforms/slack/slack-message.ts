import { z } from 'zod';
import type { Incoming, IncomingAttachment, IncomingPlace, IncomingUser } from '../../conversation/incoming.js';
import { actionOfId, modalValues, readModalMetadata } from './slack-blocks.js';

/**
 * Slack payloads → `Incoming`. Schemas are loose (Slack adds fields all the
 * time): only what Relais reads is checked. Message ids are `<channel>:<ts>`,
 * the same for an Events API retry, for the `message` and `app_mention`
 * events of one message, and present on every message (voice clips have no
 * client_msg_id), so a message never becomes two notes.
 */
const fileSchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  title: z.string().nullish(),
  mimetype: z.string().nullish(),
  filetype: z.string().nullish(),
  subtype: z.string().nullish(),
  url_private_download: z.string().nullish(),
  url_private: z.string().nullish(),
  transcription: z.object({ status: z.string().nullish(), preview: z.object({ content: z.string().nullish() }).passthrough().nullish() }).passthrough().nullish(),
}).passthrough();

const messageSchema = z.object({
  type: z.string(),
  subtype: z.string().nullish(),
  channel: z.string().nullish(),
  channel_type: z.string().nullish(),
  user: z.string().nullish(),
  bot_id: z.string().nullish(),
  text: z.string().nullish(),
  ts: z.string().nullish(),
  thread_ts: z.string().nullish(),
  parent_user_id: z.string().nullish(),
  client_msg_id: z.string().nullish(),
  team: z.string().nullish(),
  files: z.array(fileSchema).nullish(),
  message: z.lazy((): z.ZodTypeAny => messageSchema).nullish(),
  previous_message: z.lazy((): z.ZodTypeAny => messageSchema).nullish(),
}).passthrough();
export type SlackMessageEvent = z.infer<typeof messageSchema>;

export const envelopeSchema = z.object({
  type: z.string(),
  team_id: z.string().nullish(),
  event_id: z.string().nullish(),
  event: messageSchema.nullish(),
  challenge: z.string().nullish(),
}).passthrough();

export const commandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  team_id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  user_name: z.string().nullish(),
  trigger_id: z.string().nullish(),
  response_url: z.string().nullish(),
}).passthrough();

const idName = z.object({ id: z.string() }).passthrough();
export const interactionSchema = z.object({
  type: z.string(),
  team: idName.nullish(),
  user: idName.extend({ team_id: z.string().nullish(), name: z.string().nullish(), username: z.string().nullish() }),
  trigger_id: z.string().nullish(),
  channel: idName.nullish(),
  container: z.object({ type: z.string().nullish(), channel_id: z.string().nullish(), message_ts: z.string().nullish(), thread_ts: z.string().nullish() }).passthrough().nullish(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().nullish(), action_ts: z.string().nullish(), selected_option: z.object({ value: z.string() }).passthrough().nullish() }).passthrough()).nullish(),
  view: z.object({
    id: z.string(), hash: z.string().nullish(), callback_id: z.string().nullish(), private_metadata: z.string().nullish(), team_id: z.string().nullish(),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), z.object({ value: z.string().nullish(), selected_option: z.object({ value: z.string() }).passthrough().nullish() }).passthrough())).nullish() }).passthrough().nullish(),
  }).passthrough().nullish(),
  callback_id: z.string().nullish(),
  message: messageSchema.nullish(),
  message_ts: z.string().nullish(),
  response_url: z.string().nullish(),
}).passthrough();
export type SlackInteraction = z.infer<typeof interactionSchema>;

export type SlackEvent =
  | { readonly kind: 'incoming'; readonly incoming: Incoming }
  | { readonly kind: 'ignored'; readonly reason: string };

const ignored = (reason: string): SlackEvent => ({ kind: 'ignored', reason });
const isDm = (channel: string, channelType?: string | null) => channelType === 'im' || /^D/.test(channel);

/** Slack's text markup → what the person wrote: our mention removed, links readable, entities decoded. */
export function plainText(text: string, botUserId: string | undefined): string {
  return text
    // Other people's mentions stay Slack ids (`/relais lier <@U…> Prénom Nom` reads them).
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => (id === botUserId ? ' ' : `<@${id}>`))
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, label?: string) => label ?? '@groupe')
    .replace(/<(#[A-Z0-9]+(?:\|[^>]*)?)>/g, '<$1>') // channel references stay: `/relais équipe lier #canal`
    .replace(/<(https?:\/\/[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label ?? url)
    .replace(/<mailto:[^|>]+\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

const AUDIO_TYPES = new Set(['m4a', 'mp3', 'mp4', 'wav', 'ogg', 'webm', 'aac', 'amr', 'flac']);

export function attachmentsOf(files: ReadonlyArray<z.infer<typeof fileSchema>> | null | undefined): IncomingAttachment[] {
  return (files ?? []).map((f) => {
    const mime = f.mimetype ?? undefined;
    const audio = f.subtype === 'slack_audio' || (mime?.startsWith('audio/') ?? false) || (f.subtype !== 'slack_video' && AUDIO_TYPES.has(f.filetype ?? '') && !(mime?.startsWith('video/') ?? false));
    const transcript = f.transcription?.status === 'complete' ? f.transcription.preview?.content ?? undefined : undefined;
    const url = f.url_private_download ?? f.url_private ?? undefined;
    return {
      kind: audio ? 'audio' as const : mime?.startsWith('image/') ? 'image' as const : 'file' as const,
      name: f.name ?? f.title ?? f.id, ...(mime ? { mimeType: mime } : {}), ...(url ? { url } : {}),
      ...(transcript ? { transcript } : {}),
    };
  });
}

/**
 * A `message` or `app_mention` event. Relais reads: direct messages, its
 * mentions (answered in the thread), and replies in threads it started.
 * Bots (itself included), edits and deletions of other messages, joins and
 * other subtypes are ignored.
 */
export function messageIncoming(teamId: string, event: SlackMessageEvent, botUserId: string | undefined): SlackEvent {
  if (event.bot_id || event.subtype === 'bot_message') return ignored('bot');
  if (event.user && event.user === botUserId) return ignored('self');
  if (event.subtype && event.subtype !== 'file_share' && event.subtype !== 'thread_broadcast') return ignored(`subtype:${event.subtype}`);
  const channel = event.channel ?? '';
  const { user, ts } = event;
  if (!user || !ts || !channel) return ignored('incomplete');
  const dm = isDm(channel, event.channel_type);
  const mention = event.type === 'app_mention';
  if (!dm && !mention && !(event.thread_ts && event.parent_user_id && event.parent_user_id === botUserId)) return ignored('channel');
  const attachments = attachmentsOf(event.files);
  const text = plainText(event.text ?? '', botUserId);
  if (text === '' && attachments.length === 0) return ignored('empty');
  const place: IncomingPlace = dm
    ? { kind: 'dm', workspaceId: teamId, conversationId: channel, ...(event.thread_ts ? { threadId: event.thread_ts } : {}) }
    : { kind: 'channel', workspaceId: teamId, conversationId: channel, threadId: event.thread_ts ?? ts };
  const voice = attachments.find((a) => a.kind === 'audio');
  // A voice clip: Slack's own transcript, when it made one, is the note (and is shown in the draft).
  const transcript = voice?.transcript;
  return {
    kind: 'incoming',
    incoming: {
      kind: 'message', id: `${channel}:${ts}`, text: text || transcript || '', source: voice ? 'voice' : /^\/relais\b/i.test(text) ? 'command' : 'text',
      ...(transcript ? { transcript } : {}),
      user: { platform: 'slack', workspaceId: teamId, userId: user }, place,
      ...(dm ? { directChannel: { conversationId: channel } } : {}),
      ...(attachments.length ? { attachments } : {}),
    },
  };
}

/** `/relais …`: the command every door understands; in a channel the answer is posted there (public), private results go to the DM. */
export function commandIncoming(body: z.infer<typeof commandSchema>): SlackEvent {
  const dm = isDm(body.channel_id);
  const text = `/relais ${plainText(body.text, undefined)}`.trim();
  const place: IncomingPlace = { kind: dm ? 'dm' : 'channel', workspaceId: body.team_id, conversationId: body.channel_id };
  return {
    kind: 'incoming',
    incoming: {
      kind: 'message', id: `command:${body.trigger_id ?? `${body.channel_id}:${body.user_id}:${text}`}`, text, source: 'command',
      user: userOf(body.team_id, body.user_id, body.user_name), place,
      ...(dm ? { directChannel: { conversationId: body.channel_id } } : {}),
    },
  };
}

function userOf(teamId: string, userId: string, name?: string | null): IncomingUser {
  return { platform: 'slack', workspaceId: teamId, userId, ...(name ? { displayName: name } : {}) };
}

const teamOf = (p: SlackInteraction): string => p.team?.id ?? p.user.team_id ?? p.view?.team_id ?? '';

/** Where an interaction happened; App Home and modals opened from it answer in the DM (found from the user). */
function placeOf(teamId: string, userId: string, channel: string | undefined, thread: string | undefined): { place: IncomingPlace; directChannel?: Record<string, unknown> } {
  if (!channel) return { place: { kind: 'dm', workspaceId: teamId, conversationId: '', reference: { userId } } };
  const dm = isDm(channel);
  return {
    place: { kind: dm ? 'dm' : 'channel', workspaceId: teamId, conversationId: channel, ...(thread ? { threadId: thread } : {}) },
    ...(dm ? { directChannel: { conversationId: channel } } : {}),
  };
}

/** A button or select of one of our messages (or of App Home). */
export function blockActionIncoming(p: SlackInteraction): SlackEvent {
  const action = p.actions?.[0];
  if (!action) return ignored('no-action');
  // URL buttons (documents) open in the browser; Slack still tells us of the click.
  if (action.action_id.startsWith('relais.link')) return ignored('link');
  const team = teamOf(p);
  const channel = p.container?.channel_id ?? p.channel?.id ?? undefined;
  const value = action.value ?? action.selected_option?.value ?? undefined;
  const where = placeOf(team, p.user.id, channel || undefined, p.container?.thread_ts ?? undefined);
  return {
    kind: 'incoming',
    incoming: {
      kind: 'action', id: `action:${action.action_ts ?? p.trigger_id ?? ''}:${p.user.id}`, action: actionOfId(action.action_id),
      ...(value !== undefined ? { value } : {}), user: userOf(team, p.user.id, p.user.name ?? p.user.username), ...where,
    },
  };
}

/** A submitted modal: the form's action, value and fields; answered where the form was opened. */
export function viewSubmissionIncoming(p: SlackInteraction): SlackEvent {
  const view = p.view;
  const meta = readModalMetadata(view?.private_metadata ?? undefined);
  if (!view || !meta) return ignored('not-ours');
  const team = teamOf(p);
  const form = modalValues((view.state?.values ?? {}) as Parameters<typeof modalValues>[0]);
  return {
    kind: 'incoming',
    incoming: {
      kind: 'action', id: `view:${view.id}:${view.hash ?? p.trigger_id ?? ''}`, action: meta.a, ...(meta.v !== undefined ? { value: meta.v } : {}), form,
      user: userOf(team, p.user.id, p.user.name ?? p.user.username), ...placeOf(team, p.user.id, meta.c, meta.th),
    },
  };
}

export const OBSERVATION_SHORTCUT = 'relais_observation';

/**
 * The message shortcut « Enregistrer comme observation »: the message's text
 * becomes a note of the person who clicked, drafted in their DM (never in
 * the channel). The same message saved twice by the same person is one note.
 */
export function shortcutIncoming(p: SlackInteraction): SlackEvent {
  const message = p.message;
  const team = teamOf(p);
  const channel = p.channel?.id ?? '';
  const ts = message?.ts ?? p.message_ts ?? '';
  const text = plainText(message?.text ?? '', undefined);
  if (!text) return ignored('empty');
  return {
    kind: 'incoming',
    incoming: {
      kind: 'message', id: `shortcut:${channel}:${ts}:${p.user.id}`, text, source: 'text',
      user: userOf(team, p.user.id, p.user.name ?? p.user.username),
      place: { kind: 'dm', workspaceId: team, conversationId: '', reference: { userId: p.user.id } },
    },
  };
}
