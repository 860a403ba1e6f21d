import type { Reply } from '../../src/core/messages/reply.js';
import type { Delivery } from '../../src/core/ports/message-sender.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { createTeamsConnector } from '../../src/platforms/teams/teams-connector.js';
import { createTeamsSender } from '../../src/platforms/teams/teams-sender.js';
import { createBotTokenProvider } from '../../src/platforms/teams/teams-token.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { outbox } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { startBotFrameworkAuth, type BotFrameworkAuth } from '../support/bot-framework-auth.js';
import { startConnector, type ConnectorStandIn } from '../support/bot-framework-connector.js';
import { FakeClock } from '../support/fake-clock.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { APP_ID, APP_PASSWORD, createTeamsHarness, shownText, type TeamsHarness } from '../support/teams-harness.js';
import { openTestPglite } from '../support/test-database.js';

describe('Teams sends through the outbox', () => {
  let db: DatabaseHandle;
  let th: TeamsHarness;
  beforeAll(async () => {
    db = await openTestPglite();
    th = await createTeamsHarness(db, { extractor: scriptedExtractor(() => ({})) });
    // A known user: later requests make no call to the connector before the reply.
    await th.post(th.a.personalMessage(th.user('demo-eti-ev'), 'bonjour'));
    await th.h.drain();
  });
  afterAll(async () => { await th.close(); await db.close(); });

  const chat = () => th.connector.shown(th.a.personalConversationId(th.user('demo-eti-ev')));
  const say = async (text: string) => expect((await th.post(th.a.personalMessage(th.user('demo-eti-ev'), text))).status).toBe(200);
  const rows = async () => (await db.db.select().from(outbox)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));

  it('waits as long as Teams asks on 429, without using up an attempt', async () => {
    const before = chat().length;
    th.connector.failNext({ status: 429, retryAfter: '7' });
    await say('aide');
    await th.h.drain();
    expect(chat()).toHaveLength(before);
    const waiting = (await rows()).at(-1)!;
    expect(waiting).toMatchObject({ status: 'pending', attempt: 0 });
    expect(waiting.availableAt.getTime() - th.h.clock.now().getTime()).toBe(7000);
    th.h.clock.advance(7000);
    await th.h.drain();
    expect(chat()).toHaveLength(before + 1);
    expect(shownText(chat().at(-1)!.activity)).toContain('Ce que Relais sait faire');
  });

  it('retries after a 5xx, and gives up at once on 403 (the row stays visible as dead)', async () => {
    const before = chat().length;
    th.connector.failNext({ status: 503 });
    await say('merci');
    await th.h.drain();
    expect((await rows()).at(-1)).toMatchObject({ status: 'pending', attempt: 1, lastError: 'teams.http_503' });
    th.h.clock.advance(5000);
    await th.h.drain();
    expect(chat()).toHaveLength(before + 1);

    th.connector.failNext({ status: 403 });
    await say('bonjour');
    await th.h.drain();
    expect((await rows()).at(-1)).toMatchObject({ status: 'dead', lastError: 'teams.http_403' });
    expect(chat()).toHaveLength(before + 1);
  });

  it('keeps its bot token until shortly before it expires', async () => {
    const tokens = th.auth.counts.token;
    await say('aide');
    await say('merci');
    await th.h.drain();
    expect(th.auth.counts.token).toBe(tokens);
    th.h.clock.advance(3600_000);
    await say('aide');
    await th.h.drain();
    expect(th.auth.counts.token).toBe(tokens + 1);
    const last = th.connector.calls.at(-1)!;
    expect(last.authorization).toBe(`Bearer ${th.auth.issued.at(-1)}`);
  });
});

describe('the Teams sender with long replies and updates in place', () => {
  let auth: BotFrameworkAuth;
  let connector: ConnectorStandIn;
  const clock = new FakeClock('2026-11-02T16:30:00Z');
  beforeAll(async () => {
    auth = await startBotFrameworkAuth({ appId: APP_ID, appPassword: APP_PASSWORD });
    connector = await startConnector({ isValidToken: (token) => auth.issued.includes(token) });
  });
  afterAll(async () => { await connector.close(); await auth.close(); });

  const sender = () => createTeamsSender({
    connector: createTeamsConnector({ tokens: createBotTokenProvider({ tokenUrl: auth.tokenUrl, appId: APP_ID, appPassword: APP_PASSWORD, clock }), clock }),
    t: createTranslator('fr'), logger: silentLogger,
  });
  const delivery = (conversationId: string): Delivery => ({ platform: 'teams', workspaceId: 't', conversationId, reference: { serviceUrl: connector.serviceUrl } });
  const lines = (n: number): Reply => ({
    text: 'Liste', blocks: [{ type: 'header', text: 'Liste' }, { type: 'list', items: Array.from({ length: n }, (_, i) => ({ title: `Personne ${i}`, lines: [`« ${'é'.repeat(300)} »`] })) }],
  });

  it('posts a long reply as several messages and updates them in place, adding or taking back parts', async () => {
    const s = sender();
    const first = await s.send(delivery('a:long'), lines(120));
    expect(first.ok).toBe(true);
    const shown = connector.shown('a:long');
    expect(shown.length).toBeGreaterThan(1);
    const ref = (first as { ref: Record<string, unknown> }).ref;
    expect(ref).toMatchObject({ serviceUrl: connector.serviceUrl, conversationId: 'a:long', activityId: shown[0]!.id });

    const shorter = await s.send(delivery('a:long'), lines(3), ref);
    expect(shorter).toMatchObject({ ok: true, ref: { activityId: shown[0]!.id } });
    expect(connector.shown('a:long')).toHaveLength(1);
    expect(connector.shown('a:long')[0]!.updates).toBe(1);

    const longer = await s.send(delivery('a:long'), lines(120), (shorter as { ref: Record<string, unknown> }).ref);
    expect(longer.ok).toBe(true);
    expect(connector.shown('a:long')).toHaveLength(shown.length);
  });

  it('takes back the parts it posted when a later part fails, so a retry never duplicates them', async () => {
    const s = sender();
    await s.send(delivery('a:warmup'), { text: 'x', blocks: [{ type: 'text', text: 'x' }] }); // token fetched
    connector.failNext(null, { status: 502 }); // the first part goes through, the second fails
    const result = await s.send(delivery('a:partial'), lines(120));
    expect(result).toMatchObject({ ok: false, retryAfterMs: 5000 });
    expect(connector.shown('a:partial')).toEqual([]);
  });

  it('posts anew when the message to update was deleted in Teams, and refuses a place it cannot reach', async () => {
    const s = sender();
    const updated = await s.send(delivery('a:gone'), { text: 'x', blocks: [{ type: 'text', text: 'Mise à jour' }] }, { serviceUrl: connector.serviceUrl, conversationId: 'a:gone', activityId: '1:404' });
    expect(updated.ok).toBe(true);
    expect(connector.shown('a:gone')).toHaveLength(1);
    expect(await s.send({ platform: 'teams', workspaceId: 't', conversationId: 'a:x' }, { text: 'x', blocks: [] })).toEqual({ ok: false, permanent: true, reason: 'teams.no_service_url' });
  });
});
