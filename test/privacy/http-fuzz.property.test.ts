import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { serve } from '../../src/app/serve.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';

const PATHS = [
  '/healthz', '/readyz', '/playground', '/playground/api/people', '/playground/api/messages', '/playground/api/send', '/playground/api/action',
  '/playground/assets/app.js', '/documents/', '/documents/abc.pdf', '/api/messages', '/', '/nowhere',
];

/** Every row count of the Relais tables: a fuzzed request must not change any. */
async function counts(db: DatabaseHandle): Promise<string> {
  const tables = (await db.db.execute(sql`select tablename from pg_tables where schemaname = 'relais' and tablename not like '__drizzle%' order by 1`)) as unknown as { rows: Array<{ tablename: string }> };
  const parts: string[] = [];
  for (const { tablename } of tables.rows) {
    const r = (await db.db.execute(sql.raw(`select count(*)::int as n from relais."${tablename}"`))) as unknown as { rows: Array<{ n: number }> };
    parts.push(`${tablename}=${r.rows[0]!.n}`);
  }
  return parts.join(' ');
}

const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.record({ as: fc.string(), conversationId: fc.string(), text: fc.string(), action: fc.string(), value: fc.string() }).map((o) => JSON.stringify(o)),
  fc.record({ type: fc.constantFrom('message', 'invoke', 'conversationUpdate'), text: fc.string(), from: fc.record({ id: fc.string() }), serviceUrl: fc.webUrl() }).map((o) => JSON.stringify(o)),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
);
const header = fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.constantFrom(...PATHS),
  suffix: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`), fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s))),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
  authorization: fc.oneof(fc.constant(''), header.map((s) => `Bearer ${s}`), fc.constant('Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln')),
  // Half the requests get past the playground guard, so the handlers behind it are fuzzed too.
  withCookie: fc.boolean(),
  body,
});

/** Random requests to every endpoint of the shared server: never a 5xx, never a stack trace, never a write. */
describe('fuzzing the HTTP endpoints', () => {
  let db: DatabaseHandle;
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    db = await openTestPglite();
    h = await createHarness(db, {
      extractor: scriptedExtractor(() => ({})),
      env: {
        PORT: '0', PLAYGROUND_TOKEN: 'fuzz-playground-token-0123456789', TEAMS_APP_ID: '2f5a3c1e-8b7d-4c2a-9e1f-3a4b5c6d7e8f', TEAMS_APP_PASSWORD: 'p',
        TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid', TEAMS_TOKEN_URL: 'http://127.0.0.1:9/token', RELAIS_SECRET_KEY: 'fuzz-secret-key-0123456789abcdef0123',
      },
    });
    url = (await serve(h.relais)).url;
  });
  afterAll(async () => {
    await h.relais.lifecycle.stop();
    await db.close();
  });

  it('answers every random request below 500, without a stack, and writes nothing', async () => {
    const before = await counts(db);
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(request, async (r) => {
      const headers: Record<string, string> = r.withCookie ? { cookie: 'relais_playground=fuzz-playground-token-0123456789' } : {};
      if (r.contentType !== '') headers['content-type'] = r.contentType;
      if (r.authorization !== '') headers['authorization'] = r.authorization;
      const res = await fetch(`${url}${r.path}${r.suffix}`, { method: r.method, headers, ...(r.method === 'GET' ? {} : { body: r.body }) });
      const text = await res.text();
      seen.add(`${r.method} ${r.path} ${res.status}`);
      expect(res.status).toBeLessThan(500);
      expect(text).not.toMatch(/\n\s+at [\w.<>]+ \(|node:internal|\.ts:\d+:\d+/);
    }), {
      numRuns: 300,
      // Requests that must reach the handlers whatever the seed (the coverage check below would otherwise depend on luck).
      examples: [
        [{ method: 'GET', path: '/healthz', suffix: '', contentType: '', authorization: '', withCookie: false, body: '' }],
        [{ method: 'GET', path: '/playground/api/people', suffix: '', contentType: '', authorization: '', withCookie: true, body: '' }],
        [{ method: 'POST', path: '/playground/api/send', suffix: '', contentType: 'application/json', authorization: '', withCookie: true, body: '{"as":1}' }],
      ],
    });
    // Events the doors acknowledged are journaled before they reach the inbox table: moved first, so they would count.
    await h.stored();
    expect(await counts(db)).toBe(before);
    // The fuzzing reached the handlers, not only the guards.
    expect([...seen]).toEqual(expect.arrayContaining(['GET /healthz 200', 'GET /playground/api/people 200']));
    expect([...seen].some((s) => /^POST \/playground\/api\/send 4\d\d$/.test(s))).toBe(true);
  }, 240_000);
});
