import type { DocumentKind } from './progress-documents.js';

/** What a signed link lets its holder download: a document or a chart about one salarié, as one requester. */
export interface DocumentLinkRequest {
  readonly requesterId: string;
  readonly personId: string;
  readonly kind: DocumentKind;
  readonly format: 'pdf' | 'markdown' | 'chart-attendance' | 'chart-skills';
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
