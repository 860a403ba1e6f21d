import type { Config } from '../../config/load-config.js';
import type { Translate } from '../../i18n/translator.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { loadCliConfig } from '../load-cli-config.js';

const host = (url: string | undefined): string => {
  if (url === undefined) return 'api.openai.com';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** The register entry (Markdown, French) computed from the running configuration: no database needed. */
export function registerEntry(config: Config, t: Translate): string {
  const subprocessors: string[] = [];
  if (config.slack !== null) subprocessors.push(t('rgpd.sub.slack'));
  if (config.teams !== null) subprocessors.push(t('rgpd.sub.teams'));
  if (config.llm !== null) {
    subprocessors.push(t('rgpd.sub.llm', { host: host(config.llm.baseUrl) }));
    subprocessors.push(t(config.llm.sendSpecialCategories ? 'rgpd.llm.special_sent' : 'rgpd.llm.special_kept'));
    if (config.llm.selfHostedOnly) subprocessors.push(t('rgpd.llm.self_hosted'));
  } else subprocessors.push(t('rgpd.sub.no_llm'));
  subprocessors.push(config.database.kind === 'postgres' ? t('rgpd.sub.postgres', { host: host(config.database.url) }) : t('rgpd.sub.pglite', { dir: config.database.dir }));
  return [
    t('rgpd.title'),
    '',
    t('rgpd.purposes'),
    t('rgpd.categories'),
    t('rgpd.recipients'),
    t('rgpd.retention', { years: config.privacy.retentionYears, days: config.privacy.noteTextRetentionDays, hour: config.privacy.retentionHour, tz: config.defaultTimezone }),
    t(config.secretKey === undefined ? 'rgpd.security.no_key' : 'rgpd.security.key'),
    t('rgpd.security.common'),
    t('rgpd.subprocessors'),
    ...subprocessors.map((s) => `  - ${s}`),
    '',
    t('rgpd.more'),
  ].join('\n');
}

/** `relais rgpd registre`: prints the register entry of the processing as the configuration makes it. */
export async function runRgpdRegistre(io: CliIo): Promise<number> {
  const config = loadCliConfig(io);
  line(io.stdout, registerEntry(config, io.t));
  return EXIT.ok;
}
