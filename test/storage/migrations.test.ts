import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedMigrationCount } from '../../src/storage/migrations.js';
import { databaseTargets } from '../support/test-database.js';
import { root } from '../support/test-paths.js';

describe('migrations', () => {
  it('match the schema: generating from the schema adds no migration', () => {
    const out = mkdtempSync(join(tmpdir(), 'relais-migrations-'));
    cpSync(join(root, 'drizzle'), out, { recursive: true });
    const before = readdirSync(out).filter((f) => f.endsWith('.sql'));
    execFileSync(process.execPath, [join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate',
      '--dialect', 'postgresql', '--schema', './src/storage/schema/index.ts', '--out', out], { cwd: root, stdio: 'pipe' });
    expect(readdirSync(out).filter((f) => f.endsWith('.sql'))).toEqual(before);
  });

  it.each(databaseTargets())('are all applied on $name and the database reports ready', async ({ open }) => {
    const handle = await open();
    try {
      expect(await handle.ready()).toEqual({ reachable: true, migrated: true });
      await handle.migrate(); // applying again is a no-op
      expect(committedMigrationCount()).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });
});
