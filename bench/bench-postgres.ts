import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseHandle } from '../src/storage/database.js';
import { openPostgres } from '../src/storage/open-postgres.js';

/** The PostgreSQL server the bench may use (a throwaway database is created on it), if any. */
export function benchDatabaseUrl(): string | undefined {
  return process.env['RELAIS_BENCH_DATABASE_URL'] || process.env['TEST_DATABASE_URL'] || undefined;
}

/** Runs `work` with the address of a fresh, empty database of that server, dropped afterwards. */
export async function withPostgresDatabase<T>(url: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `relais_bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    return await work(target.toString());
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

/** Runs `work` on a fresh, migrated database of that server, dropped afterwards. */
export function withPostgres<T>(url: string, work: (handle: DatabaseHandle) => Promise<T>, poolSize = 5): Promise<T> {
  return withPostgresDatabase(url, async (databaseUrl) => {
    const handle = await openPostgres(databaseUrl, poolSize);
    try {
      await handle.migrate();
      return await work(handle);
    } finally {
      await handle.close();
    }
  });
}
