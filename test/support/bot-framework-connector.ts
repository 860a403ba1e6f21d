import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { body, json } from './bot-framework-auth.js';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body: Record<string, unknown> | null;
  readonly authorization: string | undefined;
}

/** A message as the conversation shows it now (updates replace it in place). */
export interface ShownMessage {
  readonly id: string;
  readonly activity: Record<string, unknown>;
  readonly updates: number;
}

/**
 * A local Bot Framework connector over real HTTP, at the serviceUrl the test
 * activities carry: records what the bot posts and updates, keeps each
 * conversation's current messages, opens 1:1 chats, tells members' e-mails,
 * and answers 429 (with Retry-After) or 5xx when asked to.
 */
export interface ConnectorStandIn {
  /** The serviceUrl to put in activities (with a region path, like Teams'). */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** Member profiles by member id (`29:…`), for GET …/members/{id}. */
  readonly members: Map<string, { email?: string; userPrincipalName?: string; aadObjectId?: string }>;
  /** The current messages of a conversation, oldest first. */
  shown(conversationId: string): ShownMessage[];
  /** Conversation ids that received messages. */
  conversations(): string[];
  /** The next calls get these answers first (null: that call is answered normally). */
  failNext(...answers: Array<{ status: number; retryAfter?: string } | null>): void;
  close(): Promise<void>;
}

export async function startConnector(options: { isValidToken: (token: string) => boolean }): Promise<ConnectorStandIn> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, { email?: string; userPrincipalName?: string; aadObjectId?: string }>();
  const store = new Map<string, ShownMessage[]>();
  let failures: Array<{ status: number; retryAfter?: string } | null> = [];
  let seq = 0;

  const server = createServer((req, res) => { void route(req, res); });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const text = await body(req);
    const payload = text ? JSON.parse(text) as Record<string, unknown> : null;
    const m = /\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?$/.exec(path);
    const conversationId = m?.[1] ? decodeURIComponent(m[1]) : undefined;
    const activityId = m?.[3] ? decodeURIComponent(m[3]) : undefined;
    calls.push({ method: req.method ?? '', path, ...(conversationId ? { conversationId } : {}), ...(activityId ? { activityId } : {}), body: payload, authorization: req.headers.authorization });
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !options.isValidToken(token)) return json(res, 401, { error: { code: 'Unauthorized' } });
    const failure = failures.shift();
    if (failure) return json(res, failure.status, { error: { code: 'Failure' } }, failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
    if (!m) return json(res, 404, { error: { code: 'NotFound' } });
    if (req.method === 'POST' && !conversationId) {
      const member = ((payload?.['members'] as Array<{ id: string }> | undefined) ?? [])[0]?.id ?? 'nobody';
      return json(res, 201, { id: `a:personal-${member}` });
    }
    if (m[2] === 'members' && req.method === 'GET') {
      const profile = members.get(activityId ?? '');
      return profile ? json(res, 200, { id: activityId, ...profile }) : json(res, 404, { error: { code: 'MemberNotFound' } });
    }
    const list = store.get(conversationId!) ?? [];
    store.set(conversationId!, list);
    if (req.method === 'POST') {
      const id = `1:${++seq}`;
      list.push({ id, activity: payload ?? {}, updates: 0 });
      return json(res, 201, { id });
    }
    const index = list.findIndex((x) => x.id === activityId);
    if (index < 0) return json(res, 404, { error: { code: 'ActivityNotFound' } });
    if (req.method === 'PUT') {
      list[index] = { id: activityId!, activity: payload ?? {}, updates: list[index]!.updates + 1 };
      return json(res, 200, { id: activityId });
    }
    if (req.method === 'DELETE') {
      list.splice(index, 1);
      return json(res, 200, {});
    }
    return json(res, 405, { error: { code: 'MethodNotAllowed' } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${url}/emea/`,
    calls, members,
    shown: (conversationId) => [...(store.get(conversationId) ?? [])],
    conversations: () => [...store.keys()].filter((k) => (store.get(k) ?? []).length > 0),
    failNext: (...answers) => { failures = [...answers]; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
