import { randomUUID } from 'node:crypto';
import type { Reply } from '../../core/messages/reply.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Delivery, MessageSender, SendOutcome, SentRef } from '../../core/ports/message-sender.js';
import { renderMessage, type RenderTexts } from './slack-blocks.js';
import type { ChannelPacer } from './slack-pacer.js';
import type { SlackClients, SlackFailure, SlackResult } from './slack-client.js';

/** What the outbox keeps of a sent message, so later updates edit it in place. */
export interface SlackRef {
  readonly channel: string;
  readonly ts: string;
}

/** Errors that will never go away by waiting: the message becomes a dead letter, with a clear reason. */
const PERMANENT_REASONS: Readonly<Record<string, string>> = {
  invalid_auth: 'slack.invalid_auth: Slack refuses the bot token (SLACK_BOT_TOKEN): reinstall the app or copy its token again',
  not_authed: 'slack.not_authed: no bot token for this workspace',
  account_inactive: 'slack.account_inactive: the bot user was deactivated or the app uninstalled',
  token_revoked: 'slack.token_revoked: the app was uninstalled from this workspace',
  missing_scope: 'slack.missing_scope: the app lacks a scope of manifest/slack/manifest.json: reinstall it from the manifest',
  channel_not_found: 'slack.channel_not_found: the channel no longer exists or Relais cannot see it',
  is_archived: 'slack.is_archived: the channel is archived',
  not_in_channel: 'slack.not_in_channel: Relais is not in this channel and cannot join it (private channel: invite @Relais)',
  method_not_supported_for_channel_type: 'slack.method_not_supported_for_channel_type: Relais cannot join this kind of channel',
};

/** Slack-side trouble that passes. */
const TRANSIENT_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'http_408']);

const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

/**
 * Sends replies to Slack: chat.postMessage (in the thread when there is
 * one), chat.update in place when the outbox gives the ref of the message
 * to replace, the DM opened with conversations.open when only the user is
 * known, a public channel joined once when Relais is not in it yet, and
 * slash-command answers in a channel through their response_url
 * (ephemeral). Rate limits come back as the port's rate-limited retry with
 * Slack's Retry-After; nothing is dropped.
 */
export function createSlackSender(deps: {
  readonly clients: SlackClients;
  /** The bot token of a workspace (one token in socket/HTTP mode; the installation's in OAuth mode). */
  readonly tokenFor: (workspaceId: string) => Promise<string | undefined>;
  readonly texts: RenderTexts;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
  /** Per-channel turns (about one message per second and channel); without it, posts go as they come. */
  readonly pacer?: ChannelPacer;
}): MessageSender {
  const { clients } = deps;
  const doFetch = deps.fetch ?? fetch;

  async function channelOf(token: string, delivery: Delivery, replaces: SentRef | undefined): Promise<SlackResult<string>> {
    const known = str(replaces?.['channel']) ?? str(delivery.conversationId) ?? str(delivery.reference?.['conversationId']);
    if (known) return { ok: true, value: known };
    // A DM known only by its user (App Home, shortcuts, people's linked accounts): open it.
    const userId = delivery.userId ?? str(delivery.reference?.['userId']);
    if (!userId) return { ok: false, failure: { kind: 'slack', error: 'channel_not_found' } };
    const opened = await clients.call<{ channel?: { id?: string } }>(token, 'conversations.open', { users: userId });
    if (!opened.ok) return opened;
    const id = opened.value.channel?.id;
    return id ? { ok: true, value: id } : { ok: false, failure: { kind: 'slack', error: 'channel_not_found' } };
  }

  async function post(token: string, channel: string, delivery: Delivery, body: Record<string, unknown>, key: string): Promise<SlackResult<{ ts?: string; channel?: string }>> {
    const wait = deps.pacer?.turn(channel, key) ?? 0;
    if (wait > 0) return { ok: false, failure: { kind: 'rate-limited', retryAfterMs: wait } };
    const args = { channel, ...body, ...(delivery.threadId ? { thread_ts: delivery.threadId } : {}) };
    const first = await clients.call<{ ts?: string; channel?: string }>(token, 'chat.postMessage', args);
    // Slack's own limit (other instances, bursts it counts differently): the whole channel waits, this message first.
    if (!first.ok && first.failure.kind === 'rate-limited') deps.pacer?.limited(channel, key, first.failure.retryAfterMs);
    // A public channel bound with `/relais équipe lier` that Relais was never invited to: join it once.
    if (!first.ok && first.failure.kind === 'slack' && first.failure.error === 'not_in_channel') {
      const joined = await clients.call(token, 'conversations.join', { channel });
      if (!joined.ok) return joined.failure.kind === 'slack' ? first : joined;
      return clients.call(token, 'chat.postMessage', args);
    }
    return first;
  }

  async function viaResponseUrl(responseUrl: string, body: Record<string, unknown>, replace: boolean): Promise<SendOutcome> {
    try {
      const res = await doFetch(responseUrl, {
        method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ response_type: 'ephemeral', ...(replace ? { replace_original: true } : {}), ...body }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return { ok: true, ref: { responseUrl } };
      // An expired response_url (30 minutes, 5 uses) will never work again.
      if (res.status === 404 || res.status === 410) return { ok: false, permanent: true, reason: `slack.response_url_expired (${res.status})` };
      return { ok: false, retryAfterMs: 5_000, reason: `slack.response_url_http_${res.status}` };
    } catch (error) {
      return { ok: false, retryAfterMs: 5_000, reason: `slack.response_url_${error instanceof Error ? error.name : 'error'}` };
    }
  }

  return {
    platform: 'slack',
    async send(delivery: Delivery, reply: Reply, replaces?: SentRef, context?: { readonly key: string }): Promise<SendOutcome> {
      const key = context?.key ?? `${delivery.workspaceId}:${randomUUID()}`;
      const message = renderMessage(reply, deps.texts);
      const responseUrl = str(replaces?.['responseUrl']) ?? (replaces ? undefined : str(delivery.reference?.['responseUrl']));
      if (responseUrl) return viaResponseUrl(responseUrl, { text: message.text, blocks: message.blocks }, Boolean(replaces));
      const token = await deps.tokenFor(delivery.workspaceId);
      if (!token) return outcome({ kind: 'slack', error: 'not_authed' }, deps.logger);
      const channel = await channelOf(token, delivery, replaces);
      if (!channel.ok) return outcome(channel.failure, deps.logger);
      const body = { text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
      const ts = str(replaces?.['ts']);
      let sent: SlackResult<{ ts?: string; channel?: string }>;
      if (ts) {
        sent = await clients.call(token, 'chat.update', { channel: channel.value, ts, text: body.text, blocks: body.blocks });
        // The message was deleted in Slack: the update comes as a new message rather than not at all.
        if (!sent.ok && sent.failure.kind === 'slack' && ['message_not_found', 'cant_update_message', 'edit_window_closed'].includes(sent.failure.error)) {
          sent = await post(token, channel.value, delivery, body, key);
        }
      } else {
        sent = await post(token, channel.value, delivery, body, key);
      }
      if (!sent.ok) return outcome(sent.failure, deps.logger);
      const ref: SlackRef = { channel: sent.value.channel ?? channel.value, ts: sent.value.ts ?? ts ?? '' };
      return { ok: true, ref: { ...ref } };
    },
  };
}

function outcome(failure: SlackFailure, logger: Logger): SendOutcome {
  if (failure.kind === 'rate-limited') return { ok: false, rateLimited: true, retryAfterMs: failure.retryAfterMs, reason: 'slack.ratelimited' };
  if (failure.kind === 'transient' || TRANSIENT_ERRORS.has(failure.error)) return { ok: false, retryAfterMs: 5_000, reason: `slack.${failure.kind === 'transient' ? failure.reason : failure.error}` };
  const reason = PERMANENT_REASONS[failure.error] ?? `slack.${failure.error}`;
  logger.warn({ error: failure.error }, 'slack.send_refused');
  return { ok: false, permanent: true, reason };
}
