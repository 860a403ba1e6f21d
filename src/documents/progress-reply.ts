import type { Block as ReplyBlock, Reply } from '../core/messages/reply.js';
import type { ProgressDocumentInput } from '../core/ports/progress-documents.js';
import { buildDocumentModel } from './bilan-structure.js';
import type { Block, Item } from './progress-document-model.js';

/** Items shown per section in chat: the document has them all, the chat message stays readable on a phone. */
const MAX_ITEMS = 6;
const MAX_ROWS = 6;

function itemLine(item: Item): string {
  const source = item.source === undefined ? '' : ` _(${item.source})_`;
  const children = (item.children ?? []).slice(0, 3).map((c) => `\n   ◦ ${c.text}${c.source === undefined ? '' : ` _(${c.source})_`}`).join('');
  return `• ${item.text}${source}${children}`;
}

function blockText(block: Block, more: (n: number) => string): string | null {
  switch (block.kind) {
    case 'paragraph': return block.emphasis ? `_${block.text}_` : block.text;
    case 'items': {
      const shown = block.items.slice(0, MAX_ITEMS).map(itemLine);
      if (block.items.length > MAX_ITEMS) shown.push(more(block.items.length - MAX_ITEMS));
      return shown.join('\n');
    }
    case 'table': {
      // Most recent rows last in the document (months): chat shows the latest ones.
      const rows = block.rows.slice(-MAX_ROWS).map((r) => `• ${r.filter((c) => c !== '').join(' — ')}`);
      if (block.rows.length > MAX_ROWS) rows.unshift(more(block.rows.length - MAX_ROWS));
      return rows.join('\n');
    }
    case 'image': return null;
    case 'form': return block.fields.filter((f) => f.value !== null).map((f) => `*${f.label}* : ${f.value}`).join('\n') || null;
  }
}

/**
 * A progress summary as a chat message: the same sections and sources as the
 * documents, shortened per section (the PDF and Markdown have everything).
 */
export function progressReply(input: ProgressDocumentInput, texts: { more: (n: number) => string; marker: 'rules' | 'ai' }): Reply {
  const model = buildDocumentModel(input);
  const blocks: ReplyBlock[] = [
    { type: 'header', text: model.title },
    { type: 'context', text: model.subtitle },
  ];
  for (const section of model.sections) {
    const parts = section.blocks.map((b) => blockText(b, texts.more)).filter((t): t is string => t !== null && t.trim() !== '');
    if (parts.length === 0) continue;
    blocks.push({ type: 'text', text: `*${section.heading}*\n${parts.join('\n')}` });
  }
  blocks.push({ type: 'context', text: model.intro });
  return { text: model.title, blocks, marker: texts.marker };
}
