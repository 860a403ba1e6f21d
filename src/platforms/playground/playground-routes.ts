import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Person, Team } from '../../core/domain/organisation.js';
import type { ChatTranscript } from '../../core/ports/chat-transcript.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Conversation } from '../../conversation/conversation.js';
import type { Incoming } from '../../conversation/incoming.js';
import type { Translate } from '../../i18n/translator.js';
import { projectPath } from '../../project-paths.js';
import { playgroundAccess, TOKEN_COOKIE } from './playground-guard.js';
import { formHtml, replyHtml } from './playground-html.js';
import { readJson, send, sendJson } from './playground-http.js';

export interface PlaygroundRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly prefix?: boolean;
  /** The platform waits for this answer: background work gives way meanwhile. */
  readonly acknowledges?: boolean;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface PlaygroundDeps {
  readonly t: Translate;
  readonly token: string | undefined;
  readonly conversation: Conversation;
  /** Durable intake: the same path as Slack and Teams (inbox, worker, outbox). */
  readonly intake: (incoming: Incoming) => Promise<{ created: boolean }>;
  readonly transcript: ChatTranscript;
  readonly directory: {
    people(): Promise<Person[]>;
    teams(): Promise<Team[]>;
    /** The playground speaks as the person picked: link it like a platform account. */
    link(personId: string): Promise<void>;
  };
  readonly logger: Logger;
}

/** A client's message id: a retry after a lost response carries the same one, and Relais keeps one message. */
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional();
const sendSchema = z.object({ as: z.string().min(1).max(100), conversationId: z.string().min(1).max(200), text: z.string().min(1).max(20_000), id: clientId });
const actionSchema = z.object({
  id: clientId,
  as: z.string().min(1).max(100), conversationId: z.string().min(1).max(200), action: z.string().min(1).max(100),
  value: z.string().max(500).optional(), form: z.record(z.string().max(50), z.string().max(20_000)).optional(),
});

/** The playground door: a page, its assets and a small JSON API, all behind the access guard. */
export function playgroundRoutes(deps: PlaygroundDeps): PlaygroundRoute[] {
  const asset = (file: string, type: string): PlaygroundRoute => ({
    method: 'GET', path: `/playground/assets/${file}`,
    handler: guarded(deps, async (_req, res) => send(res, 200, type, readFileSync(projectPath('assets', 'playground', file), 'utf8'))),
  });
  return [
    { method: 'GET', path: '/playground', handler: guarded(deps, async (_req, res) => send(res, 200, 'text/html; charset=utf-8', readFileSync(projectPath('assets', 'playground', 'index.html'), 'utf8'))) },
    asset('app.js', 'text/javascript; charset=utf-8'),
    asset('app.css', 'text/css; charset=utf-8'),
    { method: 'GET', path: '/playground/api/people', handler: guarded(deps, async (_req, res) => sendJson(res, 200, await peopleList(deps))) },
    { method: 'GET', path: '/playground/api/messages', handler: guarded(deps, (req, res) => messages(deps, req, res)) },
    { method: 'POST', path: '/playground/api/send', acknowledges: true, handler: guarded(deps, (req, res) => sendMessage(deps, req, res)) },
    { method: 'POST', path: '/playground/api/action', handler: guarded(deps, (req, res) => runAction(deps, req, res)) },
  ];
}

function guarded(deps: PlaygroundDeps, handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const access = playgroundAccess(req, deps.token);
    if (access === 'forbidden') return send(res, 403, 'text/plain; charset=utf-8', deps.t('playground.forbidden'));
    if (access === 'needs-cookie') {
      res.setHeader('set-cookie', `${TOKEN_COOKIE}=${encodeURIComponent(deps.token!)}; HttpOnly; SameSite=Strict; Path=/playground`);
    }
    return handler(req, res);
  };
}

async function peopleList(deps: PlaygroundDeps) {
  const [people, teams] = await Promise.all([deps.directory.people(), deps.directory.teams()]);
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  return {
    people: people.filter((p) => p.status === 'active' && p.role !== 'salarie').map((p) => ({
      id: p.id, name: `${p.firstName} ${p.lastName}`, role: p.role, roleLabel: deps.t(`role.${p.role}`),
      team: p.teamId ? teamName.get(p.teamId) ?? '' : '',
    })),
  };
}

/** DM with Relais, plus the team channels this person would be in. */
async function conversationsOf(deps: PlaygroundDeps, personId: string): Promise<Array<{ id: string; title: string; kind: 'dm' | 'channel' }>> {
  const [people, teams] = await Promise.all([deps.directory.people(), deps.directory.teams()]);
  const me = people.find((p) => p.id === personId);
  if (!me) return [];
  const visible = me.role === 'encadrant' || me.role === 'salarie' ? teams.filter((t) => t.id === me.teamId) : teams;
  return [
    { id: `dm:${personId}`, title: deps.t('playground.dm_title'), kind: 'dm' },
    ...visible.map((t) => ({ id: `team:${t.id}`, title: `# ${t.name}`, kind: 'channel' as const })),
  ];
}

async function messages(deps: PlaygroundDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://relais.local');
  const as = url.searchParams.get('as') ?? '';
  const since = Number(url.searchParams.get('since') ?? '0');
  const conversations = await conversationsOf(deps, as);
  if (conversations.length === 0) return sendJson(res, 404, { error: deps.t('playground.unknown_person') });
  const list = await deps.transcript.since(conversations.map((c) => c.id), Number.isFinite(since) ? since : 0, 500);
  const marker = (m: string | undefined) => (m ? deps.t(`playground.marker.${m}`) : undefined);
  sendJson(res, 200, {
    conversations,
    messages: list.map((m) => ({
      id: m.id, conversationId: m.conversationId, seq: m.seq, fromRelais: m.author === 'relais', author: m.author,
      at: m.createdAt.toISOString(),
      html: m.reply ? replyHtml(m.reply, marker(m.reply.marker)) : null,
      text: m.reply ? m.reply.text : m.text,
    })),
  });
}

async function sendMessage(deps: PlaygroundDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = sendSchema.safeParse(await readJson(req));
  if (!body.success) return sendJson(res, 400, { error: deps.t('playground.bad_request') });
  const { as, conversationId, text, id } = body.data;
  if (!(await conversationsOf(deps, as)).some((c) => c.id === conversationId)) return sendJson(res, 403, { error: deps.t('playground.forbidden') });
  await deps.directory.link(as);
  // Stored durably first; the transcript line only for a new message (a retry of the same id shows once).
  const { created } = await deps.intake(incomingOf(as, conversationId, { kind: 'message', text }, id));
  if (created) await deps.transcript.addUserMessage(conversationId, as, text);
  sendJson(res, 202, { ok: true, duplicate: !created });
}

async function runAction(deps: PlaygroundDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = actionSchema.safeParse(await readJson(req));
  if (!body.success) return sendJson(res, 400, { error: deps.t('playground.bad_request') });
  const { as, conversationId, action, value, form, id } = body.data;
  if (!(await conversationsOf(deps, as)).some((c) => c.id === conversationId)) return sendJson(res, 403, { error: deps.t('playground.forbidden') });
  await deps.directory.link(as);
  const incoming = incomingOf(as, conversationId, { kind: 'action', action, ...(value !== undefined ? { value } : {}), ...(form ? { form } : {}) }, id);
  if (incoming.kind === 'action' && !form) {
    const opened = await deps.conversation.formFor(incoming);
    if (opened) return sendJson(res, 200, { form: formHtml(opened) });
  }
  await deps.intake(incoming);
  sendJson(res, 202, { ok: true });
}

type Body = { kind: 'message'; text: string } | { kind: 'action'; action: string; value?: string; form?: Record<string, string> };

function incomingOf(as: string, conversationId: string, body: Body, clientMessageId?: string): Incoming {
  const base = {
    // Scoped to the sender, so one person's ids can never collide with another's.
    id: clientMessageId === undefined ? randomUUID() : `${as}:${clientMessageId}`,
    user: { platform: 'playground', workspaceId: '', userId: as },
    place: { kind: conversationId.startsWith('dm:') ? 'dm' as const : 'channel' as const, workspaceId: '', conversationId },
  };
  return body.kind === 'message' ? { ...base, kind: 'message', text: body.text } : { ...base, ...body };
}
