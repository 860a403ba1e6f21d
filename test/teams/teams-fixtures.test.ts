import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from '../../src/i18n/translator.js';
import { AI_ENTITY } from '../../src/platforms/teams/teams-activities.js';
import { activitySchema, attachmentSchema, type TeamsActivity } from '../../src/platforms/teams/teams-activity.js';
import { teamsEvent, type TeamsEvent } from '../../src/platforms/teams/teams-message.js';
import { channelBindings } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import type { Activity } from '../support/teams-activities.js';
import { APP_ID, createTeamsHarness, shownText, TENANT_ID, type TeamsHarness } from '../support/teams-harness.js';
import { cardValidator, errorsOf, haveCardSchema, teamsFixturesDir } from '../support/teams-schemas.js';
import { openTestPglite } from '../support/test-database.js';

const t = createTranslator('fr');
const present = existsSync(teamsFixturesDir);
if (!present) process.stderr.write(`Teams fixture tests skipped: ${teamsFixturesDir} is missing (shared fixtures).\n`);
const describeFixtures = present ? describe : describe.skip;

const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(teamsFixturesDir, file), 'utf8')) as Record<string, unknown>;
/** A recorded request keeps the activity in `body`; documentation samples are the activity itself. */
const activityOf = (file: string): Record<string, unknown> => (file.includes('-request-') ? read(file)['body'] as Record<string, unknown> : read(file));
const eventOf = (file: string): TeamsEvent => teamsEvent(activitySchema.parse(activityOf(file)), t);

describeFixtures('real Teams activities (../shared/fixtures/teams)', () => {
  const files = present ? readdirSync(teamsFixturesDir).filter((f) => f.endsWith('.json')) : [];

  it('parses every sample without error', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const json = read(file);
      if (file === 'SampleFileDownloadInfoAttachment.json') expect(attachmentSchema.safeParse(json).success).toBe(true);
      else if (file.includes('-reply-')) expect((json['body'] as { attachments: unknown[] }).attachments).toHaveLength(1);
      else if (file === 'AdaptiveCardActivity.json') expect(json['type']).toBe('message');
      else {
        const parsed = activitySchema.safeParse(activityOf(file));
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
        expect(() => teamsEvent(parsed.data, t)).not.toThrow();
      }
    }
  });

  it('reads a channel @mention in a thread: mention stripped, channel and thread apart', () => {
    const event = eventOf('teamsnet-message-channel-mention-thread-reply.json');
    expect(event).toMatchObject({ kind: 'incoming', incoming: {
      kind: 'message', text: 'reply to thread',
      user: { platform: 'teams', workspaceId: '50612dbb-0237-4969-b378-8d42590f9c00', userId: 'b15a9416-0ad3-4172-9210-7beb711d3f70' },
      place: { kind: 'channel', conversationId: '19:6848757105754c8981c67612732d9aa7@thread.tacv2', threadId: '1759881511856' },
    } });
    expect(eventOf('20191019180812506-request-integrationBot.json')).toMatchObject({ incoming: { text: 'https://foo.com', place: { threadId: '1571508491752' } } });
  });

  it('reads personal chats, installation events and what is not for Relais', () => {
    expect(eventOf('20191021205338231-request-integrationBot.json')).toMatchObject({ kind: 'incoming', incoming: { text: 'file', place: { kind: 'dm' }, user: { userId: '6d415fdd-f97e-4f70-ac45-e69601e4ecb2' } } });
    expect(eventOf('SampleActivityMessageWithAADObjectId.json')).toMatchObject({ kind: 'incoming', incoming: { text: 'hi', directChannel: { conversationId: 'a:uniqueId' } } });
    expect(eventOf('SampleActivityConversationUpdateWithAADObjectId.json')).toMatchObject({ kind: 'installed', place: { kind: 'dm' } });
    expect(eventOf('docs-installationUpdate-add.json')).toMatchObject({ kind: 'installed', place: { kind: 'channel', conversationId: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2' } });
    expect(eventOf('docs-conversationUpdate-bot-added-to-team.json')).toMatchObject({ kind: 'installed' });
    for (const file of ['20191019181214767-request-integrationBot.json', '20191019235900304-request-integrationBot.json', // a person added, not Relais
      '20191020020654953-request-integrationBot.json', '20191020024307637-request-integrationBot.json', // another app's card data
      '20191020021852930-request-integrationBot.json', '20191020021910141-request-integrationBot.json', 'teamsnet-invoke-adaptiveCard-action.json']) {
      expect({ file, kind: eventOf(file).kind }).toEqual({ file, kind: 'ignored' });
    }
  });

  it('reads a Universal Action of ours and a file sent in a personal chat', () => {
    const invoke = activityOf('teamsnet-invoke-adaptiveCard-action.json') as TeamsActivity & { value: { action: Record<string, unknown> } };
    const ours = { ...invoke, value: { ...invoke.value, action: { ...invoke.value.action, verb: 'note.confirm', data: { value: 'n1' } } } };
    expect(teamsEvent(activitySchema.parse(ours), t)).toMatchObject({ kind: 'incoming', invoke: true, incoming: { kind: 'action', action: 'note.confirm', value: 'n1' } });
    const file = { ...activityOf('SampleActivityMessageWithAADObjectId.json'), text: '', attachments: [read('SampleFileDownloadInfoAttachment.json')] };
    expect(teamsEvent(activitySchema.parse(file), t)).toMatchObject({ incoming: { attachments: [{ kind: 'file', url: 'https://bing.com' }] } });
  });

  it('marks AI-written messages exactly as Teams\' own sample does', () => {
    expect((read('AdaptiveCardActivity.json')['entities'] as unknown[])[0]).toEqual(AI_ENTITY);
  });

  (haveCardSchema ? it : it.skip)('accepts the card Teams recorded with the official schema (our validator is not stricter than Teams)', () => {
    const card = ((read('20191020024036938-reply-integrationBot.json')['body'] as { attachments: Array<{ content: unknown }> }).attachments[0]!).content;
    if (!cardValidator()(card)) throw new Error(errorsOf(cardValidator()));
    expect(cardValidator()({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', colour: 'red' }] })).toBe(false);
  });
});

describeFixtures('real Teams activities drive a conversation', () => {
  let db: DatabaseHandle;
  let th: TeamsHarness;
  beforeAll(async () => {
    db = await openTestPglite();
    th = await createTeamsHarness(db, { extractor: scriptedExtractor(() => ({})) });
  });
  afterAll(async () => { await th.close(); await db.close(); });

  /** The sample as our tenant, bot and connector would send it (ids of people and conversations kept). */
  function adapt(file: string, changes: Record<string, unknown> = {}): Activity {
    const sample = activityOf(file) as { recipient: { id: string }; conversation: { tenantId?: string }; channelData?: { tenant?: { id: string } } };
    const tenant = sample.conversation.tenantId ?? sample.channelData?.tenant?.id;
    let text = JSON.stringify({ ...sample, ...changes, serviceUrl: th.connector.serviceUrl }).replaceAll(sample.recipient.id, `28:${APP_ID}`);
    if (tenant) text = text.replaceAll(tenant, TENANT_ID);
    return JSON.parse(text) as Activity;
  }

  it('welcomes once when added to a team, and binds the channel from a thread @mention', async () => {
    await th.post(adapt('docs-installationUpdate-add.json'));
    await th.post(adapt('docs-conversationUpdate-bot-added-to-team.json'));
    await th.h.drain();
    const channelId = '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2';
    expect(th.connector.shown(channelId)).toHaveLength(1);
    expect(shownText(th.connector.shown(channelId)[0]!.activity)).toContain('Bonjour, je suis Relais');

    const sample = activityOf('teamsnet-message-channel-mention-thread-reply.json') as { from: { id: string } };
    th.connector.members.set(sample.from.id, { email: 'bruno.carrel@demo.relais.invalid' });
    const bind = adapt('teamsnet-message-channel-mention-thread-reply.json', { text: '<at>ridotest</at> /relais équipe lier' });
    expect((await th.post(bind)).status).toBe(200);
    await th.h.drain();
    expect(shownText(th.connector.shown(bind.conversation.id)[0]!.activity)).toContain('Espaces verts');
    expect(await db.db.select().from(channelBindings)).toEqual([expect.objectContaining({ channelId: '19:6848757105754c8981c67612732d9aa7@thread.tacv2' })]);
  });

  it('welcomes a personal install and answers an unknown person politely', async () => {
    await th.post(adapt('SampleActivityConversationUpdateWithAADObjectId.json'));
    const unknown = adapt('20191021205338231-request-integrationBot.json');
    await th.post(unknown);
    await th.h.drain();
    expect(shownText(th.connector.shown('a:uniqueID')[0]!.activity)).toContain('Bonjour, je suis Relais');
    expect(shownText(th.connector.shown(unknown.conversation.id)[0]!.activity)).toContain('Je ne te connais pas encore');
  });
});
