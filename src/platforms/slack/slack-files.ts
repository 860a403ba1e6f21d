/** Largest clip Relais downloads (a few minutes of voice are well under). */
const MAX_BYTES = 25 * 1024 * 1024;

/**
 * Downloads a private Slack file (`url_private_download`) with the bot
 * token. The token is only ever sent to Slack's file hosts or to the host of
 * the configured Web API (GovSlack, proxies, tests); any other URL is refused.
 */
export function createSlackDownloader(options: { readonly apiUrl: string; readonly fetch?: typeof fetch; readonly timeoutMs?: number }) {
  const allowed = new Set(['files.slack.com', 'files.slack-gov.com', new URL(options.apiUrl).host]);
  const doFetch = options.fetch ?? fetch;
  return async (url: string, token: string): Promise<Buffer | null> => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return null;
    }
    if (!allowed.has(target.host) || (target.protocol !== 'https:' && target.host !== new URL(options.apiUrl).host)) return null;
    try {
      const res = await doFetch(target, { headers: { authorization: `Bearer ${token}` }, redirect: 'error', signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
      if (!res.ok) return null;
      const length = Number(res.headers.get('content-length') ?? 0);
      if (length > MAX_BYTES) return null;
      const body = Buffer.from(await res.arrayBuffer());
      return body.length > MAX_BYTES ? null : body;
    } catch {
      return null;
    }
  };
}
