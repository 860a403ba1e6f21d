import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.js';

/** Drizzle over PGlite or node-postgres: the same code and migrations serve both. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle has the same query API as the database. */
export type Executor = Database;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /**
   * Where the doors journal events before acknowledging them (an embedded database in a folder);
   * absent when events are written straight to the inbox table (PostgreSQL, in-memory PGlite).
   */
  readonly intakeJournalDir?: string;
  /** Applies committed migrations (serialised across instances on PostgreSQL). */
  migrate(): Promise<void>;
  /** True when the database answers and every committed migration is applied. */
  ready(): Promise<{ reachable: boolean; migrated: boolean }>;
  close(): Promise<void>;
}
