import type { PersonDataSnapshot } from './person-data-store.js';

/** Renders a person's data export as a readable document (PDF bytes). */
export interface PersonDataDocuments {
  renderPdf(snapshot: PersonDataSnapshot, options: { readonly locale: 'fr' | 'en'; readonly generatedAt: Date }): Promise<Uint8Array>;
}
