/** Largest clip Relais downloads (a few minutes of voice are well under). */
const MAX_BYTES = 25 * 1024 * 1024;

/** A downloaded file, or why not: `retry` when waiting may help (5xx, 429, network), else never again. */
export type Download = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly retry: boolean; readonly reason: string };

/**
 * Downloads a private Slack file (`url_private_download`) with the bot
 * token. The token is only ever sent to Slack's file hosts or to the host of
 * the configured Web API (GovSlack, proxies, tests); any other URL is refused.
 */
export function createSlackDownloader(options: { readonly apiUrl: string; readonly fetch?: typeof fetch; readonly timeoutMs?: number }) {
  const allowed = new Set(['files.slack.com', 'files.slack-gov.com', new URL(options.apiUrl).host]);
  const doFetch = options.fetch ?? fetch;
  return async (url: string, token: string): Promise<Download> => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { ok: false, retry: false, reason: 'bad_url' };
    }
    if (!allowed.has(target.host) || (target.protocol !== 'https:' && target.host !== new URL(options.apiUrl).host)) {
      return { ok: false, retry: false, reason: 'host_refused' };
    }
    try {
      const res = await doFetch(target, { headers: { authorization: `Bearer ${token}` }, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      if (!res.ok) return { ok: false, retry: res.status >= 500 || res.status === 429 || res.status === 408, reason: `http_${res.status}` };
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > MAX_BYTES) return { ok: false, retry: false, reason: 'too_large' };
      const body = Buffer.from(await res.arrayBuffer());
      return body.length > MAX_BYTES ? { ok: false, retry: false, reason: 'too_large' } : { ok: true, bytes: body };
    } catch (error) {
      // A redirect is refused for good (the token must not follow it); timeouts and resets pass.
      const reason = error instanceof Error ? error.name : 'error';
      return { ok: false, retry: !(error instanceof TypeError && /redirect/i.test(String(error.cause ?? error.message))), reason };
    }
  };
}
