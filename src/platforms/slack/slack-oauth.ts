import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../core/ports/clock.js';
import type { Installation, InstallationStore } from '../../core/ports/installation-store.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Translate } from '../../i18n/translator.js';
import type { SlackClients } from './slack-client.js';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** The bot scopes asked at install: the same as manifest/slack/manifest.json (a test compares them). */
export const BOT_SCOPES = [
  'app_mentions:read', 'assistant:write', 'channels:history', 'channels:join', 'chat:write', 'commands', 'files:read', 'im:history', 'im:write', 'users:read', 'users:read.email',
] as const;
const STATE_COOKIE = 'relais_slack_state';
const STATE_TTL_MS = 10 * 60_000;
/** Refresh a rotating token this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;

interface OAuthAccess {
  access_token?: string; refresh_token?: string; expires_in?: number; scope?: string; bot_user_id?: string;
  team?: { id?: string; name?: string } | null; enterprise?: { id?: string } | null; authed_user?: { id?: string } | null;
}

export interface SlackInstallerDeps {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly apiUrl: string;
  /** Public base URL of Relais (the redirect URL given to Slack), when known. */
  readonly publicUrl?: string | undefined;
  readonly clock: Clock;
  readonly clients: SlackClients;
  readonly store: InstallationStore;
  readonly t: Translate;
  readonly logger: Logger;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * OAuth distribution to many workspaces: `/slack/install` sends the admin to
 * Slack's consent page (state signed with SLACK_STATE_SECRET, valid 10
 * minutes, tied to a cookie of this browser), `/slack/oauth_redirect`
 * exchanges the code (oauth.v2.access) and stores the installation, tokens
 * encrypted. `tokenFor` gives a workspace's bot token, refreshed first when
 * token rotation is on and it is about to expire.
 */
export function createSlackInstaller(deps: SlackInstallerDeps) {
  const redirectUri = deps.publicUrl ? new URL(REDIRECT_PATH, deps.publicUrl).toString() : undefined;
  const sign = (payload: string) => createHmac('sha256', deps.stateSecret).update(payload).digest('base64url');

  function newState(): { state: string; nonce: string } {
    const nonce = randomBytes(16).toString('base64url');
    const payload = `${deps.clock.now().getTime()}.${nonce}`;
    return { state: `${payload}.${sign(payload)}`, nonce };
  }

  function stateValid(state: string, cookie: string | undefined): boolean {
    const [time, nonce, mac] = state.split('.');
    if (!time || !nonce || !mac || !cookie) return false;
    const expected = Buffer.from(sign(`${time}.${nonce}`));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
    const age = deps.clock.now().getTime() - Number(time);
    return age >= 0 && age <= STATE_TTL_MS && cookie === nonce;
  }

  function page(res: ServerResponse, status: number, title: string, text: string, extraHeaders: Record<string, string> = {}): void {
    const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders });
    res.end(html);
  }

  async function install(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { state, nonce } = newState();
    const url = new URL('../oauth/v2/authorize', deps.apiUrl);
    url.searchParams.set('client_id', deps.clientId);
    url.searchParams.set('scope', BOT_SCOPES.join(','));
    url.searchParams.set('state', state);
    if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
    res.writeHead(302, {
      location: url.toString(), 'cache-control': 'no-store',
      'set-cookie': `${STATE_COOKIE}=${nonce}; Path=/slack; HttpOnly; SameSite=Lax; Max-Age=600${redirectUri?.startsWith('https:') ? '; Secure' : ''}`,
    });
    res.end();
  }

  async function redirect(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://relais.local');
    const code = url.searchParams.get('code');
    const state = url.searchParams.get('state') ?? '';
    const cookie = /(?:^|;\s*)relais_slack_state=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const clear = { 'set-cookie': `${STATE_COOKIE}=; Path=/slack; HttpOnly; SameSite=Lax; Max-Age=0` };
    const failed = (reason: string) => {
      deps.logger.warn({ reason }, 'slack.install_failed');
      page(res, 400, deps.t('slack.oauth.failed.title'), deps.t('slack.oauth.failed.text'), clear);
    };
    if (!code || !stateValid(state, cookie)) return failed(code ? 'state' : url.searchParams.get('error') ?? 'no_code');
    const access = await deps.clients.call<OAuthAccess>('', 'oauth.v2.access', {
      client_id: deps.clientId, client_secret: deps.clientSecret, code, ...(redirectUri ? { redirect_uri: redirectUri } : {}),
    });
    if (!access.ok) return failed(access.failure.kind === 'slack' ? access.failure.error : access.failure.kind);
    const a = access.value;
    const teamId = a.team?.id ?? a.enterprise?.id;
    if (!a.access_token || !teamId) return failed('no_token');
    await deps.store.save({
      platform: 'slack', workspaceId: teamId, enterpriseId: a.enterprise?.id ?? null, workspaceName: a.team?.name ?? null,
      botToken: a.access_token, botUserId: a.bot_user_id ?? null, refreshToken: a.refresh_token ?? null,
      expiresAt: a.expires_in ? new Date(deps.clock.now().getTime() + a.expires_in * 1_000) : null,
      scopes: a.scope ?? null, installedBy: a.authed_user?.id ?? null,
    });
    deps.logger.info({ workspace: teamId }, 'slack.installed');
    page(res, 200, deps.t('slack.oauth.installed.title'), deps.t('slack.oauth.installed.text', { team: a.team?.name ?? teamId }), clear);
  }

  // One refresh at a time per workspace: a rotated refresh token works only once.
  const refreshing = new Map<string, Promise<string | undefined>>();
  function tokenFor(workspaceId: string): Promise<string | undefined> {
    const pending = refreshing.get(workspaceId);
    if (pending) return pending;
    const p = currentToken(workspaceId).finally(() => refreshing.delete(workspaceId));
    refreshing.set(workspaceId, p);
    return p;
  }

  const expiring = (i: Installation): boolean =>
    i.expiresAt !== null && i.expiresAt !== undefined && !!i.refreshToken && i.expiresAt.getTime() - deps.clock.now().getTime() <= REFRESH_MARGIN_MS;

  async function currentToken(workspaceId: string): Promise<string | undefined> {
    const found = await deps.store.find('slack', workspaceId);
    if (!found) return undefined;
    if (!expiring(found)) return found.botToken;
    // Locked in the database: another instance refreshing at the same time waits, then finds the new token.
    const settled = await deps.store.refreshLocked('slack', workspaceId, async (current) => {
      if (!current || !expiring(current)) return current;
      const refreshed = await deps.clients.call<OAuthAccess>('', 'oauth.v2.access', {
        client_id: deps.clientId, client_secret: deps.clientSecret, grant_type: 'refresh_token', refresh_token: current.refreshToken,
      });
      if (!refreshed.ok || !refreshed.value.access_token) {
        deps.logger.warn({ workspace: workspaceId }, 'slack.token_refresh_failed');
        return current;
      }
      const r = refreshed.value;
      return {
        ...current, botToken: r.access_token!, refreshToken: r.refresh_token ?? current.refreshToken,
        expiresAt: r.expires_in ? new Date(deps.clock.now().getTime() + r.expires_in * 1_000) : null,
      };
    });
    return settled?.botToken;
  }

  return {
    tokenFor,
    uninstalled: (workspaceId: string) => deps.store.remove('slack', workspaceId),
    routes: [
      { method: 'GET' as const, path: INSTALL_PATH, handler: install },
      { method: 'GET' as const, path: REDIRECT_PATH, handler: redirect },
    ],
  };
}
