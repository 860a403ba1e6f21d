import { installations, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { openTestPglite } from '../support/test-database.js';

const SECOND_TEAM = 'T0SECOND';

describe('Slack OAuth distribution to many workspaces', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => {
    db = await openTestPglite();
    sh = await createSlackHarness(db, {
      extractor: scriptedExtractor(() => ({})),
      env: {
        SLACK_CLIENT_ID: '1234.5678', SLACK_CLIENT_SECRET: 'test-client-secret', SLACK_STATE_SECRET: 'state-secret-for-tests',
        SLACK_TOKEN_KEY: Buffer.alloc(32, 9).toString('base64'), PUBLIC_URL: 'https://relais.example.org',
      },
    });
  });
  afterAll(async () => {
    await sh.close();
    await db.close();
  });

  const get = (path: string, cookie?: string) => fetch(`${sh.url}${path}`, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  const startInstall = async () => {
    const res = await get('/slack/install');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    return { location, cookie, state: location.searchParams.get('state')! };
  };

  it('sends the admin to Slack with the manifest scopes and a signed state, then stores the installation with encrypted tokens', async () => {
    const { location, cookie, state } = await startInstall();
    expect(location.pathname).toBe('/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('1234.5678');
    expect(location.searchParams.get('scope')).toContain('chat:write');
    expect(location.searchParams.get('redirect_uri')).toBe('https://relais.example.org/slack/oauth_redirect');

    // A forged state, a missing cookie or a refused code install nothing.
    expect((await get(`/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(`${state}x`)}`, cookie)).status).toBe(400);
    expect((await get(`/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(state)}`)).status).toBe(400);
    expect((await get(`/slack/oauth_redirect?code=bad-code&state=${encodeURIComponent(state)}`, cookie)).status).toBe(400);
    expect(await db.db.select().from(installations)).toEqual([]);

    const done = await get(`/slack/oauth_redirect?code=good-code&state=${encodeURIComponent(state)}`, cookie);
    expect(done.status).toBe(200);
    const html = await done.text();
    expect(html).toContain('Relais est installé');
    expect(html).toContain('Régie &#60;du&#62; Quartier');
    const [row] = await db.db.select().from(installations);
    expect(row).toMatchObject({ platform: 'slack', workspaceId: SECOND_TEAM, botUserId: expect.any(String), installedBy: 'U0ADMIN' });
    expect(row!.botToken).toMatch(/^v1:/);
    expect(row!.botToken).not.toContain('xoxb');
    expect(row!.refreshToken).not.toContain('xoxe');
  });

  it("answers the new workspace's users with its own token, refreshed when it is about to expire, and forgets it on uninstall", async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    const event = (e: Record<string, unknown>, id: string) => sh.post(JSON.stringify({ type: 'event_callback', team_id: SECOND_TEAM, event_id: id, event: e }), 'application/json');
    expect((await event(sh.dmMessage(eti, 'aide', '1762100300.000100'), 'EvO1')).status).toBe(200);
    await sh.h.drain();
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('Ce que Relais sait faire');
    expect(sh.slack.callsOf('chat.postMessage').at(-1)!.token).toBe('xoxe.xoxb-2-issued-1');

    // 12 hours later the token is about to expire: refreshed once, the new one is used and stored.
    sh.h.clock.advance(12 * 3_600_000 - 60_000);
    expect((await event(sh.dmMessage(eti, 'aide', '1762100301.000100'), 'EvO2')).status).toBe(200);
    await sh.h.drain();
    expect(sh.slack.callsOf('oauth.v2.access').filter((c) => c.args['grant_type'] === 'refresh_token')).toHaveLength(1);
    expect(sh.slack.callsOf('chat.postMessage').at(-1)!.token).toBe('xoxe.xoxb-2-issued-2');
    expect(await db.db.select().from(shiftNotes)).toEqual([]);

    expect((await event({ type: 'app_uninstalled' }, 'EvO3')).status).toBe(200);
    expect(await db.db.select().from(installations)).toEqual([]);
  });
});
