import { createHash } from 'node:crypto';
import type { Incoming, IncomingAttachment, IncomingPlace, IncomingUser } from '../../conversation/incoming.js';
import type { Translate } from '../../i18n/translator.js';
import { referenceOf, splitThread, tenantOf, type TeamsActivity } from './teams-activity.js';
import { expandCommand } from './teams-commands.js';

/** Prefix of the id of a choice input that carries a select's value (see teams-card). */
export const SELECT_INPUT_PREFIX = 'relais.select:';
/** Keys of card data that are Relais' own, never form fields. */
const RESERVED = new Set(['action', 'value', 'msteams']);

/** What one activity means for Relais. */
export type TeamsEvent =
  | { readonly kind: 'incoming'; readonly incoming: Incoming; readonly invoke: boolean }
  /** Relais was added to a personal chat, a group chat or a team. */
  | { readonly kind: 'installed'; readonly activity: TeamsActivity; readonly place: IncomingPlace; readonly user: IncomingUser; readonly directChannel?: Record<string, unknown> }
  | { readonly kind: 'ignored'; readonly reason: string };

export function teamsEvent(activity: TeamsActivity, t: Translate): TeamsEvent {
  switch (activity.type) {
    case 'message': {
      const action = actionOf(activity.value);
      if (action) return incoming(activity, { kind: 'action', ...action }, false);
      const expanded = expandCommand(messageText(activity), t);
      const attachments = attachmentsOf(activity);
      if (expanded.text === '' && attachments.length === 0) return { kind: 'ignored', reason: 'empty' };
      return incoming(activity, {
        kind: 'message', text: expanded.text, source: expanded.command ? 'command' : 'text',
        ...(attachments.length ? { attachments } : {}),
      }, false);
    }
    case 'invoke': {
      const value = activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
      const action = activity.name === 'adaptiveCard/action'
        ? actionOf({ ...asRecord(value?.action?.data), action: value?.action?.verb })
        : activity.name === undefined ? actionOf(activity.value) : null;
      return action ? incoming(activity, { kind: 'action', ...action }, true) : { kind: 'ignored', reason: `invoke:${activity.name ?? ''}` };
    }
    case 'installationUpdate':
      return activity.action === 'add' || activity.action === 'add-upgrade' ? installed(activity) : { kind: 'ignored', reason: `installation:${activity.action ?? ''}` };
    case 'conversationUpdate':
      return (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id) ? installed(activity) : { kind: 'ignored', reason: 'members' };
    default:
      return { kind: 'ignored', reason: activity.type };
  }
}

type Body =
  | { kind: 'message'; text: string; source: 'text' | 'command'; attachments?: IncomingAttachment[] }
  | { kind: 'action'; action: string; value?: string; form?: Record<string, string> };

function incoming(activity: TeamsActivity, body: Body, invoke: boolean): TeamsEvent {
  if (!activity.id) return { kind: 'ignored', reason: 'no-id' };
  const { place, user, directChannel } = whoAndWhere(activity);
  // Teams message ids are per conversation (timestamps): the conversation makes them unique.
  const id = `${activity.id}@${createHash('sha256').update(activity.conversation.id).digest('hex').slice(0, 12)}`;
  return { kind: 'incoming', invoke, incoming: { id, user, place, directChannel, ...body } };
}

function installed(activity: TeamsActivity): TeamsEvent {
  return { kind: 'installed', activity, ...whoAndWhere(activity) };
}

/** The user (Entra object id in the tenant), the place (thread included) and how to reach them privately. */
export function whoAndWhere(activity: TeamsActivity): { place: IncomingPlace; user: IncomingUser; directChannel: Record<string, unknown> } {
  const tenantId = tenantOf(activity);
  const personal = (activity.conversation.conversationType ?? 'personal') === 'personal';
  const reference = referenceOf(activity);
  const { channelId, threadId } = splitThread(activity.conversation.id);
  const place: IncomingPlace = personal
    ? { kind: 'dm', workspaceId: tenantId, conversationId: activity.conversation.id, reference }
    : {
      kind: 'channel', workspaceId: tenantId, conversationId: activity.channelData?.channel?.id ?? channelId,
      ...(threadId ? { threadId } : {}), reference,
    };
  const user: IncomingUser = {
    platform: 'teams', workspaceId: tenantId, userId: activity.from.aadObjectId ?? activity.from.id,
    ...(activity.from.name ? { displayName: activity.from.name } : {}),
  };
  // Outside a personal chat the 1:1 conversation is unknown: the sender opens it from the member id.
  const directChannel = {
    serviceUrl: activity.serviceUrl, tenantId, botId: activity.recipient.id, memberId: activity.from.id,
    ...(personal ? { conversationId: activity.conversation.id } : {}),
  };
  return { place, user, directChannel };
}

/** The text without Relais' own @mention; other mentions keep the person's name. */
export function messageText(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  for (const e of activity.entities ?? []) {
    if (e.type === 'mention' && e.mentioned?.id === activity.recipient.id && e.text) text = text.split(e.text).join(' ');
  }
  return text.replace(/<at>([^<]*)<\/at>/g, '$1')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\r\n/g, '\n').replace(/[ \t]+/g, ' ').trim();
}

/** Card data (Action.Execute data or Action.Submit value) → a Relais action, or null when it is not one of ours. */
function actionOf(data: unknown): { action: string; value?: string; form?: Record<string, string> } | null {
  const record = asRecord(data);
  const action = record['action'];
  if (typeof action !== 'string' || !/^[a-z][a-z0-9._-]{0,99}$/i.test(action)) return null;
  const selected = record[`${SELECT_INPUT_PREFIX}${action}`];
  const value = typeof record['value'] === 'string' ? record['value'] : typeof selected === 'string' ? selected : undefined;
  const form = Object.fromEntries(Object.entries(record)
    .filter(([k, v]) => !RESERVED.has(k) && !k.startsWith(SELECT_INPUT_PREFIX) && typeof v === 'string')) as Record<string, string>;
  return { action, ...(value !== undefined ? { value } : {}), ...(Object.keys(form).length ? { form } : {}) };
}

const asRecord = (x: unknown): Record<string, unknown> => (x !== null && typeof x === 'object' && !Array.isArray(x) ? x as Record<string, unknown> : {});

const AUDIO = new Set(['m4a', 'mp3', 'wav', 'ogg', 'oga', 'opus', 'webm', 'aac', 'amr', '3gp']);

/** Files sent in a personal chat (audio notes among them); the HTML copy of the text is not one. */
function attachmentsOf(activity: TeamsActivity): IncomingAttachment[] {
  const out: IncomingAttachment[] = [];
  for (const a of activity.attachments ?? []) {
    const content = asRecord(a.content);
    if (a.contentType === 'application/vnd.microsoft.teams.file.download.info' && typeof content['downloadUrl'] === 'string') {
      const fileType = String(content['fileType'] ?? '').toLowerCase();
      out.push({ kind: AUDIO.has(fileType) ? 'audio' : 'file', name: a.name ?? `fichier.${fileType}`, url: content['downloadUrl'] });
    } else if (a.contentType.startsWith('image/') && a.contentUrl) {
      out.push({ kind: 'image', name: a.name ?? 'image', url: a.contentUrl, mimeType: a.contentType });
    } else if (a.contentType.startsWith('audio/') && a.contentUrl) {
      out.push({ kind: 'audio', name: a.name ?? 'audio', url: a.contentUrl, mimeType: a.contentType });
    }
  }
  return out;
}
