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
  program.command('digest').description(t('cli.digest')).requiredOption('--team <équipe>', t('cli.digest.team'))
    .option('--date <AAAA-MM-JJ>', t('cli.digest.date')).option('--post', t('cli.digest.post'))
    .action((opts: { team: string; date?: string; post?: boolean }) =>
      act(async (io) => (await import('./commands/digest.js')).runDigest(io, opts)));
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
  program.command('seance').description(t('cli.seance')).argument('[demande]', t('cli.seance.text'))
    .requiredOption('--as <id>', t('cli.as')).option('--id <séance>', t('cli.seance.id')).option('--valider', t('cli.seance.confirm'))
    .option('--format <format>', t('cli.format')).option('--out <fichier>', t('cli.out'))
    .action((text: string | undefined, opts: { as: string; id?: string; valider?: boolean; format?: string; out?: string }) =>
      act(async (io) => (await import('./commands/learning.js')).runSeance(io, text, opts)));
  const competences = program.command('competences').description(t('cli.competences'));
  competences.command('import').description(t('cli.competences.import')).argument('<fichier>', t('cli.competences.file'))
    .requiredOption('--equipe <équipe>', t('cli.competences.team')).requiredOption('--as <id>', t('cli.as'))
    .action((file: string, opts: { as: string; equipe: string }) =>
      act(async (io) => (await import('./commands/learning.js')).runCompetencesImport(io, file, opts)));
  program.command('attestation').description(t('cli.attestation')).argument('<personne>', t('cli.suivi.person'))
    .requiredOption('--as <id>', t('cli.as')).option('--date <AAAA-MM-JJ>', t('cli.attestation.date'))
    .option('--format <format>', t('cli.format')).option('--out <fichier>', t('cli.out'))
    .action((person: string, opts: { as: string; date?: string; format?: string; out?: string }) =>
      act(async (io) => (await import('./commands/learning.js')).runAttestation(io, person, opts)));
  const gdpr = program.command('gdpr').description(t('cli.gdpr'));
  gdpr.command('export').description(t('cli.gdpr.export')).argument('<personne>', t('cli.suivi.person'))
    .option('--out <dossier>', t('cli.gdpr.out')).option('--as <id>', t('cli.gdpr.as'))
    .action((person: string, opts: { out?: string; as?: string }) => act(async (io) => (await import('./commands/gdpr.js')).runGdprExport(io, person, opts)));
  gdpr.command('erase').description(t('cli.gdpr.erase')).argument('<personne>', t('cli.suivi.person'))
    .option('--confirm', t('cli.gdpr.confirm')).option('--as <id>', t('cli.gdpr.as'))
    .action((person: string, opts: { confirm?: boolean; as?: string }) => act(async (io) => (await import('./commands/gdpr.js')).runGdprErase(io, person, opts)));
  program.command('retention').description(t('cli.retention')).option('--dry-run', t('cli.retention.dry_run'))
    .action((opts: { dryRun?: boolean }) => act(async (io) => (await import('./commands/retention.js')).runRetention(io, opts)));
  const audit = program.command('audit').description(t('cli.audit'));
  audit.command('verify').description(t('cli.audit.verify'))
    .action(() => act(async (io) => (await import('./commands/audit.js')).runAuditVerify(io)));
  audit.command('list').description(t('cli.audit.list')).requiredOption('--as <id>', t('cli.as')).option('--person <personne>', t('cli.audit.person'))
    .option('--limit <n>', t('cli.audit.limit'))
    .action((opts: { as: string; person?: string; limit?: string }) => act(async (io) => (await import('./commands/audit.js')).runAuditList(io, opts)));
  program.command('keys').description(t('cli.keys')).command('rotate').description(t('cli.keys.rotate'))
    .action(() => act(async (io) => (await import('./commands/keys.js')).runKeysRotate(io)));
  program.command('rgpd').description(t('cli.rgpd')).command('registre').description(t('cli.rgpd.registre'))
    .action(() => act(async (io) => (await import('./commands/rgpd-registre.js')).runRgpdRegistre(io)));
  const teams = program.command('teams').description(t('cli.teams'));
  teams.command('package').description(t('cli.teams.package')).option('--out <zip>', t('cli.teams.package.out'))
    .action((opts: { out?: string }) => act(async (io) => (await import('./commands/teams-package.js')).runTeamsPackage(io, opts)));

  program.command('llm').description(t('cli.llm')).command('usage').description(t('cli.llm.usage'))
    .option('--mois <n>', t('cli.llm.usage.months'))
    .action((opts: { mois?: string }) =>
      act(async (io) => (await import('./commands/llm-usage.js')).runLlmUsage(io, opts.mois === undefined ? {} : { months: opts.mois })));

  program.command('export').description(t('cli.export')).command('mois').description(t('cli.export.mois'))
    .argument('<mois>', t('cli.export.month')).requiredOption('--as <id>', t('cli.as'))
    .option('--format <format>', t('cli.export.format')).option('--out <fichier>', t('cli.export.out'))
    .action((month: string, opts: { as: string; format?: string; out?: string }) =>
      act(async (io) => (await import('./commands/export-mois.js')).runExportMois(io, month, opts)));

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
