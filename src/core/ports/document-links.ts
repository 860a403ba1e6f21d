import type { DocumentKind } from './progress-documents.js';

/** What a signed link lets its holder download: a document or a chart about one salarié, as one requester. */
export interface DocumentLinkRequest {
  readonly requesterId: string;
  readonly personId: string;
  /**
   * A progress document, an attestation de compétences, a fiche de séance (then `personId` is the session id),
   * or everything stored about a person (`gdpr`, the right of access: JSON or PDF).
   */
  readonly kind: DocumentKind | 'attestation' | 'seance' | 'gdpr';
  readonly format: 'pdf' | 'markdown' | 'json' | 'chart-attendance' | 'chart-skills';
  /** Shorter than the default day for the most sensitive downloads. */
  readonly ttlMs?: number;
  readonly from?: string;
  readonly to?: string;
  /** The door the link is shown in: a relative link only works on the playground page. */
  readonly platform: string;
}

/**
 * Short-lived signed links to documents rendered on demand. Null when no URL
 * can be given in that door (no PUBLIC_URL outside the playground).
 */
export interface DocumentLinks {
  linkFor(request: DocumentLinkRequest): string | null;
}
