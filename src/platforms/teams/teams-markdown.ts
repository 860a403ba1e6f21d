import { splitText } from '../../conversation/fit-reply.js';

/** Longest text of one card element; longer texts become several (keeps every element small for splitting). */
export const MAX_ELEMENT_CHARS = 2_000;

/**
 * Relais' light markup (*bold*, _italic_, `code`, "> quote") in the Markdown
 * subset Adaptive Cards and Teams messages understand.
 */
export function toTeamsMarkdown(text: string): string {
  return text
    .replace(/\*([^*\n]+)\*/g, '**$1**')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(^|\n)> ?/g, '$1› ');
}

/** Plain text for places without Markdown (headers, fact titles): the markup characters go. */
export function toPlain(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, '$1').replace(/`([^`\n]+)`/g, '$1');
}

/** Lines of a text block, each short enough for one element; blank lines are kept as paragraph breaks (''). */
export function paragraphs(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => (line.trim() === '' ? [''] : splitText(line, MAX_ELEMENT_CHARS)));
}
