import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const sharedDir = join(root, '..', 'shared');
const cacheDir = join(root, 'node_modules', '.cache', 'relais-test');

/** Changes whenever a committed migration changes, so templates are rebuilt exactly then. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const dir = join(root, 'drizzle');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export const pgliteTemplateDir = (): string => join(cacheDir, `pglite-${migrationsHash()}`);
/** Per checkout (see global-setup.mjs), so parallel worktrees on one PostgreSQL server keep their own templates. */
export const postgresTemplateName = (): string =>
  `relais_template_${createHash('sha256').update(root).digest('hex').slice(0, 6)}_${migrationsHash()}`;
