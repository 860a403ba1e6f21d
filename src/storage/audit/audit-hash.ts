import { createHash } from 'node:crypto';
import type { AuditRecord } from '../../core/ports/audit-trail.js';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What the chain hash covers: the whole record but its position and the hashes themselves. */
export type HashedFields = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash'>;

/** sha256(previous hash + canonical row). */
export function chainHash(prevHash: string, row: HashedFields): string {
  const canonical = canonicalJson([
    row.at.toISOString(), row.actorId, row.actorRole, row.door, row.action, row.resourceType, row.resourceId, row.subjectPersonId, row.details,
  ]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}
