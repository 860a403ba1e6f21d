import { readRosterFile } from '../../app/file-doors.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { createProgress } from '../progress.js';
import { withRelais } from '../with-relais.js';

const PROGRESS_FROM_LINES = 300;

export async function runRosterImport(io: CliIo, file: string): Promise<number> {
  const { t } = io;
  const read = await readRosterFile(file);
  if (!read.ok) {
    const { code, ...params } = read.error;
    const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
    throw new CliError(t(code, flat), EXIT.usage);
  }
  const lines = read.content.rows;
  const progress = lines.length > PROGRESS_FROM_LINES ? createProgress(io) : null;
  const result = await withRelais(io, (relais) => relais.useCases.importRoster({
    lines,
    ...(progress ? { onProgress: progress.update } : {}),
  }));
  progress?.stop();
  if (!result.ok) throw new CliError(t('cli.error.unexpected', { message: result.code }), EXIT.failure);
  const report = result.value;
  for (const r of [...report.rejected, ...report.warnings].sort((a, b) => a.line - b.line)) {
    const reason = t(`roster.reject.${r.reason}`, { value: r.value ?? '', other: r.other ?? '' });
    line(io.stderr, t('roster.import.line', { line: r.line, reason }));
  }
  line(io.stdout, t('roster.import.summary', {
    created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length,
  }));
  if (report.teams.length > 0) line(io.stdout, t('roster.import.teams', { teams: report.teams.join(', ') }));
  // Valid lines were imported; rejected lines still mean the input had problems.
  return report.rejected.length > 0 ? EXIT.usage : EXIT.ok;
}
