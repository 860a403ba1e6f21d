import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { openPglite } from '../../src/storage/open-pglite.js';
import { openPostgres } from '../../src/storage/open-postgres.js';
import { pgliteTemplateDir, postgresTemplateName } from './test-paths.js';

export const testDatabaseUrl = (): string | undefined => process.env['TEST_DATABASE_URL'] || undefined;

/** A migrated PGlite copied from the run's template (about half a second). */
export async function openTestPglite(): Promise<DatabaseHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'relais-pglite-'));
  cpSync(pgliteTemplateDir(), dir, { recursive: true });
  const handle = await openPglite(dir, { relaxedDurability: true });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database cloned from the migrated template; dropped on close. */
export async function openTestPostgres(url: string): Promise<DatabaseHandle & { readonly url: string }> {
  const name = `relais_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${postgresTemplateName()}"`);
        break;
      } catch (error) {
        // Two workers cloning at the same instant can collide on the template lock.
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
      }
    }
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString(), 5);
  return {
    ...handle,
    url: target.toString(),
    close: async () => {
      await handle.close();
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await drop.end();
    },
  };
}

export interface TestDatabaseTarget {
  readonly name: 'pglite' | 'postgres';
  readonly open: () => Promise<DatabaseHandle>;
}

/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export function databaseTargets(): TestDatabaseTarget[] {
  const url = testDatabaseUrl();
  const targets: TestDatabaseTarget[] = [{ name: 'pglite', open: openTestPglite }];
  if (url) targets.push({ name: 'postgres', open: () => openTestPostgres(url) });
  return targets;
}

let warned = false;
/** Says once, clearly, that PostgreSQL tests are skipped and how to run them. */
export function warnIfPostgresSkipped(): void {
  if (testDatabaseUrl() || warned) return;
  warned = true;
  process.stderr.write('PostgreSQL tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test).\n');
}

/** Empties every Relais table between tests that share one database. */
export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  const result = (await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'relais' and tablename not like '__drizzle%'`)) as unknown as { rows: Array<{ tablename: string }> };
  const tables = result.rows.map((r) => `"relais"."${r.tablename}"`);
  if (tables.length === 0) return;
  if (handle.kind === 'postgres') {
    await handle.db.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
    return;
  }
  // TRUNCATE touches files, slow in PGlite's WASM file system; DELETE without FK checks is fast on small test tables.
  await handle.db.execute(sql.raw(`do $$ begin set local session_replication_role = replica; ${tables.map((t) => `delete from ${t};`).join(' ')} end $$`));
}
