import type { Block, DocumentModel, Item } from './progress-document-model.js';

function itemLines(item: Item, depth: number): string[] {
  const pad = '  '.repeat(depth);
  const source = item.source === undefined ? [] : [`${pad}    (${item.source})`];
  return [`${pad}• ${item.text}`, ...source, ...(item.children ?? []).flatMap((c) => itemLines(c, depth + 1))];
}

function blockLines(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph': return [block.text, ''];
    case 'items': return [...block.items.flatMap((i) => itemLines(i, 0)), ''];
    case 'table': return [...block.rows.map((r) => `  ${r.filter((c) => c !== '').join(' — ')}`), ''];
    case 'image': return [];
    case 'form': return [...block.fields.map((f) => `${f.label} : ${f.value === null ? '…' : f.value.replace(/\n/g, ' / ')}`), ''];
  }
}

/** Plain text for a terminal or a chat message. */
export function renderText(model: DocumentModel): string {
  const lines = [model.title, model.subtitle, '', model.intro, ''];
  for (const section of model.sections) {
    const body = section.blocks.flatMap(blockLines);
    if (body.length === 0) continue;
    lines.push(section.heading.toUpperCase(), ...body);
  }
  lines.push(model.footer, '');
  return lines.join('\n');
}
