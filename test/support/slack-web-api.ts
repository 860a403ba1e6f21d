import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachSocketMode, type SocketModeStandIn } from './socket-mode-stand-in.js';

/** One Web API call as the stand-in received it. */
export interface SlackCall {
  readonly method: string;
  readonly args: Record<string, unknown>;
  readonly token: string | undefined;
}

/** A message as Slack would show it in a channel: the last version of each ts. */
export interface ShownMessage {
  readonly ts: string;
  readonly channel: string;
  readonly thread_ts?: string;
  text: string;
  blocks: Array<Record<string, unknown>>;
  updates: number;
}

export type Failure = { error: 'ratelimited'; retryAfter: number } | { error: string; status?: number };

export interface SlackUser { readonly id: string; readonly email?: string; readonly realName: string; readonly isBot?: boolean }

export interface SlackStandIn {
  /** Base URL of the Web API (SLACK_API_URL). */
  readonly apiUrl: string;
  readonly url: string;
  readonly calls: SlackCall[];
  readonly users: Map<string, SlackUser>;
  readonly files: Map<string, { info: Record<string, unknown>; content: Buffer }>;
  /** The next call(s) of a method fail this way. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Messages of a channel in order (updates in place applied). */
  shown(channel: string): ShownMessage[];
  /** Answers posted to a slash command's response_url. */
  readonly responses: Array<{ id: string; body: Record<string, unknown> }>;
  responseUrl(id: string): string;
  callsOf(method: string): SlackCall[];
  /** Slack's Socket Mode end (apps.connections.open gives its URL to app tokens). */
  readonly socketMode: SocketModeStandIn;
  /** Bot tokens the stand-in accepts (the configured one, and those it issued through OAuth). */
  readonly tokens: Set<string>;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'URELAIS01';
export const BOT_ID = 'BRELAIS01';
export const TEAM_ID = 'T0RELAIS1';

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends objects and arrays as JSON strings in form bodies.
    out[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v) as unknown; } catch { return v; } })() : v;
  }
  return out;
}

/**
 * A local stand-in of Slack's Web API over real HTTP: records every call,
 * keeps the messages of each channel (chat.postMessage / chat.update),
 * answers views.*, users.info (with e-mail), conversations.*, assistant.threads.*, files.info and
 * file downloads (bot token required), response_url posts, and fails on
 * demand with `ratelimited` (429 + Retry-After) or any Slack error.
 */
export async function startSlackStandIn(options: { botToken: string }): Promise<SlackStandIn> {
  const calls: SlackCall[] = [];
  const users = new Map<string, SlackUser>();
  const files = new Map<string, { info: Record<string, unknown>; content: Buffer }>();
  const failures = new Map<string, Failure[]>();
  const messages: ShownMessage[] = [];
  const responses: Array<{ id: string; body: Record<string, unknown> }> = [];
  let seq = 0;
  const nextTs = () => `1762100000.${String(++seq).padStart(6, '0')}`;
  let base = '';
  const tokens = new Set([options.botToken]);
  const usedRefreshTokens = new Set<string>();
  let issued = 0;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      if (req.headers.authorization !== `Bearer ${options.botToken}`) return send(403, { ok: false });
      const file = files.get(url.pathname.slice('/files/'.length));
      if (!file) return send(404, { ok: false });
      res.writeHead(200, { 'content-type': String(file.info['mimetype'] ?? 'application/octet-stream') });
      res.end(file.content);
      return;
    }
    if (url.pathname.startsWith('/response/')) {
      responses.push({ id: url.pathname.slice('/response/'.length), body: await bodyOf(req) });
      return send(200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_method' });
    const method = url.pathname.slice('/api/'.length);
    const args = { ...Object.fromEntries(url.searchParams), ...(await bodyOf(req)) };
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof args['token'] === 'string' ? args['token'] : undefined;
    calls.push({ method, args, token });
    const queued = failures.get(method);
    const failure = queued?.shift();
    if (failure) {
      if (failure.error === 'ratelimited') return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String((failure as { retryAfter: number }).retryAfter) });
      return send((failure as { status?: number }).status ?? 200, { ok: false, error: failure.error });
    }
    if (method === 'apps.connections.open') {
      return token?.startsWith('xapp-') ? send(200, { ok: true, url: `ws://127.0.0.1:${new URL(base).port}${socketMode.path}` }) : send(200, { ok: false, error: 'invalid_auth' });
    }
    if (method === 'oauth.v2.access') {
      if (args['client_secret'] !== 'test-client-secret') return send(200, { ok: false, error: 'invalid_client' });
      if (args['grant_type'] !== 'refresh_token' && args['code'] !== 'good-code') return send(200, { ok: false, error: 'invalid_code' });
      // A rotated refresh token works once, as on Slack.
      const refresh = String(args['refresh_token'] ?? '');
      if (args['grant_type'] === 'refresh_token' && (!refresh.startsWith('xoxe-1-') || usedRefreshTokens.has(refresh))) return send(200, { ok: false, error: 'invalid_refresh_token' });
      if (args['grant_type'] === 'refresh_token') usedRefreshTokens.add(refresh);
      const access = `xoxe.xoxb-2-issued-${++issued}`;
      tokens.add(access);
      return send(200, {
        ok: true, access_token: access, token_type: 'bot', scope: 'chat:write,commands', bot_user_id: BOT_USER_ID, app_id: 'A0RELAIS',
        team: { id: 'T0SECOND', name: 'Régie <du> Quartier' }, enterprise: null, authed_user: { id: 'U0ADMIN' },
        refresh_token: `xoxe-1-refresh-${issued}`, expires_in: 43_200,
      });
    }
    if (!token || !tokens.has(token)) return send(200, { ok: false, error: 'invalid_auth' });
    const channel = String(args['channel'] ?? '');
    switch (method) {
      case 'auth.test': return send(200, { ok: true, url: 'https://relais-test.slack.com/', team: 'Relais test', user: 'relais', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false });
      case 'chat.postMessage': {
        if (!channel) return send(200, { ok: false, error: 'channel_not_found' });
        const m: ShownMessage = {
          ts: nextTs(), channel, text: String(args['text'] ?? ''), blocks: (args['blocks'] as ShownMessage['blocks'] | undefined) ?? [], updates: 0,
          ...(args['thread_ts'] ? { thread_ts: String(args['thread_ts']) } : {}),
        };
        messages.push(m);
        return send(200, { ok: true, channel, ts: m.ts, message: { type: 'message', text: m.text, bot_id: BOT_ID, ts: m.ts } });
      }
      case 'chat.update': {
        const m = messages.find((x) => x.channel === channel && x.ts === args['ts']);
        if (!m) return send(200, { ok: false, error: 'message_not_found' });
        m.text = String(args['text'] ?? '');
        m.blocks = (args['blocks'] as ShownMessage['blocks'] | undefined) ?? [];
        m.updates += 1;
        return send(200, { ok: true, channel, ts: m.ts, text: m.text });
      }
      case 'views.open': case 'views.update': case 'views.publish': {
        const view = (args['view'] ?? {}) as Record<string, unknown>;
        const id = method === 'views.update' ? String(args['view_id'] ?? '') : `V${String(++seq).padStart(6, '0')}`;
        return send(200, { ok: true, view: { ...view, id, hash: `h${seq}` } });
      }
      case 'assistant.threads.setSuggestedPrompts': case 'assistant.threads.setStatus': case 'assistant.threads.setTitle':
        if (!args['channel_id'] || !args['thread_ts']) return send(200, { ok: false, error: 'invalid_arguments' });
        return send(200, { ok: true });
      case 'users.info': {
        const u = users.get(String(args['user'] ?? ''));
        if (!u) return send(200, { ok: false, error: 'user_not_found' });
        return send(200, { ok: true, user: { id: u.id, team_id: TEAM_ID, name: u.realName, real_name: u.realName, is_bot: u.isBot ?? false, tz: 'Europe/Paris', profile: { real_name: u.realName, display_name: u.realName, ...(u.email ? { email: u.email } : {}) } } });
      }
      case 'conversations.open': return send(200, { ok: true, channel: { id: `D${String(args['users'] ?? '').slice(1)}` } });
      case 'conversations.join': return send(200, { ok: true, channel: { id: channel } });
      case 'conversations.info': return send(200, { ok: true, channel: { id: channel, name: 'espaces-verts', is_channel: true, is_private: false } });
      case 'files.info': {
        const f = files.get(String(args['file'] ?? ''));
        return f ? send(200, { ok: true, file: { ...f.info, url_private_download: `${base}/files/${String(args['file'])}` } }) : send(200, { ok: false, error: 'file_not_found' });
      }
      default: return send(200, { ok: false, error: 'unknown_method' });
    }
  });
  const socketMode = attachSocketMode(server);
  const address = await new Promise<AddressInfo>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address() as AddressInfo)));
  base = `http://127.0.0.1:${address.port}`;
  return {
    apiUrl: `${base}/api/`, url: base, calls, users, files, responses, tokens, socketMode,
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    shown: (channel) => messages.filter((m) => m.channel === channel),
    responseUrl: (id) => `${base}/response/${id}`,
    callsOf: (method) => calls.filter((c) => c.method === method),
    close: () => new Promise((resolve) => { socketMode.close(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
