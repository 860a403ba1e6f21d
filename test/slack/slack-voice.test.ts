import { silentLogger } from '../../src/core/ports/logger.js';
import { ok, type Result } from '../../src/core/result.js';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.js';
import { createOpenAiClient } from '../../src/llm/openai-client.js';
import { createOpenAiTranscriber } from '../../src/llm/openai-transcriber.js';
import { MemoryUsage } from '../llm/llm-harness.js';
import { FakeClock } from '../support/fake-clock.js';
import { httpError, OpenAiStandIn } from '../support/openai-stand-in.js';
import type { Transcriber, Transcript, TranscriptionErrorCode } from '../../src/core/ports/transcriber.js';
import { eq } from 'drizzle-orm';
import { inbox, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { openTestPglite } from '../support/test-database.js';

/** A transcriber that records what it was given and answers a fixed text: a stand-in for a speech-to-text API. */
class RecordingTranscriber implements Transcriber {
  readonly received: Array<{ audio: Buffer; mime: string }> = [];
  async transcribe(audio: Uint8Array, mime: string): Promise<Result<Transcript, TranscriptionErrorCode>> {
    this.received.push({ audio: Buffer.from(audio), mime });
    return ok({ text: `Tout le monde était là, ${audio.length} m2 de tonte.`, engine: 'test' });
  }
}

const clip = (userId: string, dm: string, ts: string, file: Record<string, unknown>) => ({
  type: 'message', subtype: 'file_share', channel: dm, channel_type: 'im', user: userId, text: '', ts,
  files: [{ id: 'F0CLIP', name: 'audio_message.m4a', mimetype: 'audio/mp4', filetype: 'm4a', subtype: 'slack_audio', ...file }],
});

describe('voice clips in Slack', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  const transcriber = new RecordingTranscriber();
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  afterEach(async () => sh.close());
  const settle = async () => {
    await sh.h.relais.slack!.settle();
    await sh.h.drain();
  };

  it("uses Slack's own transcript as the note, shown in the draft; without one and without dictation, says so in French", async () => {
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})) });
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    await sh.event(clip(eti, dm, '1762100200.000100', { transcription: { status: 'complete', locale: 'fr-FR', preview: { content: 'Tout le monde était là, 120 m2 de tonte.', has_more: false } } }));
    await settle();
    const [note] = await db.db.select().from(shiftNotes);
    expect(note).toMatchObject({ rawText: 'Tout le monde était là, 120 m2 de tonte.', source: 'voice' });
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('Transcription : « Tout le monde était là, 120 m2 de tonte. »');

    await sh.event(clip(eti, dm, '1762100201.000100', { transcription: { status: 'failed' } }));
    await settle();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm).at(-1)!)).toContain('la dictée n’est pas configurée');
    expect(sh.slack.calls.some((c) => c.method.startsWith('files'))).toBe(false);
  });

  it('downloads the clip with the bot token for the transcriber, and never sends the token elsewhere', async () => {
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})), transcriber });
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    const audio = Buffer.from('fake-m4a-bytes-0123456789');
    sh.slack.files.set('F0CLIP', { info: { id: 'F0CLIP', mimetype: 'audio/mp4' }, content: audio });
    await sh.event(clip(eti, dm, '1762100202.000100', { url_private_download: `${sh.slack.url}/files/F0CLIP` }));
    await settle();
    expect(transcriber.received).toHaveLength(1);
    expect(transcriber.received[0]!.audio.equals(audio)).toBe(true);
    expect(transcriber.received[0]!.mime).toBe('audio/mp4');
    const notes = await db.db.select().from(shiftNotes);
    expect(notes.map((n) => n.rawText)).toContain(`Tout le monde était là, ${audio.length} m2 de tonte.`);

    // A file URL on another host never gets the token: nothing downloaded, the user is told.
    await sh.event(clip(eti, dm, '1762100203.000100', { url_private_download: 'https://evil.example/files/F0CLIP' }));
    await settle();
    expect(transcriber.received).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm).at(-1)!)).toContain('Je n’ai pas réussi à transcrire');
  });

  it('stores a clip before answering and transcribes it in the inbox worker: a provider 500 is retried, a redelivery ignored', async () => {
    const provider = new OpenAiStandIn(() => ({
      kind: 'http', status: 200, headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Tout le monde était là, 80 m2 de tonte.' }),
    }));
    await provider.start();
    try {
      const clock = new FakeClock('2026-11-02T16:30:00Z');
      const whisper = createOpenAiTranscriber({
        client: createOpenAiClient({ baseUrl: provider.baseUrl, apiKey: 'k', timeoutMs: 2000 }), model: 'whisper-stand-in',
        breaker: new CircuitBreaker(clock, { failureThreshold: 3, openMs: 60_000 }), usage: new MemoryUsage(), clock, logger: silentLogger,
      });
      sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})), transcriber: whisper });
      await db.db.delete(shiftNotes);
      const eti = sh.user('demo-eti-ev');
      const dm = sh.dmOf(eti);
      sh.slack.files.set('F0CLIP', { info: { id: 'F0CLIP', mimetype: 'audio/mp4' }, content: Buffer.from('fake-m4a-bytes') });
      provider.script(httpError(500));
      const event = clip(eti, dm, '1762100300.000100', { url_private_download: `${sh.slack.url}/files/F0CLIP` });
      expect((await sh.event(event, { eventId: 'EvClip' })).status).toBe(200);
      // Acknowledged: the clip is in the inbox before anything was downloaded or transcribed.
      await sh.h.stored();
      const [stored] = await db.db.select().from(inbox).where(eq(inbox.dedupeKey, `slack:${dm}:1762100300.000100:voice`));
      expect(stored).toMatchObject({ kind: 'slack.voice', status: 'pending' });
      expect(provider.requests).toHaveLength(0);

      await settle();
      expect(provider.requests).toHaveLength(1);
      expect(await db.db.select().from(shiftNotes)).toHaveLength(0);
      await sh.h.stored();
      const [failed] = await db.db.select().from(inbox).where(eq(inbox.dedupeKey, `slack:${dm}:1762100300.000100:voice`));
      expect(failed).toMatchObject({ status: 'pending', attempt: 1, lastError: expect.stringContaining('transcription.unavailable') });

      // Slack redelivers the event meanwhile: dropped at the door.
      expect((await sh.event(event, { eventId: 'EvClip', retryNum: 1 })).status).toBe(200);
      sh.h.clock.advance(1_500);
      await settle();
      expect(provider.requests).toHaveLength(2);
      const notes = await db.db.select().from(shiftNotes);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ rawText: 'Tout le monde était là, 80 m2 de tonte.', source: 'voice', status: 'draft' });
      expect(sh.slack.shown(dm)).toHaveLength(1);
      expect(slackText(sh.slack.shown(dm)[0]!)).toContain('Transcription : « Tout le monde était là, 80 m2 de tonte. »');

      // Nothing left to do, and a later redelivery changes nothing.
      expect((await sh.event(event, { eventId: 'EvClip', retryNum: 2 })).status).toBe(200);
      sh.h.clock.advance(60_000);
      await settle();
      expect(provider.requests).toHaveLength(2);
      expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    } finally {
      await provider.stop();
    }
  }, 30_000);

  it('tells the user in French when every transcription attempt failed, once', async () => {
    const down: Transcriber = { transcribe: async () => ({ ok: false, code: 'transcription.unavailable' }) };
    sh = await createSlackHarness(db, { extractor: scriptedExtractor(() => ({})), transcriber: down });
    await db.db.delete(shiftNotes);
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    sh.slack.files.set('F0CLIP', { info: { id: 'F0CLIP', mimetype: 'audio/mp4' }, content: Buffer.from('fake-m4a-bytes') });
    await sh.event(clip(eti, dm, '1762100400.000100', { url_private_download: `${sh.slack.url}/files/F0CLIP` }));
    for (let i = 0; i < 8; i++) {
      await settle();
      sh.h.clock.advance(15 * 60_000);
    }
    await sh.h.stored();
    const [item] = await db.db.select().from(inbox).where(eq(inbox.dedupeKey, `slack:${dm}:1762100400.000100:voice`));
    expect(item).toMatchObject({ status: 'dead', attempt: 6 });
    expect(await db.db.select().from(shiftNotes)).toHaveLength(0);
    expect(sh.slack.shown(dm)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('Je n’ai pas réussi à transcrire');
  }, 30_000);
});
