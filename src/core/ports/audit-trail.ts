import type { Actor } from '../domain/actor.js';

/** What happened to a salarié's data. `details` holds ids and counts only, never names or text. */
export interface AuditEvent {
  readonly actor: Actor;
  /** read | write | export | erase | confirm | retention… */
  readonly action: string;
  /** A policy resource (progress-summary, shift-note, gdpr-export…). */
  readonly resourceType: string;
  readonly resourceId?: string | null;
  /** The salarié the data is about. */
  readonly subjectPersonId?: string | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** A stored, hash-chained entry. */
export interface AuditRecord {
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly door: string;
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string | null;
  readonly subjectPersonId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** First entry whose hash or link to the previous entry does not match. */
  readonly brokenAt?: number;
}

/** Append-only, tamper-evident log of who read or changed which salarié's data, when, from which door. */
export interface AuditTrail {
  /** Appends entries (one chain step each); several at once share one lock. */
  record(...events: AuditEvent[]): Promise<void>;
  list(filter: { readonly subjectPersonId?: string; readonly limit?: number }): Promise<AuditRecord[]>;
  verify(): Promise<AuditVerification>;
}

/** For use cases whose tests do not look at the log. */
export const noAudit: AuditTrail = {
  record: async () => undefined,
  list: async () => [],
  verify: async () => ({ ok: true, checked: 0 }),
};
