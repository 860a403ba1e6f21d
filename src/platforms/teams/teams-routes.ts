import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../core/ports/logger.js';
import { activitySchema } from './teams-activity.js';
import type { TeamsAuthenticator } from './teams-auth.js';
import { readBody, reply } from './teams-http.js';
import { onInstalled, type InstallDeps } from './teams-install.js';
import { answerInvoke, type InvokeDeps } from './teams-invoke.js';
import { teamsEvent } from './teams-message.js';

export interface TeamsRoute {
  readonly method: 'POST';
  readonly path: string;
  /** The platform waits for this answer: background work gives way meanwhile. */
  readonly acknowledges?: boolean;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export interface TeamsDeps extends InvokeDeps, InstallDeps {
  /** Null only in development when TEAMS_ALLOW_UNAUTHENTICATED is set and no app id is configured. */
  readonly auth: TeamsAuthenticator | null;
  /** Development mode: a request without a token is accepted (a token that is sent is still checked). */
  readonly allowUnauthenticated: boolean;
  /** Single-tenant bot: activities of other tenants are refused. */
  readonly tenantId: string | undefined;
  readonly logger: Logger;
}

export const MESSAGING_ENDPOINT = '/api/messages';

/**
 * The Teams door: POST /api/messages on the shared server. Authenticate,
 * then store durably (idempotent on the activity id) and acknowledge; the
 * inbox worker and the outbox do the rest. Nothing is stored for a request
 * that fails authentication.
 */
export function teamsRoutes(deps: TeamsDeps): TeamsRoute[] {
  return [{ method: 'POST', path: MESSAGING_ENDPOINT, acknowledges: true, handler: (req, res) => handle(req, res, deps) }];
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: TeamsDeps): Promise<void> {
  const authorization = req.headers.authorization;
  if (!authorization && !deps.allowUnauthenticated) return reply(res, 401, { error: 'unauthorized' });
  const body = await readBody(req);
  if (!body.ok && body.error === 'too-large') return reply(res, 413, { error: 'too_large' });
  const raw = body.ok && body.json !== null && typeof body.json === 'object' ? body.json as Record<string, unknown> : {};
  if (authorization || !deps.allowUnauthenticated) {
    if (!deps.auth) return reply(res, 401, { error: 'unauthorized' });
    const verified = await deps.auth.verify(authorization, {
      serviceUrl: typeof raw['serviceUrl'] === 'string' ? raw['serviceUrl'] : '',
      ...(typeof raw['channelId'] === 'string' ? { channelId: raw['channelId'] } : {}),
    });
    if (!verified.ok) {
      deps.logger.warn({ code: verified.code, reason: verified.details?.['reason'] }, 'teams.auth_refused');
      return reply(res, verified.code === 'auth.unavailable' ? 503 : 401, { error: 'unauthorized' });
    }
  }
  const parsed = activitySchema.safeParse(raw);
  if (!parsed.success) return reply(res, 400, { error: 'bad_activity' });
  const activity = parsed.data;
  const event = teamsEvent(activity, deps.t);
  if (event.kind === 'ignored') return reply(res, 200, activity.type === 'invoke' ? {} : undefined);
  const tenant = event.kind === 'installed' ? event.place.workspaceId : event.incoming.place.workspaceId;
  if (deps.tenantId && tenant !== deps.tenantId) {
    deps.logger.warn({ type: activity.type }, 'teams.other_tenant');
    return reply(res, 403, { error: 'tenant' });
  }
  if (event.kind === 'installed') {
    await onInstalled(event, deps);
    return reply(res, 200);
  }
  let { incoming } = event;
  if (incoming.place.kind === 'channel') await deps.refreshChannel(incoming.place);
  const email = await deps.emailOf(incoming.user, { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id, memberId: activity.from.id });
  if (email) incoming = { ...incoming, user: { ...incoming.user, email } };
  if (event.invoke && incoming.kind === 'action') {
    return reply(res, 200, await answerInvoke(incoming, incoming.place.kind === 'dm', deps));
  }
  await deps.intake(incoming);
  return reply(res, 200);
}
