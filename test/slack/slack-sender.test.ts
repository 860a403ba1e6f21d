import { silentLogger } from '../../src/core/ports/logger.js';
import type { MessageSender } from '../../src/core/ports/message-sender.js';
import { createSlackClients } from '../../src/platforms/slack/slack-client.js';
import { createSlackSender } from '../../src/platforms/slack/slack-sender.js';
import { startSlackStandIn, TEAM_ID, type SlackStandIn } from '../support/slack-web-api.js';

const TOKEN = 'xoxb-test-relais';
const reply = (text: string) => ({ text, blocks: [{ type: 'text' as const, text }] });

describe('the Slack MessageSender against a Web API stand-in', () => {
  let slack: SlackStandIn;
  let sender: MessageSender;
  beforeAll(async () => {
    slack = await startSlackStandIn({ botToken: TOKEN });
    sender = createSlackSender({
      clients: createSlackClients({ apiUrl: slack.apiUrl, logger: silentLogger }),
      tokenFor: async (w) => (w === TEAM_ID ? TOKEN : undefined), texts: { more: (n) => `+${n}` }, logger: silentLogger,
    });
  });
  afterAll(async () => slack.close());

  it('posts without link previews, in the thread, then updates in place', async () => {
    const sent = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C1', threadId: '1.000001' }, reply('Bonjour <!here>'));
    expect(sent.ok).toBe(true);
    const post = slack.callsOf('chat.postMessage').at(-1)!;
    expect(post.token).toBe(TOKEN);
    expect(post.args).toMatchObject({ channel: 'C1', thread_ts: '1.000001', unfurl_links: 'false', unfurl_media: 'false', text: 'Bonjour &lt;!here&gt;' });
    const ref = (sent as { ref: Record<string, unknown> }).ref;
    expect(ref).toEqual({ channel: 'C1', ts: slack.shown('C1')[0]!.ts });

    const updated = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C1' }, reply('Validée'), ref);
    expect(updated).toEqual({ ok: true, ref });
    expect(slack.shown('C1')).toHaveLength(1);
    expect(slack.shown('C1')[0]).toMatchObject({ text: 'Validée', updates: 1 });

    // The message was deleted meanwhile: the update is posted as a new message.
    const gone = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C1' }, reply('Encore'), { channel: 'C1', ts: '9.9' });
    expect(gone.ok).toBe(true);
    expect(slack.shown('C1')).toHaveLength(2);
  });

  it('opens the DM when only the user is known', async () => {
    const sent = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: '', userId: 'U42' }, reply('Alerte'));
    expect(sent).toMatchObject({ ok: true, ref: { channel: 'D42' } });
    expect(slack.callsOf('conversations.open').at(-1)!.args).toMatchObject({ users: 'U42' });
    expect(slack.shown('D42')[0]!.text).toBe('Alerte');
  });

  it('joins a public channel it is not in yet, once', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    const sent = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C77' }, reply('Résumé'));
    expect(sent.ok).toBe(true);
    expect(slack.callsOf('conversations.join').at(-1)!.args).toMatchObject({ channel: 'C77' });
    expect(slack.shown('C77')).toHaveLength(1);
  });

  it('turns ratelimited into a rate-limited retry after Retry-After, invalid_auth into a clear dead letter', async () => {
    slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 7 });
    const limited = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C2' }, reply('x'));
    expect(limited).toEqual({ ok: false, rateLimited: true, retryAfterMs: 7_000, reason: 'slack.ratelimited' });
    expect(slack.shown('C2')).toHaveLength(0);

    slack.failNext('chat.postMessage', { error: 'invalid_auth' });
    const refused = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C2' }, reply('x'));
    expect(refused).toMatchObject({ ok: false, permanent: true, reason: expect.stringContaining('SLACK_BOT_TOKEN') });

    slack.failNext('chat.postMessage', { error: 'internal_error', status: 500 });
    const later = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C2' }, reply('x'));
    expect(later).toMatchObject({ ok: false, retryAfterMs: 5_000 });
    expect('permanent' in later).toBe(false);

    const unknownWorkspace = await sender.send({ platform: 'slack', workspaceId: 'T-OTHER', conversationId: 'C2' }, reply('x'));
    expect(unknownWorkspace).toMatchObject({ ok: false, permanent: true });
  });

  it('answers a slash command in a channel through its response_url, ephemeral', async () => {
    const sent = await sender.send({ platform: 'slack', workspaceId: TEAM_ID, conversationId: 'C3', reference: { responseUrl: slack.responseUrl('r1') } }, reply('Aide'));
    expect(sent).toMatchObject({ ok: true, ref: { responseUrl: slack.responseUrl('r1') } });
    expect(slack.responses.at(-1)).toMatchObject({ id: 'r1', body: { response_type: 'ephemeral', text: 'Aide' } });
    expect(slack.shown('C3')).toHaveLength(0);
  });
});
