import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { projectPath } from '../project-paths.js';
import type { Database } from './database.js';

export const MIGRATIONS_FOLDER = projectPath('drizzle');
export const MIGRATIONS_SCHEMA = 'relais';
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/** Number of migrations committed in drizzle/ (the journal). */
export function committedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

export async function appliedMigrationCount(db: Database): Promise<number> {
  try {
    const result = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)}`,
    )) as unknown as { rows: Array<{ n: number }> };
    return Number(result.rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}
