import fc from 'fast-check';
import type { Block, Reply } from '../../src/core/messages/reply.js';
import { fitReply, SLACK_LIMITS, splitText } from '../../src/conversation/fit-reply.js';

const more = (n: number) => `… et ${n} autres`;
const countRendered = (reply: Reply) => reply.blocks.reduce((n, b) => n + (b.type === 'list' ? (b.title ? 1 : 0) + b.items.reduce((m, i) => m + 1 + i.lines.length, 0) : 1), 0);

describe('fitReply', () => {
  it('splits texts over the per-block limit without losing characters', () => {
    const long = 'mot '.repeat(2000).trim();
    const parts = splitText(long, 3000);
    expect(parts.every((p) => p.length <= 3000)).toBe(true);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(long);
  });

  it('keeps any reply within Slack limits, keeping header and buttons', () => {
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('text' as const), text: fc.string({ maxLength: 9000 }) }),
      fc.record({ type: fc.constant('list' as const), title: fc.string({ maxLength: 20 }), items: fc.array(fc.record({ title: fc.string({ maxLength: 30 }), lines: fc.array(fc.string({ maxLength: 50 }), { maxLength: 6 }) }), { maxLength: 60 }) }),
      fc.record({ type: fc.constant('context' as const), text: fc.string({ maxLength: 200 }) }),
    );
    fc.assert(fc.property(fc.array(block, { maxLength: 80 }), fc.string({ maxLength: 5000 }), (blocks, text) => {
      const reply: Reply = { text, blocks: [{ type: 'header', text: 'T' }, ...blocks, { type: 'actions', elements: [{ type: 'button', action: 'a', label: 'OK' }] }] };
      const fitted = fitReply(reply, SLACK_LIMITS, more);
      expect(fitted.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.maxBlocks);
      expect(fitted.text.length).toBeLessThanOrEqual(SLACK_LIMITS.maxFallbackChars);
      for (const b of fitted.blocks) if (b.type === 'text') expect(b.text.length).toBeLessThanOrEqual(SLACK_LIMITS.maxTextChars);
      expect(fitted.blocks[0]).toEqual({ type: 'header', text: 'T' });
      expect(fitted.blocks.some((b) => b.type === 'actions')).toBe(true);
      expect(countRendered(fitted)).toBeGreaterThan(0);
    }), { numRuns: 200 });
  });
});
