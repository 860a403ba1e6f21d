import type { Clock } from '../../core/ports/clock.js';

/** The scope of a bot's token for the Bot Connector (public cloud). */
export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';
const EARLY_RENEWAL_MS = 5 * 60_000;

/** Gives the bot's bearer token for the Bot Connector, renewed before it expires. */
export interface BotTokenProvider {
  token(): Promise<string>;
}

export class BotTokenError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
    this.name = 'BotTokenError';
  }
}

/**
 * OAuth client credentials against the configured token endpoint (Microsoft
 * Entra by default, a local stand-in in tests). One request at a time; the
 * token is kept until five minutes before it expires.
 */
export function createBotTokenProvider(options: {
  readonly tokenUrl: string;
  readonly appId: string;
  readonly appPassword: string;
  readonly clock: Clock;
  readonly timeoutMs?: number;
}): BotTokenProvider {
  let cached: { token: string; expiresAt: number } | null = null;
  let inFlight: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials', client_id: options.appId, client_secret: options.appPassword, scope: BOT_CONNECTOR_SCOPE,
    });
    let res: Response;
    try {
      res = await fetch(options.tokenUrl, {
        method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new BotTokenError(`token endpoint unreachable: ${error instanceof Error ? error.message : 'unknown'}`, null);
    }
    // The body may echo our request on errors: never keep it in the message.
    if (!res.ok) throw new BotTokenError(`token endpoint answered ${res.status}`, res.status);
    const json = await res.json() as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== 'string') throw new BotTokenError('token endpoint gave no access_token', res.status);
    const seconds = Number(json.expires_in ?? 3600);
    cached = { token: json.access_token, expiresAt: options.clock.now().getTime() + (Number.isFinite(seconds) ? seconds : 3600) * 1000 };
    return json.access_token;
  }

  return {
    async token() {
      if (cached && cached.expiresAt - EARLY_RENEWAL_MS > options.clock.now().getTime()) return cached.token;
      inFlight ??= fetchToken().finally(() => { inFlight = null; });
      return inFlight;
    },
  };
}
