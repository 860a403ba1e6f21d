import { resolve } from 'node:path';
import { buildTeamsPackage } from '../../app/teams-package-root.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { loadCliConfig } from '../load-cli-config.js';
import { firstLine } from '../with-relais.js';

export const DEFAULT_PACKAGE_FILE = 'dist-teams/relais-teams.zip';

/** `relais teams package [--out <zip>]`: writes the Teams app package from the configuration. */
export async function runTeamsPackage(io: CliIo, opts: { out?: string }): Promise<number> {
  const config = loadCliConfig(io);
  const file = resolve(opts.out ?? DEFAULT_PACKAGE_FILE);
  let result;
  try {
    result = await buildTeamsPackage(config, file);
  } catch (error) {
    throw new CliError(io.t('cli.teams.package.write_failed', { reason: firstLine(error) }), EXIT.failure);
  }
  if (!result.ok) throw new CliError(io.t(`cli.teams.package.${result.code}`), EXIT.usage);
  line(io.stdout, io.t('cli.teams.package.done', { file: result.value }));
  return EXIT.ok;
}
