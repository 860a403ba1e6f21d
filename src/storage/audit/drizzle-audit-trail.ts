import { asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../core/ports/clock.js';
import type { AuditEvent, AuditRecord, AuditTrail, AuditVerification } from '../../core/ports/audit-trail.js';
import type { Database, Executor } from '../database.js';
import { auditLog } from '../schema/audit.js';
import { chainHash, GENESIS_HASH } from './audit-hash.js';

/** One lock number for appending to the chain (PostgreSQL advisory lock, transaction scoped). */
const CHAIN_LOCK = 7_311_001;

const toRecord = (r: typeof auditLog.$inferSelect): AuditRecord => ({ ...r, details: r.details ?? {} });

/**
 * Appends chain steps on an executor that is already inside a transaction (the chain lock is transaction
 * scoped), so that an entry commits or rolls back with the change it records (GDPR erasure).
 */
export async function appendAuditEntries(db: Executor, now: Date, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  // Milliseconds only: what both drivers store and read back exactly.
  const at = new Date(Math.floor(now.getTime()));
  for (const event of events) {
    const fields = {
      at, actorId: event.actor.personId, actorRole: event.actor.role, door: event.actor.door, action: event.action,
      resourceType: event.resourceType, resourceId: event.resourceId ?? null, subjectPersonId: event.subjectPersonId ?? null,
      details: { ...event.details },
    };
    const hash = chainHash(prevHash, fields);
    await db.insert(auditLog).values({ ...fields, prevHash, hash });
    prevHash = hash;
  }
}

/** Appends hash-chained rows: each insert holds the chain lock, reads the last hash and links to it. */
export class DrizzleAuditTrail implements AuditTrail {
  constructor(private readonly db: Database, private readonly clock: Clock) {}

  async record(...events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.db.transaction(async (tx) => appendAuditEntries(tx as unknown as Executor, this.clock.now(), events));
  }

  async list(filter: { subjectPersonId?: string; limit?: number }): Promise<AuditRecord[]> {
    const query = this.db.select().from(auditLog);
    const rows = await (filter.subjectPersonId === undefined ? query : query.where(eq(auditLog.subjectPersonId, filter.subjectPersonId)))
      .orderBy(desc(auditLog.seq)).limit(filter.limit ?? 100);
    return rows.map(toRecord);
  }

  /** Recomputes every hash in order, by pages; the first mismatch or broken link is reported. */
  async verify(): Promise<AuditVerification> {
    let prevHash = GENESIS_HASH;
    let lastSeq = 0;
    let checked = 0;
    for (;;) {
      const page = await this.db.select().from(auditLog).where(gt(auditLog.seq, lastSeq)).orderBy(asc(auditLog.seq)).limit(1000);
      if (page.length === 0) return { ok: true, checked };
      for (const row of page) {
        if (row.prevHash !== prevHash || chainHash(prevHash, toRecord(row)) !== row.hash) return { ok: false, checked, brokenAt: row.seq };
        prevHash = row.hash;
        lastSeq = row.seq;
        checked += 1;
      }
    }
  }
}
