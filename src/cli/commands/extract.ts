import { createRulesShiftNoteExtractor, rosterEntriesFromFile } from '../../app/file-doors.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, readAll, type CliIo } from '../cli-io.js';

export interface ExtractOptions {
  readonly roster: string;
  readonly author: string;
  readonly date: string;
  readonly engine?: 'rules' | 'llm';
}

const MAX_NOTE_BYTES = 200_000;

/**
 * `relais extract`: note on stdin, one JSON object on stdout (../shared/eval/README.md).
 * Never opens a database. Output is written only once the whole result exists.
 */
export async function runExtract(io: CliIo, options: ExtractOptions): Promise<number> {
  const { t } = io;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(`${options.date}T00:00:00Z`))) {
    throw new CliError(t('extract.error.date', { value: options.date }), EXIT.usage);
  }
  const roster = await rosterEntriesFromFile(options.roster);
  if (!roster.ok) throw new CliError(t(roster.error.code, roster.error.params), EXIT.usage);
  if (!roster.entries.some((p) => p.id === options.author)) {
    throw new CliError(t('extract.error.author', { value: options.author }), EXIT.usage);
  }
  const bytes = await readAll(io.stdin);
  if (bytes.length > MAX_NOTE_BYTES) throw new CliError(t('extract.error.too_long', { max: MAX_NOTE_BYTES }), EXIT.usage);
  const note = new TextDecoder('utf-8').decode(bytes);
  if (note.trim() === '') throw new CliError(t('extract.error.empty'), EXIT.usage);

  const extractor = options.engine === 'llm'
    ? await (await import('../extract-llm-engine.js')).createCliLlmExtractor(io)
    : createRulesShiftNoteExtractor();
  const result = await extractor.extract(note, { roster: roster.entries, authorId: options.author, shiftDate: options.date });
  if (!result.ok) throw new CliError(t(`extract.error.${result.code}`), result.code === 'llm.unavailable' ? EXIT.failure : EXIT.usage);
  if (options.engine === 'llm' && result.value.fallbackReason !== undefined) {
    line(io.stderr, t('llm.degraded', { reason: t(`llm.reason.${result.value.fallbackReason}`) }));
  }
  line(io.stdout, JSON.stringify(result.value.extraction));
  return EXIT.ok;
}
