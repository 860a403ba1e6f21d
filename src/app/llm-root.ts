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
import { buildLlmExtractor, buildLlmNarrator, buildLlmPlanner, llmEndpoint } from '../llm/llm-engine.js';
import { createOpenAiTranscriber } from '../llm/openai-transcriber.js';

export { PromptFileError } from '../llm/prompt-file.js';

/**
 * The engines the config asks for: with LLM_PROVIDER=openai-compatible, the
 * LLM extraction engine (the rules engine inside it as first pass and
 * fallback) and the LLM narrator (the rules narrator as fallback), sharing one
 * client and one circuit breaker; the rules engine and narrator otherwise.
 */
export function chooseEngines(config: Config, deps: { clock: Clock; logger: Logger; usage: LlmUsageMeter }): {
  extractor: ShiftNoteExtractor;
  narrator: ProgressNarrator;
  /** Voice notes: only when OPENAI_TRANSCRIPTION_MODEL is set. */
  transcriber: Transcriber | null;
  /** Séances: wraps the rules planner with the model; null without a model. */
  planner: ((rules: SessionPlanner) => SessionPlanner) | null;
} {
  const rules = createRulesShiftNoteExtractor();
  const rulesNarrator = new RulesProgressNarrator();
  if (config.llm === null) return { extractor: rules, narrator: rulesNarrator, transcriber: null, planner: null };
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
export function buildCliLlmExtractor(config: Config, deps: { clock: Clock; logger: Logger }): ShiftNoteExtractor | null {
  if (config.llm === null) return null;
  return buildLlmExtractor(config.llm, { rules: createRulesShiftNoteExtractor(), usage: unmeteredUsage, ...deps });
}

