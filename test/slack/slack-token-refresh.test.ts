import { silentLogger } from '../../src/core/ports/logger.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { createSlackClients } from '../../src/platforms/slack/slack-client.js';
import { createSlackInstaller } from '../../src/platforms/slack/slack-oauth.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleInstallationStore } from '../../src/storage/stores/drizzle-installation-store.js';
import { createTokenCipher } from '../../src/storage/token-cipher.js';
import { FakeClock } from '../support/fake-clock.js';
import { startSlackStandIn, type SlackStandIn } from '../support/slack-web-api.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

describe.each(databaseTargets())('Slack token rotation across instances on $name', ({ open }) => {
  let db: DatabaseHandle;
  let slack: SlackStandIn;
  beforeAll(async () => {
    db = await open();
    slack = await startSlackStandIn({ botToken: 'xoxb-unused' });
  });
  afterAll(async () => {
    await slack.close();
    await db.close();
  });
  beforeEach(async () => truncateAll(db));

  it('refreshes a rotated token once when several instances need it at the same moment', async () => {
    const cipher = createTokenCipher(Buffer.alloc(32, 7));
    const clock = new FakeClock('2026-11-02T08:00:00Z');
    await new DrizzleInstallationStore(db.db, cipher).save({
      platform: 'slack', workspaceId: 'T0SECOND', botToken: 'xoxe.xoxb-old', refreshToken: 'xoxe-1-refresh-old',
      expiresAt: new Date(clock.now().getTime() + 60_000),
    });
    // Three instances: each its own installer (and in-process lock), one database.
    const instances = [1, 2, 3].map(() => createSlackInstaller({
      clientId: '1234.5678', clientSecret: 'test-client-secret', stateSecret: 'state', apiUrl: slack.apiUrl, clock,
      clients: createSlackClients({ apiUrl: slack.apiUrl, logger: silentLogger }),
      store: new DrizzleInstallationStore(db.db, cipher), t: createTranslator('fr'), logger: silentLogger,
    }));
    const tokens = await Promise.all(instances.flatMap((i) => [i.tokenFor('T0SECOND'), i.tokenFor('T0SECOND')]));
    const refreshes = slack.callsOf('oauth.v2.access').filter((c) => c.args['grant_type'] === 'refresh_token');
    expect(refreshes).toHaveLength(1);
    expect(new Set(tokens)).toEqual(new Set([tokens[0]]));
    expect(tokens[0]).toMatch(/^xoxe\.xoxb-2-issued-/);
    const stored = await new DrizzleInstallationStore(db.db, cipher).find('slack', 'T0SECOND');
    expect(stored).toMatchObject({ botToken: tokens[0], refreshToken: expect.stringMatching(/^xoxe-1-refresh-/) });
  }, 30_000);
});
