import type { Block, Reply } from '../core/messages/reply.js';

export interface ReplyLimits {
  /** Maximum blocks once rendered (Slack: 50 per message, 100 per modal). */
  readonly maxBlocks: number;
  /** Maximum characters of one text block (Slack: 3000 per section). */
  readonly maxTextChars: number;
  /** Maximum characters of the plain fallback text (Slack: about 4000; we keep 2000). */
  readonly maxFallbackChars: number;
}

export const SLACK_LIMITS: ReplyLimits = { maxBlocks: 50, maxTextChars: 3000, maxFallbackChars: 2000 };

/**
 * Keeps a reply within a platform's limits by splitting long texts and folding
 * the tail of long lists into a "…" line, never by dropping buttons or headers.
 */
export function fitReply(reply: Reply, limits: ReplyLimits, moreLabel: (count: number) => string): Reply {
  const split: Block[] = reply.blocks.flatMap((b): Block[] => (b.type === 'text' ? splitText(b.text, limits.maxTextChars).map((text): Block => ({ type: 'text', text })) : [b]));
  const listItemLines = (b: Block) => (b.type === 'list' ? b.items.reduce((n, i) => n + 1 + i.lines.length, b.title ? 1 : 0) : 1);
  let total = split.reduce((n, b) => n + listItemLines(b), 0);
  const blocks = split.map((b) => {
    if (b.type !== 'list' || total <= limits.maxBlocks) return b;
    const keep = Math.max(1, b.items.length - (total - limits.maxBlocks));
    if (keep >= b.items.length) return b;
    total -= b.items.length - keep;
    return { ...b, items: [...b.items.slice(0, keep), { title: moreLabel(b.items.length - keep), lines: [] }] };
  });
  const essential: Block[] = blocks.filter((b) => b.type === 'header' || b.type === 'actions');
  const rest: Block[] = blocks.filter((b) => b.type !== 'header' && b.type !== 'actions');
  const room = Math.max(0, limits.maxBlocks - essential.length);
  const fitted = blocks.filter((b) => essential.includes(b) || rest.indexOf(b) < room);
  return { ...reply, text: truncate(reply.text, limits.maxFallbackChars), blocks: fitted };
}

export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

const truncate = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
