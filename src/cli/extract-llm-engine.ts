import { systemClock } from '../core/ports/clock.js';
import { silentLogger } from '../core/ports/logger.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { CliError, EXIT } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { loadCliConfig } from './load-cli-config.js';

/** `--engine llm`: the LLM engine from the config (no database: no accounting), or a plain French refusal. */
export async function createCliLlmExtractor(io: CliIo): Promise<ShiftNoteExtractor> {
  const config = loadCliConfig(io);
  const { buildCliLlmExtractor, PromptFileError } = await import('../app/llm-root.js');
  try {
    const extractor = await buildCliLlmExtractor(config, { clock: systemClock, logger: silentLogger });
    if (extractor === null) throw new CliError(io.t('extract.error.llm_not_configured'), EXIT.failure);
    return extractor;
  } catch (error) {
    if (error instanceof PromptFileError) throw new CliError(io.t('llm.prompt_invalid', { file: error.file, reason: error.reason }), EXIT.failure);
    throw error;
  }
}
