import type { BilanKind, BilanRecord } from '../bilans/bilan.js';
import type { ProgressFacts } from '../progress/progress-facts.js';
import type { Narrative } from './progress-narrator.js';

export const DOCUMENT_FORMATS = ['text', 'markdown', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
/** A plain progress summary (`suivi`) or the structure of one kind of bilan. */
export type DocumentKind = 'suivi' | BilanKind;

export interface ProgressDocumentInput {
  readonly kind: DocumentKind;
  readonly facts: ProgressFacts;
  readonly narrative: Narrative | null;
  /** The bilan already recorded for this kind, if any: fills needs, outcomes, the salarié's view and agreement. */
  readonly bilan: BilanRecord | null;
  readonly charts: { readonly attendance: Uint8Array | null; readonly skills: Uint8Array | null };
  /** Display names of people ids the facts mention (bilan participants). */
  readonly names: Readonly<Record<string, string>>;
  readonly locale: 'fr' | 'en';
  readonly generatedOn: string;
}

/** Renders a summary or a bilan as plain text, Markdown or PDF (bytes; UTF-8 for the text formats). */
export interface ProgressDocuments {
  render(input: ProgressDocumentInput, format: DocumentFormat): Promise<Uint8Array>;
}
