import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { unmeteredUsage, type LlmUsageMeter } from '../core/ports/llm-usage.js';
import type { ProgressNarrator } from '../core/ports/progress-narrator.js';
import type { SessionPlanner } from '../core/ports/session-planner.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import type { Transcriber } from '../core/ports/transcriber.js';
import { createRulesShiftNoteExtractor } from '../extraction/rules-shift-note-extractor.js';
import { RulesProgressNarrator } from '../language/rules-progress-narrator.js';

export { PromptFileError } from '../llm/prompt-file.js';

/**
 * The engines the config asks for: with LLM_PROVIDER=openai-compatible, the
 * LLM extraction engine (the rules engine inside it as first pass and
 * fallback) and the LLM narrator (the rules narrator as fallback), sharing one
 * client and one circuit breaker; the rules engine and narrator otherwise.
 * The OpenAI SDK is imported only when a model is configured (start-up time).
 */
export async function chooseEngines(config: Config, deps: { clock: Clock; logger: Logger; usage: LlmUsageMeter }): Promise<{
  extractor: ShiftNoteExtractor;
  narrator: ProgressNarrator;
  /** Voice notes: only when OPENAI_TRANSCRIPTION_MODEL is set. */
  transcriber: Transcriber | null;
  /** Séances: wraps the rules planner with the model; null without a model. */
  planner: ((rules: SessionPlanner) => SessionPlanner) | null;
}> {
  const rules = createRulesShiftNoteExtractor();
  const rulesNarrator = new RulesProgressNarrator();
  if (config.llm === null) return { extractor: rules, narrator: rulesNarrator, transcriber: null, planner: null };
  const { buildLlmExtractor, buildLlmNarrator, buildLlmPlanner, llmEndpoint } = await import('../llm/llm-engine.js');
  const { createOpenAiTranscriber } = await import('../llm/openai-transcriber.js');
  const endpoint = llmEndpoint(config.llm, deps.clock);
  const { transcriptionModel } = config.llm;
  return {
    extractor: buildLlmExtractor(config.llm, { rules, endpoint, ...deps }),
    narrator: buildLlmNarrator(config.llm, { fallback: rulesNarrator, endpoint, ...deps }),
    planner: buildLlmPlanner(config.llm, { endpoint, ...deps }),
    transcriber: transcriptionModel === undefined ? null : createOpenAiTranscriber({ ...endpoint, model: transcriptionModel, ...deps }),
  };
}

/** For `relais extract --engine llm`: no database, so no accounting; null when no model is configured. */
export async function buildCliLlmExtractor(config: Config, deps: { clock: Clock; logger: Logger }): Promise<ShiftNoteExtractor | null> {
  if (config.llm === null) return null;
  const { buildLlmExtractor } = await import('../llm/llm-engine.js');
  return buildLlmExtractor(config.llm, { rules: createRulesShiftNoteExtractor(), usage: unmeteredUsage, ...deps });
}

