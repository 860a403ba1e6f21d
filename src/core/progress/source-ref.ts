import type { Authored } from '../ports/progress-store.js';
import type { SourceRef, SourceType } from './progress-facts.js';

/** The source of a fact: which record, of which day, written by whom. */
export const sourceOf = (type: SourceType, row: Authored & { readonly id: string; readonly date: string }): SourceRef => ({
  type, id: row.id, date: row.date, authorId: row.authorId, authorName: row.authorName,
});
