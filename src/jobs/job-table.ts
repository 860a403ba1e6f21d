import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../storage/database.js';

/** A claimed row: `attempt` is the fencing token of this claim. */
export interface Claimed {
  readonly id: string;
  readonly attempt: number;
  readonly row: Record<string, unknown>;
}

type Table = 'inbox' | 'outbox';

/**
 * Lease-based claiming shared by the inbox and the outbox. A row is claimable
 * when pending and due, or running with an expired lease (its worker died).
 * FOR UPDATE SKIP LOCKED lets several instances claim without waiting on each other.
 */
export class JobTable {
  constructor(private readonly db: Executor, private readonly table: Table, private readonly workerId: string) {}

  async claim(now: Date, leaseMs: number, extraWhere: SQL = sql`true`): Promise<Claimed | null> {
    const t = sql.raw(`relais.${this.table}`);
    const lease = new Date(now.getTime() + leaseMs);
    const result = (await this.db.execute(sql`
      update ${t} set status = 'running', attempt = attempt + 1, lease_until = ${lease.toISOString()}, locked_by = ${this.workerId}
      where id = (
        select id from ${t}
        where ((status = 'pending' and available_at <= ${now.toISOString()})
           or (status = 'running' and lease_until < ${now.toISOString()}))
          and ${extraWhere}
        order by available_at, created_at
        limit 1
        for update skip locked
      )
      returning *`)) as unknown as { rows: Array<Record<string, unknown>> };
    const row = result.rows[0];
    return row ? { id: String(row['id']), attempt: Number(row['attempt']), row } : null;
  }

  /** Marks done only if this claim is still the current one; false when a newer attempt took over. */
  async complete(claim: Claimed, now: Date, result?: Record<string, unknown>): Promise<boolean> {
    const t = sql.raw(`relais.${this.table}`);
    const finished = this.table === 'inbox'
      ? sql`finished_at = ${now.toISOString()}`
      : sql`sent_at = ${now.toISOString()}, result = ${JSON.stringify(result ?? null)}::jsonb`;
    const updated = (await this.db.execute(sql`
      update ${t} set status = 'done', lease_until = null, ${finished}
      where id = ${claim.id} and attempt = ${claim.attempt} and status = 'running'
      returning id`)) as unknown as { rows: unknown[] };
    return updated.rows.length === 1;
  }

  /** Puts the row back for a later attempt, or buries it after `maxAttempts`. */
  async fail(claim: Claimed, now: Date, error: string, retryInMs: number, maxAttempts: number): Promise<'retry' | 'dead' | 'stale'> {
    const t = sql.raw(`relais.${this.table}`);
    const dead = claim.attempt >= maxAttempts;
    const result = (await this.db.execute(sql`
      update ${t} set status = ${dead ? 'dead' : 'pending'}, lease_until = null, last_error = ${error.slice(0, 500)},
        available_at = ${new Date(now.getTime() + retryInMs).toISOString()}
      where id = ${claim.id} and attempt = ${claim.attempt} and status = 'running'
      returning id`)) as unknown as { rows: unknown[] };
    if (result.rows.length === 0) return 'stale';
    return dead ? 'dead' : 'retry';
  }

  /** Defers without counting an attempt (a message waiting for the one it updates). */
  async defer(claim: Claimed, now: Date, delayMs: number): Promise<void> {
    const t = sql.raw(`relais.${this.table}`);
    await this.db.execute(sql`
      update ${t} set status = 'pending', attempt = attempt - 1, lease_until = null,
        available_at = ${new Date(now.getTime() + delayMs).toISOString()}
      where id = ${claim.id} and attempt = ${claim.attempt} and status = 'running'`);
  }
}
