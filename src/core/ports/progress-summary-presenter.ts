import type { Reply } from '../messages/reply.js';
import type { ProgressDocumentInput } from './progress-documents.js';

/** A progress summary as a chat message, with the same sections and sources as the documents. */
export interface ProgressSummaryPresenter {
  toReply(input: ProgressDocumentInput): Reply;
}
