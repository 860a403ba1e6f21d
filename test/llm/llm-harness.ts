import type { LlmUsageEntry, LlmUsageMeter } from '../../src/core/ports/llm-usage.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.js';
import { createLlmShiftNoteExtractor, EXTRACTION_PROMPT_MARKERS } from '../../src/llm/llm-extractor.js';
import { createOpenAiClient } from '../../src/llm/openai-client.js';
import { loadPromptFile } from '../../src/llm/prompt-file.js';
import { PseudonymDirectory } from '../../src/llm/pseudonymizer.js';
import { UserRateLimit } from '../../src/llm/user-rate-limit.js';
import { roster } from '../extraction/helpers.js';
import { FakeClock } from '../support/fake-clock.js';
import type { OpenAiStandIn } from '../support/openai-stand-in.js';

export const directory = new PseudonymDirectory(roster);
export const ph = (id: string): string => directory.placeholderOf(id)!;

/** A usage meter in memory with an optional budget. */
export class MemoryUsage implements LlmUsageMeter {
  readonly entries: LlmUsageEntry[] = [];
  constructor(public budget: number | null = null) {}
  async remaining(): Promise<number | null> {
    if (this.budget === null) return null;
    return this.budget - this.entries.reduce((n, e) => n + e.promptTokens + e.completionTokens, 0);
  }
  async record(entry: LlmUsageEntry): Promise<void> {
    this.entries.push(entry);
  }
}

export interface Harness {
  readonly extractor: ShiftNoteExtractor;
  readonly sleeps: number[];
  readonly clock: FakeClock;
  readonly usage: MemoryUsage;
  readonly breaker: CircuitBreaker;
}

export function llmExtractorFor(server: OpenAiStandIn, options: { timeoutMs?: number; sendSpecialCategories?: boolean; budget?: number | null; perHour?: number } = {}): Harness {
  const sleeps: number[] = [];
  const clock = new FakeClock('2026-12-01T17:00:00Z');
  const usage = new MemoryUsage(options.budget ?? null);
  const breaker = new CircuitBreaker(clock, { failureThreshold: 3, openMs: 60_000 });
  const extractor = createLlmShiftNoteExtractor({
    client: createOpenAiClient({ baseUrl: server.baseUrl, apiKey: 'sk-test-key', timeoutMs: options.timeoutMs ?? 2000 }),
    model: 'stand-in-model',
    prompt: loadPromptFile('extraction', EXTRACTION_PROMPT_MARKERS),
    rules: createRulesShiftNoteExtractor(),
    sendSpecialCategories: options.sendSpecialCategories ?? false,
    breaker, usage, clock, logger: silentLogger,
    retry: { retries: 2, maxWaitMs: 5000, backoffMs: 100 },
    sleep: async (ms) => { sleeps.push(ms); },
    ...(options.perHour !== undefined ? { userLimit: new UserRateLimit(clock, options.perHour) } : {}),
  });
  return { extractor, sleeps, clock, usage, breaker };
}

export const context = { roster, authorId: 'eti', shiftDate: '2026-12-01' };

export const empty = { attendance: [], observations: [], production: [], incidents: [], alerts: [], unknownNames: [] };

/** The note as the stand-in received it (between the <note> tags). */
export function sentNote(body: { messages: Array<{ content: string }> }): string {
  const last = body.messages.find((m) => m.content.startsWith('<note>'))!.content;
  return last.replace(/^<note>\n/, '').replace(/\n<\/note>$/, '');
}
