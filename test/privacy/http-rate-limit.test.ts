import type { AddressInfo } from 'node:net';
import { serve } from '../../src/app/serve.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { createHttpServer, sendJson, type HttpServer, type Route } from '../../src/http/http-server.js';
import { healthRoutes } from '../../src/http/health-routes.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';
import type { DatabaseHandle } from '../../src/storage/database.js';

const ok: Route = { method: 'GET', path: '/ping', handler: (_req, res) => sendJson(res, 200, { ok: true }) };
const probe: Route = { method: 'GET', path: '/healthz', unlimited: true, handler: (_req, res) => sendJson(res, 200, { status: 'ok' }) };

async function start(perMinute: number, options: { trustProxy?: boolean; now?: () => number } = {}): Promise<{ http: HttpServer; url: string }> {
  const http = createHttpServer([ok, probe], silentLogger, {
    rateLimit: { perMinute, trustProxy: options.trustProxy ?? false },
    rateLimitedMessage: (s) => `Trop de requêtes. Réessayez dans ${s} s.`,
    ...(options.now ? { now: options.now } : {}),
  });
  const address: AddressInfo = await http.listen('127.0.0.1', 0);
  return { http, url: `http://127.0.0.1:${address.port}` };
}

const statuses = async (url: string, n: number, headers: Record<string, string> = {}): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
};

describe('HTTP rate limit (per client address, token bucket)', () => {
  it('lets a client make up to the limit, then answers 429 with Retry-After and a French message, and refills with time', async () => {
    let now = 1_000_000;
    const { http, url } = await start(6, { now: () => now });
    try {
      expect(await statuses(`${url}/ping`, 6)).toEqual([200, 200, 200, 200, 200, 200]);
      const refused = await fetch(`${url}/ping`);
      expect(refused.status).toBe(429);
      // 6 per minute: one token every 10 s.
      expect(refused.headers.get('retry-after')).toBe('10');
      const body = await refused.json() as { error: string; message: string };
      expect(body.error).toBe('rate_limited');
      expect(body.message).toBe('Trop de requêtes. Réessayez dans 10 s.');
      expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js)/);
      // Unknown paths are counted too (probing is limited).
      expect((await fetch(`${url}/nowhere`)).status).toBe(429);
      // Health probes are never limited.
      expect(await statuses(`${url}/healthz`, 10)).toEqual(Array(10).fill(200));
      now += 10_000;
      expect(await statuses(`${url}/ping`, 2)).toEqual([200, 429]);
      now += 60_000;
      expect(await statuses(`${url}/ping`, 7)).toEqual([200, 200, 200, 200, 200, 200, 429]);
    } finally {
      await http.close(1000);
    }
  }, 20_000);

  it('counts each client separately behind a trusted proxy (last X-Forwarded-For), and not at all when off', async () => {
    const now = 5_000;
    const proxied = await start(2, { trustProxy: true, now: () => now });
    try {
      expect(await statuses(`${proxied.url}/ping`, 3, { 'x-forwarded-for': '203.0.113.9, 198.51.100.1' })).toEqual([200, 200, 429]);
      // A client cannot escape by forging the first address: the proxy's appended one counts.
      expect(await statuses(`${proxied.url}/ping`, 1, { 'x-forwarded-for': '10.9.9.9, 198.51.100.1' })).toEqual([429]);
      expect(await statuses(`${proxied.url}/ping`, 2, { 'x-forwarded-for': '198.51.100.2' })).toEqual([200, 200]);
    } finally {
      await proxied.http.close(1000);
    }
    const off = await start(0);
    try {
      expect(await statuses(`${off.url}/ping`, 50)).toEqual(Array(50).fill(200));
    } finally {
      await off.http.close(1000);
    }
  }, 20_000);

  it('is on by default (300 per minute), configurable, and 0 turns it off', () => {
    const byDefault = loadConfig({ RELAIS_ENV: 'test' });
    expect(byDefault.ok && byDefault.config.http.rateLimit).toEqual({ perMinute: 300, trustProxy: false });
    const set = loadConfig({ RELAIS_ENV: 'test', HTTP_RATE_LIMIT_PER_MINUTE: '0', HTTP_TRUST_PROXY: 'true' });
    expect(set.ok && set.config.http.rateLimit).toEqual({ perMinute: 0, trustProxy: true });
    const bad = loadConfig({ RELAIS_ENV: 'test', HTTP_RATE_LIMIT_PER_MINUTE: '-1' });
    expect(bad.ok).toBe(false);
  });

  describe('on the real server (playground, documents, health)', () => {
    let db: DatabaseHandle;
    let h: Harness;
    let url: string;
    beforeAll(async () => {
      db = await openTestPglite();
      h = await createHarness(db, { env: { PORT: '0', HTTP_RATE_LIMIT_PER_MINUTE: '4' }, extractor: scriptedExtractor(() => ({})) });
      url = (await serve(h.relais)).url;
    });
    afterAll(async () => { await h.relais.lifecycle.stop(); await db.close(); });

    it('limits every door but the health probes', async () => {
      expect(healthRoutes(db, () => false).every((r) => r.unlimited === true)).toBe(true);
      expect(await statuses(`${url}/playground/api/people`, 3)).toEqual([200, 200, 200]);
      expect(await statuses(`${url}/documents/not-a-token`, 1)).toEqual([410]);
      const refused = await fetch(`${url}/playground/api/people`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await refused.json() as { message: string }).message).toMatch(/^Trop de requêtes depuis votre adresse\. Réessayez dans \d+ s\.$/);
      expect((await fetch(`${url}/documents/not-a-token`)).status).toBe(429);
      expect((await fetch(`${url}/api/messages`, { method: 'POST', body: '{}' })).status).toBe(429);
      expect(await statuses(`${url}/readyz`, 5)).toEqual(Array(5).fill(200));
    }, 30_000);
  });
});
