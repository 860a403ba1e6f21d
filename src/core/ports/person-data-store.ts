import type { AuditEvent } from './audit-trail.js';

/** The person a GDPR request is about, with what the policy needs. */
export interface PersonDataSubject {
  readonly id: string;
  readonly structureId: string;
  readonly teamId: string | null;
  readonly referentCipId: string | null;
  readonly role: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: string;
}

/** Rows of one table that hold the person's data, as stored (free text reduced to the passages naming them). */
export interface PersonDataTable {
  readonly table: string;
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** Everything stored about a person (GDPR art. 15). */
export interface PersonDataSnapshot {
  readonly subject: PersonDataSubject;
  readonly tables: readonly PersonDataTable[];
}

/** What an erasure did, table by table (GDPR art. 17). */
export interface ErasureReport {
  readonly personId: string;
  readonly tables: ReadonlyArray<{ readonly table: string; readonly deleted: number; readonly anonymised: number; readonly retained: number }>;
}

/** Reads and erases a person's data everywhere it is stored. */
export interface PersonDataStore {
  findSubject(personId: string): Promise<PersonDataSubject | null>;
  collect(personId: string): Promise<PersonDataSnapshot>;
  /**
   * Erases or anonymises in one transaction: all of it or nothing. The audit entries `audit` returns for the
   * report are appended to the trail in that same transaction: no erasure without its entry, no entry without it.
   */
  erase(personId: string, at: Date, audit?: (report: ErasureReport) => readonly AuditEvent[]): Promise<ErasureReport>;
}
