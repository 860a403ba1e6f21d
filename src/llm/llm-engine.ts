import type { LlmConfig } from '../config/sections/llm.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { LlmUsageMeter } from '../core/ports/llm-usage.js';
import type { ProgressNarrator } from '../core/ports/progress-narrator.js';
import type { SessionPlanner } from '../core/ports/session-planner.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { createLlmShiftNoteExtractor, EXTRACTION_PROMPT_MARKERS } from './llm-extractor.js';
import { createLlmProgressNarrator, NARRATIVE_PROMPT_MARKERS } from './llm-progress-narrator.js';
import { createLlmSessionPlanner, SESSION_PLAN_PROMPT_MARKERS } from './llm-session-planner.js';
import { createOpenAiClient } from './openai-client.js';
import { loadPromptFile } from './prompt-file.js';
import { UserRateLimit } from './user-rate-limit.js';

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
/** The endpoint's client and circuit breaker, shared by every use of the model in one process. */
export interface LlmEndpoint {
  readonly client: ReturnType<typeof createOpenAiClient>;
  readonly breaker: CircuitBreaker;
}

export const llmEndpoint = (config: LlmConfig, clock: Clock): LlmEndpoint =>
  ({ client: createOpenAiClient(config), breaker: new CircuitBreaker(clock) });

export function buildLlmNarrator(
  config: LlmConfig, deps: Omit<LlmEngineDeps, 'rules'> & { fallback: ProgressNarrator; endpoint?: LlmEndpoint },
): ProgressNarrator {
  const { client, breaker } = deps.endpoint ?? llmEndpoint(config, deps.clock);
  return createLlmProgressNarrator({
    client, breaker, model: config.writingModel, fallback: deps.fallback, sendSpecialCategories: config.sendSpecialCategories,
    periodPrompt: loadPromptFile('progress-period', NARRATIVE_PROMPT_MARKERS),
    summaryPrompt: loadPromptFile('progress-summary', NARRATIVE_PROMPT_MARKERS),
    usage: deps.usage, clock: deps.clock, logger: deps.logger,
  });
}

export function buildLlmExtractor(config: LlmConfig, deps: LlmEngineDeps & { endpoint?: LlmEndpoint }): ShiftNoteExtractor {
  const prompt = loadPromptFile('extraction', EXTRACTION_PROMPT_MARKERS);
  const { client, breaker } = deps.endpoint ?? llmEndpoint(config, deps.clock);
  return createLlmShiftNoteExtractor({
    client, model: config.extractionModel, prompt, rules: deps.rules, sendSpecialCategories: config.sendSpecialCategories,
    userLimit: new UserRateLimit(deps.clock, config.userCallsPerHour),
    breaker, usage: deps.usage, clock: deps.clock, logger: deps.logger,
  });
}

/** The séance planner wrapped around the rules planner (built later, with the template library); the prompt is checked now, at start. */
export function buildLlmPlanner(
  config: LlmConfig, deps: Omit<LlmEngineDeps, 'rules'> & { endpoint?: LlmEndpoint },
): (rules: SessionPlanner) => SessionPlanner {
  const prompt = loadPromptFile('session-plan', SESSION_PLAN_PROMPT_MARKERS);
  const { client, breaker } = deps.endpoint ?? llmEndpoint(config, deps.clock);
  return (rules) => createLlmSessionPlanner({
    client, breaker, model: config.writingModel, prompt, rules, usage: deps.usage, clock: deps.clock, logger: deps.logger,
  });
}
