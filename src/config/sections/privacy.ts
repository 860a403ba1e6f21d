import { read, readInteger, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';

/** Retention (CNIL référentiel for the social and medico-social sector, 2023). */
export interface PrivacyConfig {
  /** A salarié's records are erased or anonymised this many years after the last contact or the exit. */
  readonly retentionYears: number;
  /** The raw text of a note is cleared this many days after its confirmation (structured records stay). */
  readonly noteTextRetentionDays: number;
  /** Hour (0-23, in DEFAULT_TIMEZONE) of the daily retention job. */
  readonly retentionHour: number;
  /** Former RELAIS_SECRET_KEY values, still able to decrypt until `relais keys rotate` has run. */
  readonly previousSecretKeys: readonly string[];
}

export const privacyVariables: readonly VariableSpec[] = [
  { name: 'RETENTION_YEARS', default: '2', help: 'config.var.RETENTION_YEARS' },
  { name: 'NOTE_TEXT_RETENTION_DAYS', default: '30', help: 'config.var.NOTE_TEXT_RETENTION_DAYS' },
  { name: 'RETENTION_HOUR', default: '3', help: 'config.var.RETENTION_HOUR' },
  { name: 'RELAIS_PREVIOUS_SECRET_KEYS', secret: true, help: 'config.var.RELAIS_PREVIOUS_SECRET_KEYS' },
];

export function parsePrivacyConfig(env: Env, problems: ConfigProblem[], core: { readonly mode: string; readonly secretKey: string | undefined }): PrivacyConfig {
  // Sensitive quotes are encrypted at rest with a key derived from RELAIS_SECRET_KEY: production needs it.
  if (core.mode === 'production' && core.secretKey === undefined) problems.push({ variable: 'RELAIS_SECRET_KEY', code: 'config.problem.secret_key_required' });
  return {
    previousSecretKeys: (read(env, 'RELAIS_PREVIOUS_SECRET_KEYS') ?? '').split(',').map((k) => k.trim()).filter((k) => k.length > 0),
    retentionYears: readInteger(env, 'RETENTION_YEARS', 2, problems, { min: 1, max: 30 }),
    noteTextRetentionDays: readInteger(env, 'NOTE_TEXT_RETENTION_DAYS', 30, problems, { min: 0, max: 3650 }),
    retentionHour: readInteger(env, 'RETENTION_HOUR', 3, problems, { min: 0, max: 23 }),
  };
}
