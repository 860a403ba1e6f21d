import type { LlmConfig } from '../config/sections/llm.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { LlmUsageMeter } from '../core/ports/llm-usage.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { createLlmShiftNoteExtractor, EXTRACTION_PROMPT_MARKERS } from './llm-extractor.js';
import { createOpenAiClient } from './openai-client.js';
import { loadPromptFile } from './prompt-file.js';

export interface LlmEngineDeps {
  readonly rules: ShiftNoteExtractor;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly usage: LlmUsageMeter;
}

/**
 * Builds the LLM extraction engine from the config. Prompts are read and
 * checked here, at start: a broken prompt file stops the start with its reason.
 */
export function buildLlmExtractor(config: LlmConfig, deps: LlmEngineDeps): ShiftNoteExtractor {
  const prompt = loadPromptFile('extraction', EXTRACTION_PROMPT_MARKERS);
  const client = createOpenAiClient(config);
  return createLlmShiftNoteExtractor({
    client, model: config.extractionModel, prompt, rules: deps.rules, sendSpecialCategories: config.sendSpecialCategories,
    breaker: new CircuitBreaker(deps.clock), usage: deps.usage, clock: deps.clock, logger: deps.logger,
  });
}
