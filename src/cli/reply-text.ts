import type { Reply } from '../core/messages/reply.js';

/** A reply as plain text for the terminal (the CLI door). */
export function replyToText(reply: Reply): string {
  const out: string[] = [];
  for (const b of reply.blocks) {
    switch (b.type) {
      case 'header': out.push(b.text, ''); break;
      case 'text': case 'context': out.push(b.text); break;
      case 'fields': out.push(...b.fields.map((f) => (f.label ? `${f.label} : ${f.value}` : `  ${f.value}`))); break;
      case 'list':
        if (b.title) out.push('', `${b.title}`);
        for (const item of b.items) {
          if (item.title) out.push(`${item.title}`);
          out.push(...item.lines.map((l) => `  • ${l}`));
        }
        break;
      default: break;
    }
  }
  return `${out.join('\n').trim()}\n`;
}
