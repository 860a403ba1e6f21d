import { LOCALES, type Locale } from '../../i18n/translator.js';
import { read, readEnum, readInteger, readBoolean, readUrl, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';

export const RUN_MODES = ['development', 'production', 'test'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface CoreConfig {
  readonly mode: RunMode;
  readonly locale: Locale;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string | undefined;
    /** Per-client-address token bucket on every route but health; 0 = off. */
    readonly rateLimit: { readonly perMinute: number; readonly trustProxy: boolean };
  };
  readonly database:
    | { readonly kind: 'pglite'; readonly dir: string }
    | {
      readonly kind: 'postgres'; readonly url: string; readonly poolSize: number;
      /**
       * Where `relais start` journals each event before acknowledging it (one folder per instance, on a
       * disk that outlives the process); unset: events are written to the shared inbox table before the
       * acknowledgement. The embedded database always journals, in its own folder.
       */
      readonly intakeJournalDir: string | undefined;
    };
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly defaultTimezone: string;
  readonly playground: { readonly enabled: boolean; readonly token: string | undefined };
  readonly shutdownTimeoutMs: number;
  /** How long after confirmation an author may still cancel a note ("annule ma note d'hier"). */
  readonly noteCancelWindowHours: number;
  /** Signs document links and derives the keys that encrypt secrets at rest; a random key per process when unset. */
  readonly secretKey: string | undefined;
  /** How long a worker keeps a claimed job before another instance may take it over (it crashed). */
  readonly jobLeaseMs: number;
  /** A working day's hours, for hours worked when attendance says only « présent » (production log, monthly export). */
  readonly workdayHours: number;
}

export const coreVariables: readonly VariableSpec[] = [
  { name: 'RELAIS_ENV', default: 'development', help: 'config.var.RELAIS_ENV' },
  { name: 'RELAIS_LOCALE', default: 'fr', help: 'config.var.RELAIS_LOCALE' },
  { name: 'HOST', default: '127.0.0.1', help: 'config.var.HOST' },
  { name: 'PORT', default: '3000', help: 'config.var.PORT' },
  { name: 'PUBLIC_URL', help: 'config.var.PUBLIC_URL' },
  { name: 'HTTP_RATE_LIMIT_PER_MINUTE', default: '300', help: 'config.var.HTTP_RATE_LIMIT_PER_MINUTE' },
  { name: 'HTTP_TRUST_PROXY', default: 'false', help: 'config.var.HTTP_TRUST_PROXY' },
  { name: 'DATABASE_URL', secret: true, help: 'config.var.DATABASE_URL' },
  { name: 'DATABASE_POOL_SIZE', default: '10', help: 'config.var.DATABASE_POOL_SIZE' },
  { name: 'PGLITE_DIR', default: './data/pglite', help: 'config.var.PGLITE_DIR' },
  { name: 'INTAKE_JOURNAL_DIR', help: 'config.var.INTAKE_JOURNAL_DIR' },
  { name: 'LOG_LEVEL', default: 'info', help: 'config.var.LOG_LEVEL' },
  { name: 'DEFAULT_TIMEZONE', default: 'Europe/Paris', help: 'config.var.DEFAULT_TIMEZONE' },
  { name: 'PLAYGROUND_ENABLED', default: 'true', help: 'config.var.PLAYGROUND_ENABLED' },
  { name: 'PLAYGROUND_TOKEN', secret: true, help: 'config.var.PLAYGROUND_TOKEN' },
  { name: 'SHUTDOWN_TIMEOUT_MS', default: '5000', help: 'config.var.SHUTDOWN_TIMEOUT_MS' },
  { name: 'NOTE_CANCEL_WINDOW_HOURS', default: '48', help: 'config.var.NOTE_CANCEL_WINDOW_HOURS' },
  { name: 'RELAIS_SECRET_KEY', secret: true, help: 'config.var.RELAIS_SECRET_KEY' },
  { name: 'JOB_LEASE_SECONDS', default: '60', help: 'config.var.JOB_LEASE_SECONDS' },
  { name: 'WORKDAY_HOURS', default: '7', help: 'config.var.WORKDAY_HOURS' },
];

const isLoopback = (host: string): boolean => ['127.0.0.1', '::1', 'localhost'].includes(host);

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseCoreConfig(env: Env, problems: ConfigProblem[]): CoreConfig {
  const mode = readEnum(env, 'RELAIS_ENV', RUN_MODES, env['NODE_ENV'] === 'production' ? 'production' : 'development', problems);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = readUrl(env, 'DATABASE_URL', problems, ['postgres:', 'postgresql:']);
  const defaultTimezone = read(env, 'DEFAULT_TIMEZONE') ?? 'Europe/Paris';
  if (!isValidTimezone(defaultTimezone)) problems.push({ variable: 'DEFAULT_TIMEZONE', code: 'config.problem.timezone' });
  const playgroundEnabled = readBoolean(env, 'PLAYGROUND_ENABLED', true, problems);
  const playgroundToken = read(env, 'PLAYGROUND_TOKEN');
  if (playgroundEnabled && !isLoopback(host) && (playgroundToken === undefined || playgroundToken.length < 16)) {
    problems.push({ variable: 'PLAYGROUND_TOKEN', code: 'config.problem.playground_token' });
  }
  return {
    mode,
    locale: readEnum(env, 'RELAIS_LOCALE', LOCALES, 'fr', problems),
    http: {
      host,
      port: readInteger(env, 'PORT', 3000, problems, { min: 0, max: 65535 }),
      publicUrl: readUrl(env, 'PUBLIC_URL', problems, ['https:', 'http:']),
      rateLimit: {
        perMinute: readInteger(env, 'HTTP_RATE_LIMIT_PER_MINUTE', 300, problems, { min: 0, max: 1_000_000 }),
        trustProxy: readBoolean(env, 'HTTP_TRUST_PROXY', false, problems),
      },
    },
    database: databaseUrl !== undefined
      ? {
        kind: 'postgres', url: databaseUrl, poolSize: readInteger(env, 'DATABASE_POOL_SIZE', 10, problems, { min: 1, max: 200 }),
        intakeJournalDir: read(env, 'INTAKE_JOURNAL_DIR'),
      }
      : { kind: 'pglite', dir: read(env, 'PGLITE_DIR') ?? './data/pglite' },
    logLevel: readEnum(env, 'LOG_LEVEL', LOG_LEVELS, mode === 'test' ? 'silent' : 'info', problems),
    defaultTimezone,
    playground: { enabled: playgroundEnabled, token: playgroundToken },
    shutdownTimeoutMs: readInteger(env, 'SHUTDOWN_TIMEOUT_MS', 5000, problems, { min: 100, max: 120000 }),
    noteCancelWindowHours: readInteger(env, 'NOTE_CANCEL_WINDOW_HOURS', 48, problems, { min: 0, max: 24 * 31 }),
    secretKey: readSecretKey(env, problems),
    jobLeaseMs: 1000 * readInteger(env, 'JOB_LEASE_SECONDS', 60, problems, { min: 1, max: 3600 }),
    workdayHours: readInteger(env, 'WORKDAY_HOURS', 7, problems, { min: 1, max: 12 }),
  };
}

function readSecretKey(env: Env, problems: ConfigProblem[]): string | undefined {
  const key = read(env, 'RELAIS_SECRET_KEY');
  if (key !== undefined && key.length < 32) problems.push({ variable: 'RELAIS_SECRET_KEY', code: 'config.problem.secret_key' });
  return key;
}
