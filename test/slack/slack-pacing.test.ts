import { textReply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { CHANNEL_ID, createSlackHarness, type SlackHarness } from '../support/slack-harness.js';
import { TEAM_ID } from '../support/slack-web-api.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const OTHER = 'C0AUTRE01';

describe('posting to Slack, paced per channel', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})), env: { SLACK_CHANNEL_INTERVAL_MS: '1000' } });
  });
  afterEach(async () => sh.close());

  /** Each message as it appeared, with the (fake) time it was posted, from the test's start. */
  const posted: Array<{ channel: string; text: string; at: number }> = [];
  let t0 = 0;
  const send = async (channel: string, text: string) => sh.h.relais.conversation.uow.stores.outbox.enqueue([
    { key: `pace:${channel}:${text}`, destination: { kind: 'conversation', platform: 'slack', workspaceId: TEAM_ID, conversationId: channel }, reply: textReply(text) },
  ]);
  const step = async () => {
    await sh.h.drain();
    for (const channel of [CHANNEL_ID, OTHER]) {
      for (const m of sh.slack.shown(channel).slice(posted.filter((p) => p.channel === channel).length)) {
        posted.push({ channel, text: m.text, at: sh.h.clock.now().getTime() - t0 });
      }
    }
  };
  const run = async (seconds: number) => {
    for (let i = 0; i < seconds; i++) {
      sh.h.clock.advance(1_000);
      await step();
    }
  };

  it('delivers a burst to one channel in order, one a second, without holding up another channel', async () => {
    posted.length = 0;
    t0 = sh.h.clock.now().getTime();
    for (const n of ['un', 'deux', 'trois', 'quatre', 'cinq']) await send(CHANNEL_ID, n);
    await send(OTHER, 'ailleurs');
    await step();
    expect(posted).toEqual([{ channel: CHANNEL_ID, text: 'un', at: 0 }, { channel: OTHER, text: 'ailleurs', at: 0 }]);
    await run(6);
    expect(posted.filter((p) => p.channel === CHANNEL_ID)).toEqual(
      ['un', 'deux', 'trois', 'quatre', 'cinq'].map((text, i) => ({ channel: CHANNEL_ID, text, at: i * 1_000 })),
    );
    // Waiting for a turn is no failed attempt: Slack was called once per message.
    expect(sh.slack.callsOf('chat.postMessage')).toHaveLength(6);
  }, 30_000);

  it('waits the Retry-After Slack asks for the whole channel, then delivers everything in order', async () => {
    posted.length = 0;
    t0 = sh.h.clock.now().getTime();
    sh.slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 3 });
    for (const n of ['un', 'deux', 'trois']) await send(CHANNEL_ID, n);
    await step();
    expect(posted).toEqual([]);
    expect(sh.slack.callsOf('chat.postMessage')).toHaveLength(1);
    await run(2);
    // Nothing is tried in the channel before the time Slack asked.
    expect(sh.slack.callsOf('chat.postMessage')).toHaveLength(1);
    await run(4);
    expect(posted).toEqual(['un', 'deux', 'trois'].map((text, i) => ({ channel: CHANNEL_ID, text, at: 3_000 + i * 1_000 })));
    expect(sh.slack.callsOf('chat.postMessage')).toHaveLength(4);
  }, 30_000);
});
