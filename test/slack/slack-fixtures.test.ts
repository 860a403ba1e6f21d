import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  blockActionIncoming, commandIncoming, commandSchema, envelopeSchema, interactionSchema, messageIncoming, shortcutIncoming, viewSubmissionIncoming,
} from '../../src/platforms/slack/slack-message.js';
import { shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { TEAM_ID } from '../support/slack-web-api.js';
import { openTestPglite } from '../support/test-database.js';
import { sharedDir } from '../support/test-paths.js';

const dir = join(sharedDir, 'fixtures', 'slack');
const present = existsSync(dir);
if (!present) process.stderr.write(`Slack fixture tests skipped: ${dir} is missing (shared fixtures).\n`);
const describeFixtures = present ? describe : describe.skip;
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;

describeFixtures('real Slack payloads (../shared/fixtures/slack)', () => {
  const files = present ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];

  it('parses every sample without error', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    for (const file of files) {
      const json = read(file);
      if (file.startsWith('event-')) {
        const parsed = envelopeSchema.safeParse(json);
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
        const event = parsed.data.event;
        if (event && (event.type === 'message' || event.type === 'app_mention')) expect(() => messageIncoming(parsed.data.team_id ?? '', event, 'UBOT')).not.toThrow();
      } else if (file.startsWith('command-')) {
        const parsed = commandSchema.safeParse(json);
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
        expect(commandIncoming(parsed.data)).toMatchObject({ kind: 'incoming', incoming: { text: '/relais', source: 'command' } });
      } else if (file.startsWith('interaction-')) {
        const parsed = interactionSchema.safeParse(json);
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
        for (const read of [blockActionIncoming, viewSubmissionIncoming, shortcutIncoming]) expect(() => read(parsed.data)).not.toThrow();
      } else {
        expect(file).toMatch(/^api-/);
        expect(typeof json['ok']).toBe('boolean');
      }
    }
  });

  it('reads what Relais needs from the samples: bots and edits apart, clip transcripts, actions', () => {
    const bot = envelopeSchema.parse(read('event-MessageBotPayload.json'));
    expect(messageIncoming('T1', bot.event!, 'UBOT')).toEqual({ kind: 'ignored', reason: 'bot' });
    const changed = envelopeSchema.parse(read('event-MessageChangedPayload.json'));
    expect(messageIncoming('T1', changed.event!, 'UBOT')).toMatchObject({ kind: 'ignored' });
    const deleted = envelopeSchema.parse(read('event-MessageDeletedPayload.json'));
    expect(messageIncoming('T1', deleted.event!, 'UBOT')).toMatchObject({ kind: 'ignored' });
    const reaction = envelopeSchema.parse(read('event-reaction_added.json'));
    expect(reaction).toMatchObject({ team_id: 'T0JFD6M53', event: { type: 'reaction_added' } });

    // A voice clip in a DM, the sample's file filled with values: Slack's transcript becomes the note text.
    const share = envelopeSchema.parse(read('event-MessageFileSharePayload.json'));
    const file = { ...share.event!.files![0]!, id: 'F1', name: 'clip.m4a', mimetype: 'audio/mp4', filetype: 'm4a', subtype: 'slack_audio', transcription: { status: 'complete', locale: 'fr-FR', preview: { content: 'Tout le monde était là', has_more: false } } };
    const clip = messageIncoming('T1', { ...share.event!, bot_id: null, channel: 'D1', channel_type: 'im', user: 'U1', ts: '1.1', text: '', files: [file] }, 'UBOT');
    expect(clip).toMatchObject({ kind: 'incoming', incoming: { source: 'voice', text: 'Tout le monde était là', transcript: 'Tout le monde était là', attachments: [{ kind: 'audio', transcript: 'Tout le monde était là', mimeType: 'audio/mp4' }] } });

    const action = interactionSchema.parse({ ...read('interaction-BlockActionPayload.json'), team: { id: 'T1' }, container: { type: 'message', channel_id: 'D1', message_ts: '1.1' } });
    const actions = action.actions!.map((a) => ({ ...a, action_id: 'note.confirm#1', value: 'n1', action_ts: '2.2' }));
    expect(blockActionIncoming({ ...action, actions })).toMatchObject({ kind: 'incoming', incoming: { kind: 'action', action: 'note.confirm', value: 'n1', place: { kind: 'dm', conversationId: 'D1' } } });
  });
});

describeFixtures('real Slack payloads through the door', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => {
    db = await openTestPglite();
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})) });
  });
  afterAll(async () => {
    await sh.close();
    await db.close();
  });

  it('answers 200 to every event sample, signed, and stores nothing from the value-blanked ones', async () => {
    for (const file of readdirSync(dir).filter((f) => f.startsWith('event-'))) {
      const res = await sh.post(readFileSync(join(dir, file), 'utf8'), 'application/json');
      if (res.status !== 200) throw new Error(`${file}: ${res.status}`);
    }
    await sh.h.drain();
    expect(await db.db.select().from(shiftNotes)).toEqual([]);
  });

  it('turns the message sample, given real values, into a note drafted in the DM', async () => {
    const eti = sh.user('demo-eti-ev');
    const sample = read('event-MessagePayload.json');
    const event = { ...(sample['event'] as Record<string, unknown>) };
    delete event['bot_id'];
    delete event['bot_profile'];
    delete event['subtype'];
    Object.assign(event, { channel: sh.dmOf(eti), channel_type: 'im', user: eti, ts: '1762100100.000100', thread_ts: undefined, parent_user_id: undefined, text: 'Tout le monde était là, 200 m2 de tonte.' });
    const res = await sh.post(JSON.stringify({ ...sample, team_id: TEAM_ID, event_id: 'EvSample', event }), 'application/json');
    expect(res.status).toBe(200);
    await sh.h.drain();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(slackText(sh.slack.shown(sh.dmOf(eti))[0]!)).toContain('Brouillon');
  });
});
