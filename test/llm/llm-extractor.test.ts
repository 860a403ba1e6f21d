import { shiftNoteExtractionSchema } from '../../src/core/extraction/shift-note-extraction.js';
import { parsePromptFile, PromptFileError } from '../../src/llm/prompt-file.js';
import {
  answer, contentFiltered, hang, httpError, malformed, OpenAiStandIn, refusal, truncated,
} from '../support/openai-stand-in.js';
import { context, empty, llmExtractorFor, ph, sentNote } from './llm-harness.js';

const server = new OpenAiStandIn();
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
beforeEach(() => server.reset());

const NOTE = "Grégory a bien tondu 2500 m2 ce matin. Momo est arrivé à 9h. Pierre m'a dit qu'il dort dans sa voiture depuis lundi.";

/** A good answer to NOTE, written against the pseudonymised text. */
const good = () => ({
  ...empty,
  attendance: [{ person: ph('momo'), status: 'late', excused: null, minutes: null }],
  observations: [{ person: ph('greg'), category: 'qualite', polarity: 'positive', evidence: `${ph('greg')} a bien tondu 2500 m2` }],
  production: [{ activity: 'tonte', quantity: 2500, unit: 'm2' }],
});

async function run(h: ReturnType<typeof llmExtractorFor>, note = NOTE) {
  const result = await h.extractor.extract(note, context);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  expect(shiftNoteExtractionSchema.safeParse(result.value.extraction).success).toBe(true);
  return result.value;
}

describe('LLM extractor against an OpenAI-compatible stand-in', () => {
  it('sends the note pseudonymised as delimited data, maps persons and quotes back, and keeps the rules engine alerts', async () => {
    server.script(answer(good()));
    const out = await run(llmExtractorFor(server));
    expect(out).toMatchObject({ engine: 'llm', degraded: false });
    expect(out.extraction.observations).toEqual([{ person: 'greg', category: 'qualite', polarity: 'positive', evidence: 'Grégory a bien tondu 2500 m2' }]);
    expect(out.extraction.attendance).toEqual([{ person: 'momo', status: 'late', excused: null, minutes: null }]);
    // The model gave no alert; the rules engine's housing alert is kept (union).
    expect(out.extraction.alerts.map((a) => `${a.person}:${a.topic}`)).toEqual(['pierre:logement']);
    const [request] = server.chatRequests;
    expect(request!.model).toBe('stand-in-model');
    expect(request!.response_format?.type).toBe('json_schema');
    expect(request!.messages.map((m) => m.role)).toEqual(['system', 'user', 'user']);
    expect(sentNote(request!)).toBe(`${ph('greg')} a bien tondu 2500 m2 ce matin. ${ph('momo')} est arrivé à 9h. ${ph('pierre')} m'a dit qu'il dort dans sa voiture depuis lundi.`);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test-key');
  });

  it('drops an invented person and an invented or withheld quote, never showing them', async () => {
    server.script(answer({
      ...good(),
      observations: [
        ...good().observations,
        { person: 'Salarié ZZ', category: 'relation', polarity: 'negative', evidence: 'a bien tondu' },
        { person: 'Jean Dupont', category: 'relation', polarity: 'negative', evidence: 'a bien tondu' },
        { person: ph('rose'), category: 'relation', polarity: 'negative', evidence: 'Rose a insulté le client' },
      ],
      alerts: [{ person: ph('greg'), topic: 'violence', evidence: 'il a frappé un collègue' }],
    }));
    const out = await run(llmExtractorFor(server));
    expect(out.extraction.observations.map((o) => o.person)).toEqual(['greg']);
    expect(out.extraction.alerts.map((a) => `${a.person}:${a.topic}`)).toEqual(['pierre:logement']);
  });

  it('accepts attendance of unnamed team members only when the note speaks of everyone', async () => {
    const all = { ...empty, attendance: [ph('rose'), ph('nadia')].map((person) => ({ person, status: 'present', excused: null, minutes: null })) };
    server.script(answer(all), answer(all));
    const h = llmExtractorFor(server);
    expect((await run(h, 'Greg a tondu.')).extraction.attendance).toEqual([]);
    expect((await run(h, 'Tout le monde était là, Greg a tondu.')).extraction.attendance.map((a) => a.person)).toEqual(['rose', 'nadia']);
  });

  it('repairs a quote that differs only by case and spacing, using the note\'s own words', async () => {
    server.script(answer({ ...empty, observations: [{ person: ph('greg'), category: 'rythme', polarity: 'positive', evidence: `${ph('greg')}   A BIEN tondu` }] }));
    const out = await run(llmExtractorFor(server));
    expect(out.extraction.observations[0]!.evidence).toBe('Grégory a bien tondu');
  });

  it.each([
    ['a timeout', () => server.script(hang())],
    ['three 500s', () => server.script(httpError(500), httpError(502), httpError(503))],
    ['a 429 asking to wait too long', () => server.script(httpError(429, { 'retry-after': '3600' }))],
    ['a content filter stop', () => server.script(contentFiltered())],
    ['off-schema JSON twice', () => server.script(answer({ attendance: 'oui' }), answer({ nope: true }))],
    ['a refusal twice', () => server.script(refusal(), refusal())],
    ['a 401', () => server.script(httpError(401))],
  ])('falls back to the rules engine, marked degraded, after %s', async (_name, script) => {
    script();
    const out = await run(llmExtractorFor(server, { timeoutMs: 300 }));
    expect(out).toMatchObject({ engine: 'rules', degraded: true });
    expect(out.extraction.alerts.map((a) => a.person)).toEqual(['pierre']);
    expect(out.extraction.production).toEqual([expect.objectContaining({ quantity: 2500, unit: 'm2' })]);
  });

  it('waits as long as Retry-After says on a 429, then succeeds', async () => {
    server.script(httpError(429, { 'retry-after': '2' }), answer(good()));
    const h = llmExtractorFor(server);
    expect(await run(h)).toMatchObject({ engine: 'llm', degraded: false });
    expect(h.sleeps).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('backs off and retries after a 5xx', async () => {
    server.script(httpError(503), answer(good()));
    const h = llmExtractorFor(server);
    expect(await run(h)).toMatchObject({ engine: 'llm' });
    expect(h.sleeps).toEqual([100]);
  });

  it.each([
    ['truncated JSON (finish_reason length)', truncated(good())],
    ['malformed JSON', malformed(good())],
    ['off-schema JSON', answer({ ...good(), attendance: [{ person: ph('momo'), status: 'en retard' }] })],
    ['a refusal', refusal()],
  ])('makes one repair attempt carrying the validation error after %s', async (_name, first) => {
    server.script(first, answer(good()));
    const out = await run(llmExtractorFor(server));
    expect(out).toMatchObject({ engine: 'llm', degraded: false });
    expect(server.chatRequests).toHaveLength(2);
    const repair = server.chatRequests[1]!.messages.at(-1)!;
    expect(repair.role).toBe('user');
    expect(repair.content).toMatch(/rejetée \((réponse tronquée|JSON invalide|schéma non respecté|refus du modèle)/);
  });

  it('opens the circuit after repeated failures so later notes do not wait, then tries again after the pause', async () => {
    server.setDefault(() => httpError(500));
    const h = llmExtractorFor(server);
    for (let i = 0; i < 3; i++) await run(h);
    const before = server.requests.length;
    expect(h.breaker.state).toBe('open');
    expect(await run(h)).toMatchObject({ engine: 'rules', degraded: true });
    expect(server.requests.length).toBe(before);
    h.clock.advance(61_000);
    server.script(answer(good()));
    expect(await run(h)).toMatchObject({ engine: 'llm', degraded: false });
    expect(h.breaker.state).toBe('closed');
    server.setDefault(() => httpError(500));
  });

  it('counts tokens per call and stops calling once the monthly budget is spent', async () => {
    server.script(answer(good()));
    const h = llmExtractorFor(server, { budget: 150 });
    expect(await run(h)).toMatchObject({ engine: 'llm' });
    expect(h.usage.entries).toEqual([expect.objectContaining({ purpose: 'extraction', model: 'stand-in-model', promptTokens: 100, outcome: 'ok' })]);
    expect(h.usage.entries[0]!.completionTokens).toBeGreaterThan(50);
    expect(await run(h)).toMatchObject({ engine: 'rules', degraded: true });
    expect(server.requests).toHaveLength(1);
  });

  it('limits model calls per author and per hour; beyond it the rules engine answers', async () => {
    server.setDefault(() => answer(good()));
    const h = llmExtractorFor(server, { perHour: 2 });
    expect((await run(h)).engine).toBe('llm');
    expect((await run(h)).engine).toBe('llm');
    const limited = await h.extractor.extract(NOTE, context);
    expect(limited.ok && limited.value).toMatchObject({ engine: 'rules', degraded: true, fallbackReason: 'user_rate_limited' });
    expect(server.requests).toHaveLength(2);
    const other = await h.extractor.extract(NOTE, { ...context, authorId: 'eti2' });
    expect(other.ok && other.value.engine).toBe('llm');
    h.clock.advance(3_600_001);
    expect((await run(h)).engine).toBe('llm');
    server.setDefault(() => httpError(500));
  });

  it('keeps the same errors as the rules engine for bad input, without calling the provider', async () => {
    const h = llmExtractorFor(server);
    expect(await h.extractor.extract('   ', context)).toEqual({ ok: false, code: 'note.empty' });
    expect(await h.extractor.extract('Greg est là', { ...context, authorId: 'nobody' })).toEqual({ ok: false, code: 'author.unknown' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('prompt files', () => {
  it('refuses a prompt without header, with another name, or without its safety rule', () => {
    expect(() => parsePromptFile('extraction', 'Analyse la note.')).toThrow(PromptFileError);
    expect(() => parsePromptFile('extraction', `---\nprompt: other\nversion: 1\n---\n${'x'.repeat(50)}`)).toThrow(/header names/);
    expect(() => parsePromptFile('extraction', `---\nprompt: extraction\nversion: 2\n---\n${'x'.repeat(50)}`, ['<note>'])).toThrow(/<note>/);
    expect(parsePromptFile('extraction', `---\nprompt: extraction\nversion: 2\n---\n<note> ${'x'.repeat(50)}`, ['<note>']).version).toBe(2);
  });
});
