import type { BilanKind, BilanRecord, ValidBilan } from '../bilans/bilan.js';

/** Bilans and, at the sortie, the salarié's exit (status, date, category) in the same transaction. */
export interface BilanStore {
  record(personId: string, bilan: ValidBilan, createdBy: string): Promise<BilanRecord>;
  /** The latest bilan of a kind, for a document's recorded content. */
  latest(personId: string, kind: BilanKind): Promise<BilanRecord | null>;
}
