import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

/**
 * A local stand-in for Microsoft's side of Bot Framework authentication, over
 * real HTTP: the OpenID document and its signing keys (JWKS, endorsed for
 * msteams), a client-credentials token endpoint, and a signer for the tokens
 * the Bot Connector puts on activities, made with test keys.
 */
export interface BotFrameworkAuth {
  readonly url: string;
  readonly openIdMetadataUrl: string;
  readonly tokenUrl: string;
  /** Bot tokens handed out by the token endpoint, in order. */
  readonly issued: string[];
  readonly counts: { openId: number; keys: number; token: number };
  /** Next token requests answer with these statuses first. */
  failTokenNext(...statuses: number[]): void;
  /** A channel → bot token, as the Bot Connector signs it. */
  sign(claims: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export interface SignOptions {
  readonly serviceUrl: string;
  readonly now: Date;
  readonly audience?: string;
  readonly issuer?: string;
  readonly expiresInSeconds?: number;
  /** 'published' (default), 'unpublished' (a key nobody knows) or 'unendorsed' (published, not for msteams). */
  readonly key?: 'published' | 'unpublished' | 'unendorsed';
  readonly alg?: 'RS256' | 'HS256';
}

export async function startBotFrameworkAuth(options: { appId: string; appPassword: string }): Promise<BotFrameworkAuth> {
  const make = async (kid: string) => ({ kid, ...(await generateKeyPair('RS256', { extractable: true })) });
  const [published, unpublished, unendorsed] = await Promise.all([make('test-key-1'), make('test-key-x'), make('test-key-2')]);
  const jwk = async (k: { kid: string; publicKey: CryptoKey }, endorsements: string[]) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, use: 'sig', x5t: k.kid, endorsements });
  const keys = { keys: [await jwk(published, ['msteams', 'emulator']), await jwk(unendorsed, ['skype'])] };
  const issued: string[] = [];
  const counts = { openId: 0, keys: 0, token: 0 };
  let tokenFailures: number[] = [];
  let url = '';

  const server = createServer((req, res) => { void route(req, res); });
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      counts.openId += 1;
      return json(res, 200, { issuer: 'https://api.botframework.com', jwks_uri: `${url}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      counts.keys += 1;
      return json(res, 200, keys);
    }
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
      counts.token += 1;
      const form = new URLSearchParams(await body(req));
      const failure = tokenFailures.shift();
      if (failure) return json(res, failure, { error: 'temporarily_unavailable' });
      if (form.get('grant_type') !== 'client_credentials' || form.get('client_id') !== options.appId
        || form.get('client_secret') !== options.appPassword || form.get('scope') !== 'https://api.botframework.com/.default') {
        return json(res, 401, { error: 'invalid_client' });
      }
      const token = `bot-token-${randomUUID()}`;
      issued.push(token);
      return json(res, 200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
    }
    return json(res, 404, { error: 'not_found' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, issued, counts,
    openIdMetadataUrl: `${url}/v1/.well-known/openidconfiguration`,
    tokenUrl: `${url}/botframework.com/oauth2/v2.0/token`,
    failTokenNext: (...statuses) => { tokenFailures = [...statuses]; },
    async sign(o) {
      const key = o.key === 'unpublished' ? unpublished : o.key === 'unendorsed' ? unendorsed : published;
      const iat = Math.floor(o.now.getTime() / 1000);
      const jwt = new SignJWT({ serviceurl: o.serviceUrl, appid: 'd6d49420-f39b-4df7-a1dc-d59a935871db' })
        .setIssuer(o.issuer ?? 'https://api.botframework.com').setAudience(o.audience ?? options.appId)
        .setIssuedAt(iat).setNotBefore(iat).setExpirationTime(iat + (o.expiresInSeconds ?? 3600));
      if (o.alg === 'HS256') return jwt.setProtectedHeader({ alg: 'HS256', kid: key.kid }).sign(new TextEncoder().encode('a-shared-secret-nobody-should-accept'));
      return jwt.setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function json(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
