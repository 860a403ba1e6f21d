import type { Relais } from '../app/composition-root.js';
import { CliError, EXIT } from './cli-error.js';
import type { CliIo } from './cli-io.js';
import { loadCliConfig } from './load-cli-config.js';

/** Runs a command against a migrated database and always closes it. */
export async function withRelais<T>(io: CliIo, work: (relais: Relais) => Promise<T>): Promise<T> {
  const config = loadCliConfig(io);
  const { buildRelais } = await import('../app/composition-root.js');
  let relais: Relais;
  try {
    relais = await buildRelais(config, { quiet: true });
  } catch (error) {
    throw databaseError(io, error);
  }
  try {
    return await work(relais);
  } finally {
    await relais.lifecycle.stop();
  }
}

export const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ?? '';

/** The French message for a database that cannot be opened (busy embedded folder or intake journal, unreachable server). */
export function databaseError(io: CliIo, error: unknown): CliError {
  const e = error as { code?: string; pid?: number; dir?: string; reason?: string };
  if (e.code === 'database.pglite_busy') return new CliError(io.t('server.pglite_busy', { pid: e.pid ?? '?', dir: e.dir ?? '' }), EXIT.failure);
  if (e.code === 'intake.journal_busy') return new CliError(io.t('server.intake_journal_busy', { pid: e.pid ?? '?', dir: e.dir ?? '' }), EXIT.failure);
  if (e.code === 'intake.journal_unwritable') return new CliError(io.t('server.intake_journal_unwritable', { dir: e.dir ?? '', reason: e.reason ?? '' }), EXIT.failure);
  return new CliError(io.t('server.database_unreachable', { reason: firstLine(error) }), EXIT.failure);
}
