import { inbox, outbox, platformIdentities } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createTeamsHarness, type TeamsHarness } from '../support/teams-harness.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();
const extractor = scriptedExtractor(() => ({}));

describe.each(databaseTargets())('Teams authentication on $name', ({ open }) => {
  let db: DatabaseHandle;
  let th: TeamsHarness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  afterEach(async () => th.close());

  const nothingStored = async () => {
    await th.h.stored();
    expect(await db.db.select().from(inbox)).toEqual([]);
    expect(await db.db.select().from(outbox)).toEqual([]);
    expect(await db.db.select().from(platformIdentities)).toEqual([]);
    expect(th.connector.calls).toEqual([]);
  };

  describe('with credentials', () => {
    beforeEach(async () => {
      await truncateAll(db);
      th = await createTeamsHarness(db, { extractor });
    });

    it.each([
      ['no token', null],
      ['a token that is not a JWT', 'not-a-jwt'],
      ['an expired token', { expiresInSeconds: -600 }],
      ['a token for another bot', { audience: '00000000-0000-4000-8000-000000000000' }],
      ['a token from another issuer', { issuer: 'https://sts.windows.net/someone/' }],
      ['a token signed by an unknown key', { key: 'unpublished' as const }],
      ['a key not endorsed for Teams', { key: 'unendorsed' as const }],
      ['a symmetric (HS256) token', { alg: 'HS256' as const }],
      ['a token for another serviceUrl', { serviceUrl: 'https://smba.trafficmanager.net/amer/' }],
    ])('answers 401 to %s and stores nothing', async (_name, token) => {
      const activity = th.a.personalMessage(th.user('demo-eti-ev'), 'aide');
      const res = await th.post(activity, token);
      expect(res.status).toBe(401);
      await th.h.drain();
      await nothingStored();
    });

    it('accepts a valid token, and reads the signing keys once a day, not once a request', async () => {
      const eti = th.user('demo-eti-ev');
      for (const text of ['aide', 'bonjour', 'merci']) expect((await th.post(th.a.personalMessage(eti, text))).status).toBe(200);
      await th.h.stored();
      expect(await db.db.select().from(inbox)).toHaveLength(3);
      expect(th.auth.counts.keys).toBe(1);
      th.h.clock.advance(25 * 3600_000);
      expect((await th.post(th.a.personalMessage(eti, 'aide'))).status).toBe(200);
      expect(th.auth.counts.keys).toBe(2);
    });

    it('refuses an activity whose body is not one (after authentication) with 400', async () => {
      const res = await fetch(`${th.url}/api/messages`, {
        method: 'POST', body: JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: th.connector.serviceUrl }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await th.auth.sign({ serviceUrl: th.connector.serviceUrl, now: th.h.clock.now() })}` },
      });
      expect(res.status).toBe(400);
      await nothingStored();
    });
  });

  it('refuses another tenant when the bot is single-tenant', async () => {
    await truncateAll(db);
    th = await createTeamsHarness(db, { extractor, env: { TEAMS_TENANT_ID: '11111111-2222-4333-8444-555555555555' } });
    const res = await th.post(th.a.personalMessage(th.user('demo-eti-ev'), 'aide'));
    expect(res.status).toBe(403);
    await nothingStored();
  });

  it('in development without credentials, accepts activities with no token', async () => {
    await truncateAll(db);
    th = await createTeamsHarness(db, { extractor, env: { TEAMS_APP_ID: '', TEAMS_APP_PASSWORD: '', TEAMS_ALLOW_UNAUTHENTICATED: 'true' } });
    expect((await th.post(th.a.personalMessage(th.user('demo-eti-ev'), 'aide'), null)).status).toBe(200);
    await th.h.stored();
    expect(await db.db.select().from(inbox)).toHaveLength(1);
  });
});
