import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const TOKEN_COOKIE = 'relais_playground';

/**
 * The playground acts as anyone of the roster, so it is reachable only from this
 * machine, unless a token is configured: then every request must carry it
 * (query parameter once, then an HttpOnly cookie).
 */
export function playgroundAccess(req: IncomingMessage, token: string | undefined): 'ok' | 'forbidden' | 'needs-cookie' {
  if (token === undefined) return LOOPBACK.has(req.socket.remoteAddress ?? '') ? 'ok' : 'forbidden';
  const url = new URL(req.url ?? '/', 'http://relais.local');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && same(fromQuery, token)) return 'needs-cookie';
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).find(([k]) => k === TOKEN_COOKIE)?.[1];
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const given = cookie ? decodeURIComponent(cookie) : bearer;
  return given !== undefined && same(given, token) ? 'ok' : 'forbidden';
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
