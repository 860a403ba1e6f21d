import { createHash, createHmac } from 'node:crypto';
import { serve } from '../../src/app/serve.js';
import type { ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import type { Transcriber } from '../../src/core/ports/transcriber.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, type Harness } from './relais-harness.js';
import { BOT_USER_ID, startSlackStandIn, TEAM_ID, type ShownMessage, type SlackStandIn } from './slack-web-api.js';

export const BOT_TOKEN = 'xoxb-1-relais-test-token';
export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const CHANNEL_ID = 'C0ESPVERT1';

export interface SlackHarness {
  readonly h: Harness;
  readonly url: string;
  readonly slack: SlackStandIn;
  /** The Slack user id of a demo roster person (the stand-in knows their e-mail). */
  user(rosterKey: string): string;
  dmOf(userId: string): string;
  /** POSTs a raw body to /slack/events, signed (or with the given signature / timestamp). */
  post(body: string, contentType: string, options?: { signature?: string; timestamp?: number; retryNum?: number }): Promise<{ status: number; text: string }>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<{ status: number; text: string }>;
  command(userId: string, channelId: string, text: string): Promise<{ status: number; text: string }>;
  interaction(payload: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** A DM message event from a user. */
  dmMessage(userId: string, text: string, ts: string): Record<string, unknown>;
  /** A click on a button of a message Relais showed. */
  click(userId: string, message: ShownMessage, actionId: string): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

const sign = (secret: string, timestamp: number, body: string) => `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** A whole Relais with the Slack door (Bolt in HTTP mode) on a real port; Slack's Web API played by a local stand-in. */
export async function createSlackHarness(db: DatabaseHandle, options: { extractor: ShiftNoteExtractor; env?: Record<string, string>; transcriber?: Transcriber }): Promise<SlackHarness> {
  const slack = await startSlackStandIn({ botToken: BOT_TOKEN });
  const h = await createHarness(db, {
    extractor: options.extractor,
    ...(options.transcriber ? { transcriber: options.transcriber } : {}),
    // Posts are not paced per channel unless a test sets SLACK_CHANNEL_INTERVAL_MS (the clock is moved by hand).
    env: { PORT: '0', PLAYGROUND_ENABLED: 'false', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, SLACK_CHANNEL_INTERVAL_MS: '0', ...options.env },
  });
  const serving = await serve(h.relais);
  const structure = await h.relais.stores.roster.defaultStructure();
  const people = await h.relais.stores.roster.listPeople(structure.id);
  let seq = 0;
  const harness: SlackHarness = {
    h, url: serving.url, slack,
    user(key) {
      const person = people.find((p) => p.rosterKey === key);
      if (!person) throw new Error(`no ${key}`);
      const id = `U${createHash('sha256').update(key).digest('hex').slice(0, 9).toUpperCase()}`;
      slack.users.set(id, { id, realName: `${person.firstName} ${person.lastName}`, ...(person.email ? { email: person.email } : {}) });
      return id;
    },
    dmOf: (userId) => `D${userId.slice(1)}`,
    async post(body, contentType, o = {}) {
      const timestamp = o.timestamp ?? Math.floor(h.clock.now().getTime() / 1000);
      const res = await fetch(`${serving.url}/slack/events`, {
        method: 'POST', body,
        headers: {
          'content-type': contentType, 'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': o.signature ?? sign(SIGNING_SECRET, timestamp, body),
          ...(o.retryNum ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
        },
      });
      return { status: res.status, text: await res.text() };
    },
    event(event, o = {}) {
      const body = JSON.stringify({
        token: 'legacy', team_id: TEAM_ID, api_app_id: 'A0RELAIS', type: 'event_callback', event_id: o.eventId ?? `Ev${++seq}`, event_time: 1762100000,
        authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }], event,
      });
      return harness.post(body, 'application/json', o.retryNum ? { retryNum: o.retryNum } : {});
    },
    command(userId, channelId, text) {
      const body = new URLSearchParams({
        token: 'legacy', team_id: TEAM_ID, team_domain: 'relais-test', channel_id: channelId, channel_name: channelId.startsWith('D') ? 'directmessage' : 'espaces-verts',
        user_id: userId, user_name: 'eti', command: '/relais', text, api_app_id: 'A0RELAIS',
        response_url: slack.responseUrl(`cmd${++seq}`), trigger_id: `trig.${seq}`,
      }).toString();
      return harness.post(body, 'application/x-www-form-urlencoded');
    },
    interaction(payload) {
      return harness.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    },
    dmMessage(userId, text, ts) {
      return { type: 'message', channel: harness.dmOf(userId), channel_type: 'im', user: userId, text, ts, client_msg_id: `c-${ts}`, team: TEAM_ID, event_ts: ts };
    },
    click(userId, message, actionId) {
      const elements = message.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Array<Record<string, unknown>>);
      const element = elements.find((e) => e['action_id'] === actionId);
      if (!element) throw new Error(`no button ${actionId} in ${JSON.stringify(message.blocks)}`);
      return harness.interaction({
        type: 'block_actions', team: { id: TEAM_ID, domain: 'relais-test' }, user: { id: userId, team_id: TEAM_ID, name: 'eti' }, api_app_id: 'A0RELAIS',
        trigger_id: `trig.${++seq}`, container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
        channel: { id: message.channel, name: 'directmessage' }, message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
        actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: element['value'], action_ts: `1762100${++seq}.000100` }],
      });
    },
    async close() {
      await h.relais.slack?.settle();
      await h.relais.lifecycle.stop();
      await slack.close();
    },
  };
  return harness;
}

/** Every text a user reads in a Slack message (fallback text and blocks). */
export function slackText(message: { text: string; blocks: ReadonlyArray<Record<string, unknown>> }): string {
  const parts: string[] = [message.text];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (typeof o['text'] === 'string') parts.push(o['text']);
      if (typeof o['initial_value'] === 'string') parts.push(o['initial_value']);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return parts.join('\n');
}
