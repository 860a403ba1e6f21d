/** A salarié whose retention period is over. */
export interface ExpiredPerson {
  readonly id: string;
  readonly structureId: string;
  readonly rosterKey: string;
  /** Latest of: last contact, exit, contract end, last attendance or observation, record creation (YYYY-MM-DD). */
  readonly referenceDate: string;
}

/** What the retention job looks up and clears; each purge is one statement. */
export interface RetentionStore {
  /** Salariés (not yet anonymised) whose reference date is before `cutoffDate`. */
  expiredPeople(cutoffDate: string): Promise<ExpiredPerson[]>;
  /** Notes confirmed or discarded before `cutoff` that still hold their raw text; cleared unless `dryRun`. */
  purgeNoteTexts(cutoff: Date, at: Date, dryRun: boolean): Promise<number>;
  /** Processed inbox events finished before `cutoff` (they hold the note text as received); emptied unless `dryRun`. */
  purgeInboxPayloads(cutoff: Date, dryRun: boolean): Promise<number>;
}
