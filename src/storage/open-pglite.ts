import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DatabaseHandle } from './database.js';
import { lockPgliteFolder } from './folder-lock.js';
import { appliedMigrationCount, committedMigrationCount, MIGRATIONS_FOLDER, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE } from './migrations.js';
import * as schema from './schema/index.js';

/**
 * Embedded PostgreSQL (WASM) in a folder: nothing to install. Single process only:
 * PGlite holds the folder exclusively, so Relais on PGlite is one instance.
 * `dir` undefined gives an in-memory database (tests).
 */
export async function openPglite(dir: string | undefined, options: { relaxedDurability?: boolean } = {}): Promise<DatabaseHandle> {
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const unlock = dir === undefined ? () => undefined : lockPgliteFolder(dir);
  // Durable by default: a note acknowledged to a user is on disk. Tests may relax it for speed.
  // 32 MB of shared buffers instead of PostgreSQL's 128 MB: a structure's data fits, and the process
  // stays near 200 MB instead of 320 (measured by `npm run bench service`).
  const postgresqlconf = ['shared_buffers=32MB'];
  const client = dir === undefined ? new PGlite({ postgresqlconf }) : new PGlite(dir, { relaxedDurability: options.relaxedDurability ?? false, postgresqlconf });
  try {
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const handle = pgliteHandle(client);
  return {
    ...handle,
    // In the database's folder, under its lock: the events acknowledged but not yet in the inbox table.
    ...(dir === undefined ? {} : { intakeJournalDir: join(dir, 'relais-intake') }),
    close: async () => { await handle.close(); unlock(); },
  };
}

export function pgliteHandle(client: PGlite): DatabaseHandle {
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migrate(drizzle({ client, schema }), {
        migrationsFolder: MIGRATIONS_FOLDER, migrationsSchema: MIGRATIONS_SCHEMA, migrationsTable: MIGRATIONS_TABLE,
      });
    },
    ready: async () => {
      try {
        await db.execute(sql`select 1`);
      } catch {
        return { reachable: false, migrated: false };
      }
      return { reachable: true, migrated: (await appliedMigrationCount(db)) >= committedMigrationCount() };
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}
