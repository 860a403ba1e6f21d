import type { Block, DocumentModel, Item } from './progress-document-model.js';

const escapeCell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function itemLines(item: Item, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const source = item.source === undefined ? '' : ` — _${item.source}_`;
  return [`${pad}- ${item.text}${source}`, ...(item.children ?? []).flatMap((c) => itemLines(c, depth + 1))];
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.emphasis ? `_${block.text}_` : block.text, ''];
    case 'items':
      return [...block.items.flatMap((i) => itemLines(i, 0)), ''];
    case 'table':
      return [`| ${block.header.map(escapeCell).join(' | ')} |`, `|${block.header.map(() => ' --- ').join('|')}|`,
        ...block.rows.map((r) => `| ${r.map(escapeCell).join(' | ')} |`), ''];
    case 'image':
      // Markdown travels as one file: the pictures go with the PDF, the chat card or the playground.
      return [];
    case 'form':
      return [...block.fields.flatMap((f) => f.value === null
        ? [`**${f.label}** : ______________________________`, '']
        : [`**${f.label}** :`, ...f.value.split('\n').map((l) => `${l}  `), '']), ''];
  }
}

/** Markdown for the bilan meeting (pastes into a shared document or a ticket). */
export function renderMarkdown(model: DocumentModel): string {
  const lines = [`# ${model.title}`, '', `_${model.subtitle}_`, '', model.intro, ''];
  for (const section of model.sections) {
    const body = section.blocks.flatMap(blockLines);
    if (body.length === 0) continue;
    lines.push(`## ${section.heading}`, '', ...body);
  }
  lines.push('---', '', `_${model.footer}_`, '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
