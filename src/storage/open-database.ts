import type { CoreConfig } from '../config/sections/core.js';
import type { DatabaseHandle } from './database.js';

/** Opens the configured database; drivers are loaded only when needed. */
export async function openDatabase(config: CoreConfig['database']): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const { openPostgres } = await import('./open-postgres.js');
    return openPostgres(config.url, config.poolSize);
  }
  const { openPglite } = await import('./open-pglite.js');
  return openPglite(config.dir);
}
