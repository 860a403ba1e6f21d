import { readFileSync } from 'node:fs';
import type { Config } from '../config/load-config.js';
import { err, ok, type Result } from '../core/result.js';
import { createTranslator } from '../i18n/translator.js';
import { writeTeamsPackage } from '../platforms/teams/teams-package.js';
import { projectPath } from '../project-paths.js';

export type PackageError = 'needs_app_id' | 'needs_public_url';

/**
 * `relais teams package`: the Teams app zip for this installation (bot id
 * and public address from the configuration). Opens no database.
 */
export async function buildTeamsPackage(config: Config, file: string): Promise<Result<string, PackageError>> {
  const appId = config.teams?.appId;
  if (!appId) return err('needs_app_id');
  if (!config.http.publicUrl || !config.http.publicUrl.startsWith('https://')) return err('needs_public_url');
  const version = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  await writeTeamsPackage(file, { appId, publicUrl: config.http.publicUrl, version, t: createTranslator(config.locale) });
  return ok(file);
}
