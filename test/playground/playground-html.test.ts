import fc from 'fast-check';
import type { Reply } from '../../src/core/messages/reply.js';
import { escapeHtml, formHtml, markup, replyHtml } from '../../src/platforms/playground/playground-html.js';

describe('playground rendering', () => {
  it('escapes every user string, whatever it holds', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      const reply: Reply = {
        text: a,
        blocks: [
          { type: 'header', text: a }, { type: 'text', text: b }, { type: 'list', title: a, items: [{ title: b, lines: [a, b] }] },
          { type: 'fields', fields: [{ label: a, value: b }] },
          { type: 'actions', elements: [{ type: 'button', action: a, label: b, value: a, confirm: { title: a, text: b, yes: a, no: b } }] },
        ],
        form: { action: a, title: b, submitLabel: a, cancelLabel: b, value: a, inputs: [{ type: 'input', name: a, label: b, value: a, multiline: true }] },
      };
      const html = replyHtml(reply);
      expect(html).not.toMatch(/<script|<img[^>]*onerror|javascript:/i);
      const withoutTags = html.replace(/<\/?[a-z0-9]+(\s+[a-z-]+(="[^"<>]*")?)*\s*>/gi, '');
      expect(withoutTags).not.toMatch(/[<>]/);
    }), { numRuns: 300 });
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('renders light markup and accessible forms', () => {
    expect(markup('*gras* et _italique_ `code`\nligne')).toBe('<strong>gras</strong> et <em>italique</em> <code>code</code><br>ligne');
    const html = formHtml({ action: 'note.form', title: 'Modifier', submitLabel: 'Enregistrer', cancelLabel: 'Fermer', value: 'n1:3',
      inputs: [{ type: 'input', name: 'production', label: 'Production', multiline: true, value: 'tonte : 300 m²' }] });
    expect(html).toMatch(/<label for="([^"]+)">Production<\/label><textarea id="\1"/);
    expect(html).toContain('tonte : 300 m²</textarea>');
    expect(html).toContain('data-value="n1:3"');
  });
});
