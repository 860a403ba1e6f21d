import { CliError, EXIT } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';

/** `--engine llm` needs the LLM adapter (issue: LLM engine); until then it says so plainly. */
export async function createCliLlmExtractor(io: CliIo): Promise<ShiftNoteExtractor> {
  throw new CliError(io.t('extract.error.llm_not_configured'), EXIT.failure);
}
