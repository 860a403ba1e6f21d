import { LogLevel, webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports/logger.js';

/** A Web API call that failed, in the terms the sender needs. */
export type SlackFailure =
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number }
  /** A Slack error code (`invalid_auth`, `channel_not_found`…). */
  | { readonly kind: 'slack'; readonly error: string }
  /** Network trouble or a 5xx: try again later. */
  | { readonly kind: 'transient'; readonly reason: string };

export type SlackResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: SlackFailure };

/** Bolt's and the Web API client's log lines go to our logger (no payload is ever in them). */
export function slackLogger(logger: Logger): webApi.Logger {
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg: unknown[]) => logger.warn({ slack: String(msg[0]).slice(0, 200) }, 'slack.library_warning'),
    error: (...msg: unknown[]) => logger.error({ slack: String(msg[0]).slice(0, 200) }, 'slack.library_error'),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Web API clients, one per bot token, at the configured base URL
 * (SLACK_API_URL). The client never waits on a rate limit by itself and never
 * retries: the outbox does both, durably.
 */
export function createSlackClients(options: { readonly apiUrl: string; readonly logger: Logger; readonly timeoutMs?: number }) {
  const clients = new Map<string, webApi.WebClient>();
  const logger = slackLogger(options.logger);
  const clientFor = (token: string): webApi.WebClient => {
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, {
        slackApiUrl: options.apiUrl, logger, rejectRateLimitedCalls: true, retryConfig: { retries: 0 }, timeout: options.timeoutMs ?? 10_000,
      });
      clients.set(token, client);
    }
    return client;
  };
  return {
    clientFor,
    /** Calls a Web API method and sorts the outcome; never throws. */
    async call<T = Record<string, unknown>>(token: string, method: string, args: Record<string, unknown>): Promise<SlackResult<T>> {
      try {
        const result = await clientFor(token).apiCall(method, args);
        return { ok: true, value: result as unknown as T };
      } catch (error) {
        return { ok: false, failure: failureOf(error) };
      }
    },
  };
}

export type SlackClients = ReturnType<typeof createSlackClients>;

export function failureOf(error: unknown): SlackFailure {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1_000 };
  if (e.code === webApi.ErrorCode.PlatformError) {
    const code = e.data?.error ?? 'unknown_error';
    return code === 'ratelimited' ? { kind: 'rate-limited', retryAfterMs: 1_000 } : { kind: 'slack', error: code };
  }
  if (e.code === webApi.ErrorCode.HTTPError && e.statusCode !== undefined && e.statusCode < 500 && e.statusCode !== 408) {
    return { kind: 'slack', error: `http_${e.statusCode}` };
  }
  return { kind: 'transient', reason: e.code ?? (error instanceof Error ? error.name : 'unknown') };
}
