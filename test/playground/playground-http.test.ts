import type { AddressInfo } from 'node:net';
import { serve } from '../../src/app/serve.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';

async function serveHarness(env: Record<string, string>): Promise<{ h: Harness; url: string; db: DatabaseHandle }> {
  const db = await openTestPglite();
  const h = await createHarness(db, { env: { PORT: '0', ...env }, extractor: scriptedExtractor(() => ({})) });
  const serving = await serve(h.relais);
  return { h, db, url: serving.url };
}

describe('playground over HTTP', () => {
  let ctx: Awaited<ReturnType<typeof serveHarness>>;
  beforeAll(async () => { ctx = await serveHarness({}); });
  afterAll(async () => { await ctx.h.relais.lifecycle.stop(); await ctx.db.close(); });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${ctx.url}/playground`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toContain('<html lang="fr">');
    expect((await fetch(`${ctx.url}/playground/assets/app.js`)).headers.get('content-type')).toContain('javascript');
  });

  it('lists the people one can act as, without salariés', async () => {
    const { people } = await (await fetch(`${ctx.url}/playground/api/people`)).json() as { people: Array<{ role: string }> };
    expect(people.map((p) => p.role).sort()).toEqual(['cip', 'direction', 'encadrant', 'encadrant']);
  });

  it('accepts a message and answers through the durable path', async () => {
    const eti = ctx.h.id('demo-eti-ev');
    const res = await fetch(`${ctx.url}/playground/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: eti, conversationId: `dm:${eti}`, text: 'aide' }) });
    expect(res.status).toBe(202);
    await ctx.h.drain();
    const data = await (await fetch(`${ctx.url}/playground/api/messages?as=${eti}&since=0`)).json() as { messages: Array<{ html: string | null; text: string }> };
    expect(data.messages.map((m) => m.text)).toEqual(['aide', 'Ce que Relais sait faire']);
    expect(data.messages[1]!.html).toContain('<h3 class="r-header">Ce que Relais sait faire</h3>');
  });

  it('rejects bad bodies with a clear 4xx and writes nothing', async () => {
    const eti = ctx.h.id('demo-eti-ev');
    const post = (body: string) => fetch(`${ctx.url}/playground/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{not json')).status).toBe(400);
    expect((await post(JSON.stringify({ as: eti }))).status).toBe(400);
    expect((await post(JSON.stringify({ as: eti, conversationId: 'dm:someone-else', text: 'x' }))).status).toBe(403);
    expect((await post('x'.repeat(70_000))).status).toBe(400);
    const other = ctx.h.id('demo-eti-rc');
    expect((await post(JSON.stringify({ as: eti, conversationId: `team:${await ctx.h.teamId('recyclerie')}`, text: 'x' }))).status).toBe(403);
    void other;
  });
});

describe('playground exposure', () => {
  it('requires the token when one is configured, then sets an HttpOnly cookie', async () => {
    const ctx = await serveHarness({ PLAYGROUND_TOKEN: 'un-jeton-assez-long-1234' });
    try {
      expect((await fetch(`${ctx.url}/playground`)).status).toBe(403);
      const first = await fetch(`${ctx.url}/playground?token=un-jeton-assez-long-1234`);
      expect(first.status).toBe(200);
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
      expect((await fetch(`${ctx.url}/playground/api/people`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
      expect((await fetch(`${ctx.url}/playground/api/people`, { headers: { cookie: 'relais_playground=wrong' } })).status).toBe(403);
    } finally {
      await ctx.h.relais.lifecycle.stop();
      await ctx.db.close();
    }
  });

  it('refuses other machines when no token is set', async () => {
    const { playgroundAccess } = await import('../../src/platforms/playground/playground-guard.js');
    const req = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: {}, url: '/playground' }) as never;
    expect(playgroundAccess(req('127.0.0.1'), undefined)).toBe('ok');
    expect(playgroundAccess(req('::1'), undefined)).toBe('ok');
    expect(playgroundAccess(req('192.168.1.5'), undefined)).toBe('forbidden');
    expect((null as AddressInfo | null)).toBeNull();
  });
});
