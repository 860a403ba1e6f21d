import { ConversationClient } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import type { Clock } from '../../core/ports/clock.js';
import { BotTokenError, type BotTokenProvider } from './teams-token.js';
import type { OutgoingActivity } from './teams-activities.js';

/** A Bot Connector answer: a value, or why not (HTTP status, how long to wait when told). */
export type ConnectorResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly status: number | null; readonly retryAfterMs?: number; readonly reason: string };

/** The Bot Connector calls Relais makes, at the serviceUrl each conversation came with. */
export interface TeamsConnector {
  post(serviceUrl: string, conversationId: string, activity: OutgoingActivity): Promise<ConnectorResult<{ id: string }>>;
  update(serviceUrl: string, conversationId: string, activityId: string, activity: OutgoingActivity): Promise<ConnectorResult<{ id: string }>>;
  remove(serviceUrl: string, conversationId: string, activityId: string): Promise<ConnectorResult<null>>;
  /** The 1:1 conversation between the bot and a member (Teams returns the existing one). */
  openPersonal(serviceUrl: string, who: { botId: string; memberId: string; tenantId: string }): Promise<ConnectorResult<{ id: string }>>;
  /** A member's profile as Teams gives it to bots (e-mail and UPN, no Graph permission needed). */
  member(serviceUrl: string, conversationId: string, memberId: string): Promise<ConnectorResult<{ email?: string; userPrincipalName?: string }>>;
}

/** The SDK logs request details; Relais logs what it chooses, so the SDK stays quiet. */
const quiet: ILogger = {
  debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, trace: () => undefined,
  log: () => undefined, child: () => quiet,
};

/** Built on the Teams SDK's API client (`@microsoft/teams.api`), with the bot token of the provider. */
export function createTeamsConnector(options: { readonly tokens: BotTokenProvider | null; readonly clock: Clock; readonly timeoutMs?: number }): TeamsConnector {
  // Without credentials (local development with an emulator) requests go without a token.
  const token = options.tokens ? () => options.tokens!.token() : undefined;
  const clients = new Map<string, ConversationClient>();
  const client = (serviceUrl: string): ConversationClient => {
    const base = serviceUrl.replace(/\/+$/, '');
    let c = clients.get(base);
    if (!c) {
      c = new ConversationClient(base, { ...(token ? { token } : {}), timeout: options.timeoutMs ?? 15_000, logger: quiet, name: 'relais-teams' });
      clients.set(base, c);
    }
    return c;
  };
  const call = async <T>(work: () => Promise<T>): Promise<ConnectorResult<T>> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      return failure(error, options.clock);
    }
  };
  const idOf = (resource: { id?: unknown } | undefined): { id: string } => ({ id: typeof resource?.id === 'string' ? resource.id : '' });
  return {
    post: (serviceUrl, conversationId, activity) =>
      call(async () => idOf(await client(serviceUrl).createActivity(conversationId, activity as never))),
    update: (serviceUrl, conversationId, activityId, activity) =>
      call(async () => ({ id: idOf(await client(serviceUrl).updateActivity(conversationId, activityId, activity as never)).id || activityId })),
    remove: (serviceUrl, conversationId, activityId) =>
      call(async () => { await client(serviceUrl).deleteActivity(conversationId, activityId); return null; }),
    openPersonal: (serviceUrl, who) => call(async () => idOf(await client(serviceUrl).create({
      isGroup: false, bot: { id: who.botId }, members: [{ id: who.memberId }], tenantId: who.tenantId, channelData: { tenant: { id: who.tenantId } },
    } as never))),
    member: (serviceUrl, conversationId, memberId) => call(async () => {
      const m = await client(serviceUrl).getMemberById(conversationId, memberId) as { email?: unknown; userPrincipalName?: unknown };
      return {
        ...(typeof m.email === 'string' ? { email: m.email } : {}),
        ...(typeof m.userPrincipalName === 'string' ? { userPrincipalName: m.userPrincipalName } : {}),
      };
    }),
  };
}

/** HTTP errors (the SDK's axios errors) and token failures as plain outcomes. */
function failure(error: unknown, clock: Clock): ConnectorResult<never> {
  if (error instanceof BotTokenError) return { ok: false, status: null, retryAfterMs: 60_000, reason: 'teams.token_unavailable' };
  const response = (error as { response?: { status?: number; headers?: Record<string, unknown> } }).response;
  if (!response?.status) return { ok: false, status: null, reason: `teams.network:${(error as { code?: string }).code ?? 'error'}` };
  const retryAfter = retryAfterMs(response.headers?.['retry-after'], clock);
  return { ok: false, status: response.status, ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}), reason: `teams.http_${response.status}` };
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(header: unknown, clock: Clock): number | undefined {
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(String(header));
  return Number.isNaN(at) ? undefined : Math.max(0, at - clock.now().getTime());
}
