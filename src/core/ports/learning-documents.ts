import type { Attestation } from '../learning/attestation.js';
import type { SessionEvaluation } from '../learning/session-evaluation.js';
import type { SessionPlan } from '../learning/session-plan.js';
import type { DocumentFormat } from './progress-documents.js';

/** Fiche de séance and attestation de compétences as Markdown, text or PDF (bytes). */
export interface LearningDocuments {
  session(input: { plan: SessionPlan; topic: string; evaluation: SessionEvaluation | null; locale: 'fr' | 'en' }, format: DocumentFormat): Promise<Uint8Array>;
  attestation(input: { attestation: Attestation; locale: 'fr' | 'en' }, format: DocumentFormat): Promise<Uint8Array>;
}
