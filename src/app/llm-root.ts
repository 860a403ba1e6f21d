import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { unmeteredUsage, type LlmUsageMeter } from '../core/ports/llm-usage.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { createRulesShiftNoteExtractor } from '../extraction/rules-shift-note-extractor.js';
import { buildLlmExtractor } from '../llm/llm-engine.js';

export { PromptFileError } from '../llm/prompt-file.js';

/**
 * The extraction engine the config asks for: the LLM engine when
 * LLM_PROVIDER=openai-compatible (with the rules engine inside it as
 * first pass and fallback), the rules engine otherwise.
 */
export function chooseExtractor(config: Config, deps: { clock: Clock; logger: Logger; usage: LlmUsageMeter }): ShiftNoteExtractor {
  const rules = createRulesShiftNoteExtractor();
  if (config.llm === null) return rules;
  return buildLlmExtractor(config.llm, { rules, ...deps });
}

/** For `relais extract --engine llm`: no database, so no accounting; null when no model is configured. */
export function buildCliLlmExtractor(config: Config, deps: { clock: Clock; logger: Logger }): ShiftNoteExtractor | null {
  if (config.llm === null) return null;
  return buildLlmExtractor(config.llm, { rules: createRulesShiftNoteExtractor(), usage: unmeteredUsage, ...deps });
}
