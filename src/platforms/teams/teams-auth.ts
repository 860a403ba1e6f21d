import { decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import { err, ok, type Result } from '../../core/result.js';

/** Issuer of the tokens the Bot Connector puts on every activity it sends to a bot. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
const KEYS_MAX_AGE_MS = 24 * 3600_000; // Microsoft rolls its keys; a day-old copy is what its SDKs keep
const FORCED_REFRESH_COOLDOWN_MS = 5 * 60_000; // an unknown key id refreshes at most this often
const CLOCK_TOLERANCE_S = 300;

export type AuthError = 'auth.missing' | 'auth.invalid' | 'auth.unavailable';

/** Checks that an activity really comes from the Bot Connector for this bot. */
export interface TeamsAuthenticator {
  verify(authorization: string | undefined, activity: { readonly serviceUrl: string; readonly channelId?: string }): Promise<Result<JWTPayload, AuthError>>;
}

export interface TeamsAuthOptions {
  readonly appId: string;
  readonly openIdMetadataUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

type BotJwk = JWK & { endorsements?: unknown };

/**
 * Bot Framework JWT validation: RS256 signature by a key of the OpenID
 * document's `jwks_uri` (endorsed for the activity's channel), issuer,
 * audience = our app id, expiry (5 minutes of clock skew) and the
 * `serviceurl` claim equal to the activity's serviceUrl. Time comes from the
 * injected clock.
 */
export function createTeamsAuthenticator(options: TeamsAuthOptions): TeamsAuthenticator {
  const { clock, logger } = options;
  let cache: { keys: BotJwk[]; fetchedAt: number } | null = null;
  let lastForced = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<BotJwk[]> | null = null;
  // Imported keys by kid, dropped whenever the key set is read again.
  let imported = new Map<string, ReturnType<typeof importJWK>>();

  async function getJson(url: string): Promise<Record<string, unknown>> {
    const res = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 10_000), headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.json() as Record<string, unknown>;
  }

  async function load(): Promise<BotJwk[]> {
    const metadata = await getJson(options.openIdMetadataUrl);
    const jwksUri = metadata['jwks_uri'];
    if (typeof jwksUri !== 'string') throw new Error('no jwks_uri');
    const jwks = await getJson(jwksUri);
    const keys = Array.isArray(jwks['keys']) ? jwks['keys'] as BotJwk[] : [];
    cache = { keys, fetchedAt: clock.now().getTime() };
    imported = new Map();
    return keys;
  }

  async function keys(force: boolean): Promise<BotJwk[]> {
    const now = clock.now().getTime();
    const fresh = cache !== null && now - cache.fetchedAt < KEYS_MAX_AGE_MS;
    if (fresh && (!force || now - lastForced < FORCED_REFRESH_COOLDOWN_MS)) return cache!.keys;
    if (force) lastForced = now;
    inFlight ??= load().finally(() => { inFlight = null; });
    return inFlight;
  }

  async function keyFor(kid: string): Promise<BotJwk | undefined | 'unavailable'> {
    try {
      return (await keys(false)).find((k) => k.kid === kid) ?? (await keys(true)).find((k) => k.kid === kid);
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'teams.auth.keys_unavailable');
      return 'unavailable';
    }
  }

  return {
    async verify(authorization, activity) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (!token) return err('auth.missing');
      let kid: string | undefined;
      try {
        const header = decodeProtectedHeader(token);
        if (header.alg !== 'RS256') return err('auth.invalid', { reason: 'alg' });
        kid = header.kid;
      } catch {
        return err('auth.invalid', { reason: 'malformed' });
      }
      if (!kid) return err('auth.invalid', { reason: 'kid' });
      const jwk = await keyFor(kid);
      if (jwk === 'unavailable') return err('auth.unavailable');
      if (!jwk) return err('auth.invalid', { reason: 'unknown-key' });
      // Microsoft endorses each key for the channels it may sign for (msteams…).
      if (Array.isArray(jwk.endorsements) && !jwk.endorsements.includes(activity.channelId ?? '')) return err('auth.invalid', { reason: 'endorsement' });
      try {
        let key = imported.get(kid);
        if (!key) {
          const { endorsements: _e, ...material } = jwk;
          key = importJWK(material, 'RS256');
          imported.set(kid, key);
        }
        const { payload } = await jwtVerify(token, await key, {
          issuer: BOT_FRAMEWORK_ISSUER, audience: options.appId, algorithms: ['RS256'],
          clockTolerance: CLOCK_TOLERANCE_S, currentDate: clock.now(), requiredClaims: ['exp'],
        });
        if (typeof payload['serviceurl'] !== 'string' || trim(payload['serviceurl']) !== trim(activity.serviceUrl)) {
          return err('auth.invalid', { reason: 'serviceurl' });
        }
        return ok(payload);
      } catch (error) {
        return err('auth.invalid', { reason: error instanceof Error ? (error as { code?: string }).code ?? error.name : 'unknown' });
      }
    },
  };
}

const trim = (url: string): string => url.replace(/\/+$/, '');
