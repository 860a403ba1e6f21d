import { silentLogger } from '../../src/core/ports/logger.js';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.js';
import { createOpenAiClient } from '../../src/llm/openai-client.js';
import { createOpenAiTranscriber, MAX_AUDIO_BYTES } from '../../src/llm/openai-transcriber.js';
import { FakeClock } from '../support/fake-clock.js';
import { httpError, OpenAiStandIn } from '../support/openai-stand-in.js';
import { MemoryUsage } from './llm-harness.js';

const server = new OpenAiStandIn(() => ({
  kind: 'http', status: 200, headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ text: ' Lucas a tondu la pelouse du stade. ', usage: { type: 'tokens', input_tokens: 40, output_tokens: 9, total_tokens: 49 } }),
}));
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
beforeEach(() => server.reset());

function transcriber() {
  const clock = new FakeClock('2026-11-02T17:00:00Z');
  const usage = new MemoryUsage();
  const t = createOpenAiTranscriber({
    client: createOpenAiClient({ baseUrl: server.baseUrl, apiKey: 'k', timeoutMs: 2000 }),
    model: 'whisper-stand-in', breaker: new CircuitBreaker(clock, { failureThreshold: 2, openMs: 60_000 }), usage, clock, logger: silentLogger,
  });
  return { t, usage };
}

const AUDIO = new Uint8Array([0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4d, 0x34, 0x41, 0x20]);

describe('transcriber on the audio transcription endpoint', () => {
  it('sends the audio named after its real format, in French, and returns the text', async () => {
    const { t, usage } = transcriber();
    expect(await t.transcribe(AUDIO, 'audio/x-m4a')).toEqual({ ok: true, value: { text: 'Lucas a tondu la pelouse du stade.', engine: 'whisper-stand-in' } });
    const [request] = server.requests;
    expect(request!.path).toBe('/v1/audio/transcriptions');
    expect(request!.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(request!.raw).toMatch(/filename="note\.m4a"/);
    expect(request!.raw).toMatch(/name="model"\r\n\r\nwhisper-stand-in/);
    expect(request!.raw).toMatch(/name="language"\r\n\r\nfr/);
    expect(usage.entries).toEqual([expect.objectContaining({ purpose: 'transcription', promptTokens: 40, completionTokens: 9 })]);
  });

  it('refuses empty, oversized and unknown audio without calling the provider', async () => {
    const { t } = transcriber();
    expect(await t.transcribe(new Uint8Array(), 'audio/webm')).toEqual({ ok: false, code: 'audio.empty' });
    expect(await t.transcribe(new Uint8Array(MAX_AUDIO_BYTES + 1), 'audio/webm')).toEqual({ ok: false, code: 'audio.too_large' });
    expect(await t.transcribe(AUDIO, 'application/pdf')).toEqual({ ok: false, code: 'audio.unsupported' });
    expect(server.requests).toHaveLength(0);
  });

  it('says unavailable when the provider fails, and stops calling after repeated failures', async () => {
    server.setDefault(() => httpError(500));
    const { t } = transcriber();
    for (let i = 0; i < 3; i++) expect(await t.transcribe(AUDIO, 'audio/ogg; codecs=opus')).toEqual({ ok: false, code: 'transcription.unavailable' });
    expect(server.requests).toHaveLength(2);
  });
});
