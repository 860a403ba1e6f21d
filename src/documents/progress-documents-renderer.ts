import type { DocumentFormat, ProgressDocumentInput, ProgressDocuments } from '../core/ports/progress-documents.js';
import { renderPdf } from './bilan-pdf.js';
import { buildDocumentModel } from './bilan-structure.js';
import { renderMarkdown } from './progress-markdown.js';
import { renderText } from './progress-text.js';

/** Summaries and bilans as text, Markdown (UTF-8) or PDF (pdfkit), from one document model. */
export class PdfKitProgressDocuments implements ProgressDocuments {
  async render(input: ProgressDocumentInput, format: DocumentFormat): Promise<Uint8Array> {
    const model = buildDocumentModel(input);
    if (format === 'pdf') return renderPdf(model);
    return new TextEncoder().encode(format === 'markdown' ? renderMarkdown(model) : renderText(model));
  }
}
