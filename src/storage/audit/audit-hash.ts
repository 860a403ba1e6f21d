import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface HashedFields {
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly door: string;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly subjectPersonId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

/** sha256(previous hash + canonical row). */
export function chainHash(prevHash: string, row: HashedFields): string {
  const canonical = canonicalJson([
    row.at.toISOString(), row.actorId, row.actorRole, row.door, row.action, row.resourceType, row.resourceId, row.subjectPersonId, row.details,
  ]);
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}
