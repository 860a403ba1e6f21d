import type { Config } from '../config/load-config.js';
import type { DatabaseHandle } from '../storage/database.js';
import { openDatabase } from '../storage/open-database.js';

/**
 * Opens the configured database without loading the rest of Relais: `relais start`
 * begins here, so that PGlite compiles its WebAssembly and opens its folder while
 * the composition root's modules load (`buildRelais({ opening })` then owns it).
 */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase(config.database);
}
