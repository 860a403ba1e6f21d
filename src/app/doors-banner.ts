import type { Config } from '../config/load-config.js';
import { mask } from '../config/load-config.js';
import type { Translate } from '../i18n/translator.js';

/** The French lines `relais start` prints: which doors are open and how to open the others. */
export function doorsBanner(config: Config, url: string, t: Translate): string[] {
  const lines: string[] = [];
  lines.push(config.database.kind === 'pglite'
    ? t('server.database.pglite', { dir: config.database.dir })
    : t('server.database.postgres', { url: mask(config.database.url) }));
  lines.push(t('server.listening', { url }));
  lines.push(config.playground.enabled ? t('server.door.playground.open', { url }) : t('server.door.playground.closed'));
  lines.push(config.slack === null ? t('server.door.slack.closed') : t('server.door.slack.open', { mode: config.slack.mode }));
  lines.push(config.teams === null ? t('server.door.teams.closed') : t('server.door.teams.open', { url: config.http.publicUrl ?? url }));
  lines.push(config.llm === null
    ? t('server.door.llm.closed')
    : t('server.door.llm.open', { model: config.llm.model, host: config.llm.baseUrl ? new URL(config.llm.baseUrl).host : 'api.openai.com' }));
  return lines;
}
