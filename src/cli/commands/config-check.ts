import { describeVariables, loadConfig, processEnv } from '../../config/load-config.js';
import { allVariables } from '../../config/load-config.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { formatProblems } from '../load-cli-config.js';

/** Prints every variable's effective value (secrets masked) and every problem with its fix. */
export async function runConfigCheck(io: CliIo): Promise<number> {
  const env = processEnv();
  const rows = describeVariables(env);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) {
    const spec = allVariables.find((v) => v.name === row.name)!;
    const value = row.source === 'unset' ? `(${io.t('cli.config.source.unset')})` : `${row.value} (${io.t(`cli.config.source.${row.source}`)})`;
    line(io.stdout, `${row.name.padEnd(width)}  ${value}`);
    line(io.stdout, `${' '.repeat(width)}  ↳ ${io.t(spec.help)}`);
  }
  const loaded = loadConfig(env);
  line(io.stdout, '');
  if (loaded.ok) {
    line(io.stdout, io.t('cli.config.ok'));
    return EXIT.ok;
  }
  line(io.stdout, io.t('cli.config.problems', { count: loaded.problems.length }));
  for (const text of formatProblems(loaded.problems, io.t)) line(io.stdout, text);
  return EXIT.usage;
}
