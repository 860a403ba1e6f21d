import { Command, CommanderError, Option } from 'commander';
import { loadConfig, processEnv } from '../config/load-config.js';
import { createTranslator, type Translate } from '../i18n/translator.js';
import { CliError, EXIT } from './cli-error.js';
import { line, type CliIo } from './cli-io.js';
import type { SuiviOptions } from './commands/suivi.js';
import { localiseHelp } from './french-help.js';

/**
 * The `relais` command. Only this file and the commands it loads lazily run
 * here, so that `relais extract` starts fast and never opens a database.
 */
export async function runCli(argv: readonly string[], io: Omit<CliIo, 't'>): Promise<number> {
  const env = processEnv();
  const loaded = loadConfig(env);
  const locale = loaded.ok ? loaded.config.locale : loaded.partial.locale;
  const t = createTranslator(locale);
  const cli: CliIo = { ...io, t };
  let exitCode: number = EXIT.ok;
  const program = buildProgram(t, io, async (run) => {
    exitCode = await run(cli);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, cli);
  }
}

type Action = (run: (io: CliIo) => Promise<number>) => Promise<void>;

function buildProgram(t: Translate, io: Omit<CliIo, 't'>, act: Action): Command {
  const program = new Command('relais');
  // Set before adding subcommands: they inherit these settings when created.
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: () => undefined,
  });
  program.description(t('cli.description')).version('0.1.0', '-V, --version', t('cli.version.option'));

  program.command('start').description(t('cli.start'))
    .action(() => act(async (io) => (await import('./commands/start.js')).runStart(io)));

  const db = program.command('db').description(t('cli.db'));
  db.command('migrate').description(t('cli.db.migrate'))
    .action(() => act(async (io) => (await import('./commands/db-migrate.js')).runDbMigrate(io)));

  const config = program.command('config').description(t('cli.config'));
  config.command('check').description(t('cli.config.check'))
    .action(() => act(async (io) => (await import('./commands/config-check.js')).runConfigCheck(io)));

  const roster = program.command('roster').description(t('cli.roster'));
  roster.command('import').description(t('cli.roster.import')).argument('<file>', t('cli.roster.import.file'))
    .action((file: string) => act(async (io) => (await import('./commands/roster-import.js')).runRosterImport(io, file)));
  roster.command('list').description(t('cli.roster.list')).option('--team <team>', t('cli.roster.list.team'))
    .action((opts: { team?: string }) => act(async (io) => (await import('./commands/roster-list.js')).runRosterList(io, opts)));

  const demo = program.command('demo').description(t('cli.demo'));
  demo.command('seed').description(t('cli.demo.seed'))
    .action(() => act(async (io) => (await import('./commands/demo-seed.js')).runDemoSeed(io)));

  program.command('suivi').description(t('cli.suivi')).argument('<personne>', t('cli.suivi.person'))
    .requiredOption('--as <id>', t('cli.as')).option('--depuis <AAAA-MM-JJ>', t('cli.since')).option('--jusqu-au <AAAA-MM-JJ>', t('cli.until'))
    .option('--format <format>', t('cli.format')).option('--out <fichier>', t('cli.out')).option('--graphiques <dossier>', t('cli.charts'))
    .action((person: string, opts: SuiviOptions) =>
      act(async (io) => (await import('./commands/suivi.js')).runSuivi(io, person, opts)));
  program.command('bilan').description(t('cli.bilan')).argument('<personne>', t('cli.suivi.person'))
    .addOption(new Option('--type <type>', t('cli.bilan.type')).choices(['accueil', 'integration', 'intermediaire', 'prolongation', 'sortie']).makeOptionMandatory())
    .requiredOption('--as <id>', t('cli.as')).option('--depuis <AAAA-MM-JJ>', t('cli.since')).option('--jusqu-au <AAAA-MM-JJ>', t('cli.until'))
    .option('--format <format>', t('cli.format')).option('--out <fichier>', t('cli.out')).option('--graphiques <dossier>', t('cli.charts'))
    .action((person: string, opts: SuiviOptions & { type: 'integration' }) =>
      act(async (io) => (await import('./commands/bilan.js')).runBilan(io, person, opts)));
  program.command('bilan-enregistrer').description(t('cli.bilan_record')).argument('<personne>', t('cli.suivi.person'))
    .requiredOption('--fichier <json>', t('cli.bilan_record.file')).requiredOption('--as <id>', t('cli.as'))
    .action((person: string, opts: { as: string; fichier: string }) =>
      act(async (io) => (await import('./commands/bilan.js')).runBilanRecord(io, person, opts)));
  program.command('objectif').description(t('cli.objectif')).argument('<texte>', t('cli.objectif.text'))
    .requiredOption('--as <id>', t('cli.as')).option('--accord', t('cli.objectif.consent')).option('--theme <theme>', t('cli.objectif.theme'))
    .action((text: string, opts: { as: string; accord?: boolean; theme?: string }) =>
      act(async (io) => (await import('./commands/objectif.js')).runObjectif(io, text, opts)));
  program.command('objectifs').description(t('cli.objectifs')).requiredOption('--as <id>', t('cli.as')).option('--jours <n>', t('cli.objectifs.days'))
    .action((opts: { as: string; jours?: string }) =>
      act(async (io) => (await import('./commands/objectif.js')).runObjectifs(io, opts)));
  const teams = program.command('teams').description(t('cli.teams'));
  teams.command('package').description(t('cli.teams.package')).option('--out <zip>', t('cli.teams.package.out'))
    .action((opts: { out?: string }) => act(async (io) => (await import('./commands/teams-package.js')).runTeamsPackage(io, opts)));

  program.command('llm').description(t('cli.llm')).command('usage').description(t('cli.llm.usage'))
    .option('--mois <n>', t('cli.llm.usage.months'))
    .action((opts: { mois?: string }) =>
      act(async (io) => (await import('./commands/llm-usage.js')).runLlmUsage(io, opts.mois === undefined ? {} : { months: opts.mois })));

  program.command('extract').description(t('cli.extract'))
    .requiredOption('--roster <csv>', t('cli.extract.roster'))
    .requiredOption('--author <id>', t('cli.extract.author'))
    .requiredOption('--date <YYYY-MM-DD>', t('cli.extract.date'))
    .addOption(new Option('--engine <engine>', t('cli.extract.engine')).choices(['rules', 'llm']))
    .action((opts: { roster: string; author: string; date: string; engine?: 'rules' | 'llm' }) =>
      act(async (io) => (await import('./commands/extract.js')).runExtract(io, opts)));

  localiseHelp(program, t);
  return program;
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    line(io.stderr, io.t('cli.error.usage', { message: translateCommanderMessage(error, io.t) }));
    return EXIT.usage;
  }
  if (error instanceof CliError) {
    line(io.stderr, error.userMessage);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  line(io.stderr, io.t('cli.error.unexpected', { message: message.split('\n')[0] ?? '' }));
  return EXIT.failure;
}

function translateCommanderMessage(error: CommanderError, t: Translate): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const known: Record<string, string> = {
    'commander.unknownOption': 'cli.commander.unknown_option',
    'commander.unknownCommand': 'cli.commander.unknown_command',
    'commander.missingArgument': 'cli.commander.missing_argument',
    'commander.missingMandatoryOptionValue': 'cli.commander.missing_option',
    'commander.optionMissingArgument': 'cli.commander.option_missing_value',
    'commander.invalidArgument': 'cli.commander.invalid_value',
    'commander.excessArguments': 'cli.commander.excess_arguments',
  };
  const key = known[error.code];
  return key === undefined ? error.message.replace(/^error: /, '') : t(key, { name: quoted });
}
