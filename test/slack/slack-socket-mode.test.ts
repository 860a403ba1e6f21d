import { inbox, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { TEAM_ID } from '../support/slack-web-api.js';
import { openTestPglite } from '../support/test-database.js';

/** Polls a condition (at most 100 times, 50 ms apart); fails the test when it never holds. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('condition never met');
}

describe('Slack in Socket Mode (SLACK_BOT_TOKEN + SLACK_APP_TOKEN only)', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => {
    db = await openTestPglite();
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})), env: { SLACK_APP_TOKEN: 'xapp-1-A0RELAIS-test' } });
  });
  afterAll(async () => {
    await sh.h.relais.slack?.stop();
    await sh.close();
    await db.close();
  });

  it('needs no public route, connects through apps.connections.open, acknowledges envelopes and stores each event once', async () => {
    expect(sh.h.relais.config.slack?.mode).toBe('socket');
    expect(sh.h.relais.routes.some((r) => r.path.startsWith('/slack'))).toBe(false);
    await sh.h.relais.slack!.start();
    await sh.slack.socketMode.connected();
    expect(sh.slack.callsOf('apps.connections.open')[0]!.token).toBe('xapp-1-A0RELAIS-test');

    const eti = sh.user('demo-eti-ev');
    const body = { type: 'event_callback', team_id: TEAM_ID, event_id: 'EvS1', event: sh.dmMessage(eti, 'Tout le monde était là, 80 m2 de tonte.', '1762100400.000100') };
    const ack = await sh.slack.socketMode.push({ envelope_id: 'env-1', type: 'events_api', payload: body });
    expect(ack).toMatchObject({ envelope_id: 'env-1' });
    // Bolt acknowledges Events API envelopes on receipt in Socket Mode: wait until the event is stored.
    await until(async () => (await db.db.select().from(inbox)).length > 0);
    // A redelivery of the same event (Slack retries unacknowledged envelopes) makes no second note.
    await sh.slack.socketMode.push({ envelope_id: 'env-2', type: 'events_api', payload: body });
    await sh.h.drain();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(slackText(sh.slack.shown(sh.dmOf(eti))[0]!)).toContain('Brouillon');

    const help = await sh.slack.socketMode.push({
      envelope_id: 'env-3', type: 'slash_commands',
      payload: { command: '/relais', text: 'aide', team_id: TEAM_ID, channel_id: sh.dmOf(eti), user_id: eti, trigger_id: 'trig.sm' },
    });
    expect(help).toMatchObject({ envelope_id: 'env-3' });
    await sh.h.drain();
    expect(slackText(sh.slack.shown(sh.dmOf(eti)).at(-1)!)).toContain('Ce que Relais sait faire');
  });
});
