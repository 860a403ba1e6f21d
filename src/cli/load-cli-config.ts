import { loadConfig, processEnv, type Config } from '../config/load-config.js';
import type { ConfigProblem } from '../config/variable.js';
import type { Translate } from '../i18n/translator.js';
import { CliError, EXIT } from './cli-error.js';
import type { CliIo } from './cli-io.js';

export function formatProblems(problems: readonly ConfigProblem[], t: Translate): string[] {
  return problems.map((p) => t('cli.config.problem', { variable: p.variable, message: t(p.code, p.params) }));
}

/** The validated config, or a French list of every problem and exit code 2. */
export function loadCliConfig(io: CliIo): Config {
  const loaded = loadConfig(processEnv());
  if (loaded.ok) return loaded.config;
  throw new CliError([io.t('server.config_invalid'), ...formatProblems(loaded.problems, io.t)].join('\n'), EXIT.usage);
}
