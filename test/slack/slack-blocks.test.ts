import type { Block, Form, Reply } from '../../src/core/messages/reply.js';
import {
  actionOfId, loadingModal, modalValues, readModalMetadata, renderMessage, renderModal, SLACK_BLOCK_LIMITS, type SlackBlock,
} from '../../src/platforms/slack/slack-blocks.js';
import { blockActionIncoming } from '../../src/platforms/slack/slack-message.js';
import { toMrkdwn } from '../../src/platforms/slack/slack-text.js';

const texts = { more: (n: number) => `… et ${n} de plus` };
const render = (blocks: Block[], text = 'Résumé') => renderMessage({ text, blocks }, texts);
/** Every mrkdwn/plain text of the rendered blocks. */
function allTexts(x: unknown): string[] {
  if (Array.isArray(x)) return x.flatMap(allTexts);
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return [...(typeof o['text'] === 'string' ? [o['text']] : []), ...Object.values(o).flatMap(allTexts)];
  }
  return [];
}

describe('Slack Block Kit from the neutral Reply', () => {
  it('renders every block shape', () => {
    const reply: Reply = {
      text: 'Brouillon — note du lundi',
      blocks: [
        { type: 'header', text: 'Brouillon — *note* du lundi' },
        { type: 'text', text: '*Présents* : Lucas, Inès\n_Absent_ : Stéphane' },
        { type: 'fields', fields: [{ label: 'Production', value: 'tonte : 300 m²' }, { label: 'Incidents', value: 'aucun' }] },
        { type: 'list', title: 'Observations', items: [{ title: 'Lucas Martin', lines: ['sécurité : EPI mis seul', 'rythme : régulier'] }] },
        { type: 'divider' },
        { type: 'context', text: 'Analyse : moteur de règles intégré' },
        { type: 'image', url: 'https://relais.example/chart.png', alt: 'Production de la semaine' },
        {
          type: 'actions', elements: [
            { type: 'button', action: 'note.confirm', label: 'Valider', value: 'n1', style: 'primary' },
            { type: 'button', action: 'note.discard', label: 'Annuler', value: 'n1', style: 'danger', confirm: { title: 'Annuler ?', text: 'La note sera supprimée.', yes: 'Oui', no: 'Non' } },
            { type: 'select', action: 'team.pick', placeholder: 'Équipe', options: [{ label: 'Espaces verts', value: 'ev' }, { label: 'Recyclerie', value: 'rec' }], initial: 'rec' },
          ],
        },
      ],
    };
    const m = renderMessage(reply, texts);
    expect(m).toMatchObject({ text: 'Brouillon — note du lundi', unfurl_links: false, unfurl_media: false });
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'divider', 'context', 'image', 'actions']);
    expect(m.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Brouillon — note du lundi', emoji: true } });
    expect(m.blocks[1]).toMatchObject({ text: { type: 'mrkdwn', text: '*Présents* : Lucas, Inès\n_Absent_ : Stéphane' } });
    expect(m.blocks[2]).toMatchObject({ fields: [{ type: 'mrkdwn', text: '*Production*\ntonte : 300 m²' }, { text: '*Incidents*\naucun' }] });
    expect(m.blocks[3]).toMatchObject({ text: { text: '*Observations*' } });
    expect(m.blocks[4]).toMatchObject({ text: { text: '*Lucas Martin*\n• sécurité : EPI mis seul\n• rythme : régulier' } });
    expect(m.blocks[6]).toMatchObject({ elements: [{ type: 'mrkdwn', text: 'Analyse : moteur de règles intégré' }] });
    expect(m.blocks[7]).toEqual({ type: 'image', image_url: 'https://relais.example/chart.png', alt_text: 'Production de la semaine' });
    const elements = m.blocks[8]!['elements'] as SlackBlock[];
    expect(elements[0]).toMatchObject({ type: 'button', action_id: 'note.confirm', value: 'n1', style: 'primary', text: { text: 'Valider' } });
    expect(elements[1]).toMatchObject({ style: 'danger', confirm: { title: { text: 'Annuler ?' }, confirm: { text: 'Oui' }, deny: { text: 'Non' }, style: 'danger' } });
    expect(elements[2]).toMatchObject({ type: 'static_select', action_id: 'team.pick', initial_option: { value: 'rec', text: { text: 'Recyclerie' } } });
    expect(elements[2]!['options']).toHaveLength(2);
  });

  it('renders document links as URL buttons, whose clicks are not Relais actions', () => {
    const m = render([{ type: 'links', links: [{ label: 'Résumé (PDF)', url: 'https://relais.example/d/abc.pdf' }, { label: 'Markdown', url: 'https://relais.example/d/abc.md' }] }]);
    expect(m.blocks).toEqual([{ type: 'actions', elements: [
      { type: 'button', action_id: 'relais.link#0', text: { type: 'plain_text', text: 'Résumé (PDF)', emoji: true }, url: 'https://relais.example/d/abc.pdf' },
      { type: 'button', action_id: 'relais.link#1', text: { type: 'plain_text', text: 'Markdown', emoji: true }, url: 'https://relais.example/d/abc.md' },
    ] }]);
    expect(blockActionIncoming({ type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, actions: [{ action_id: 'relais.link#1' }] })).toMatchObject({ kind: 'ignored' });
  });

  it('neutralises mentions, broadcasts, links and entities written by users', () => {
    const evil = 'Salut <!channel> <!here> <@U123ABC> <https://evil.example|clic> @here @channel @everyone & co';
    const m = render([
      { type: 'text', text: evil }, { type: 'context', text: evil },
      { type: 'fields', fields: [{ label: evil, value: evil }] },
      { type: 'list', title: evil, items: [{ title: evil, lines: [evil] }] },
      { type: 'header', text: evil },
      { type: 'actions', elements: [{ type: 'button', action: 'x', label: evil }] },
    ], evil);
    for (const text of [m.text, ...allTexts(m.blocks)]) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toMatch(/<https?:/);
      expect(text).not.toMatch(/@(here|channel|everyone)\b/);
    }
    expect(m.blocks[0]).toMatchObject({ text: { text: expect.stringContaining('&lt;!channel&gt; &lt;!here&gt; &lt;@U123ABC&gt;') } });
    expect(m.blocks[0]).toMatchObject({ text: { text: expect.stringContaining('&amp; co') } });
    expect(toMrkdwn('a & b < c > d')).toBe('a &amp; b &lt; c &gt; d');
  });

  it('stays within Slack limits: sections, blocks, fallback text, buttons kept', () => {
    const long = Array.from({ length: 900 }, (_, i) => `mot${i}`).join(' ');
    const m = render([{ type: 'text', text: long }], 'x'.repeat(5_000));
    expect(m.text.length).toBeLessThanOrEqual(SLACK_BLOCK_LIMITS.fallbackChars);
    expect(m.blocks.length).toBeGreaterThan(1);
    for (const b of m.blocks) expect((b['text'] as { text: string }).text.length).toBeLessThanOrEqual(3_000);
    expect(m.blocks.map((b) => (b['text'] as { text: string }).text).join(' ')).toBe(long);

    // Entities never make a section longer than allowed, and are never cut in half.
    const amp = render([{ type: 'text', text: '&'.repeat(4_000) }]);
    for (const b of amp.blocks) {
      const text = (b['text'] as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(3_000);
      expect(text).toMatch(/^(&amp;)+$/);
    }

    const many: Block[] = [
      { type: 'header', text: 'Notes' },
      ...Array.from({ length: 80 }, (_, i): Block => ({ type: 'text', text: `ligne ${i}` })),
      { type: 'actions', elements: [{ type: 'button', action: 'note.confirm', label: 'Valider', value: 'n' }] },
    ];
    const fitted = render(many);
    expect(fitted.blocks).toHaveLength(50);
    expect(fitted.blocks[0]!.type).toBe('header');
    expect(fitted.blocks.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(fitted.blocks)).toContain('… et 33 de plus');
    expect(JSON.stringify(fitted.blocks)).toContain('ligne 46');
    expect(JSON.stringify(fitted.blocks)).not.toContain('ligne 47');

    const fields = render([{ type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(2_500) })) }]);
    expect(fields.blocks).toHaveLength(3);
    for (const b of fields.blocks) {
      const f = b['fields'] as Array<{ text: string }>;
      expect(f.length).toBeLessThanOrEqual(10);
      for (const x of f) expect(x.text.length).toBeLessThanOrEqual(2_000);
    }
    const buttons = render([{ type: 'actions', elements: Array.from({ length: 30 }, () => ({ type: 'button' as const, action: 'alert.ack', label: 'x'.repeat(100), value: 'v' })) }]);
    expect(buttons.blocks).toHaveLength(2);
    const ids = (buttons.blocks[0]!['elements'] as Array<{ action_id: string; text: { text: string } }>);
    expect(new Set(ids.map((e) => e.action_id)).size).toBe(25);
    expect(ids[0]!.text.text.length).toBeLessThanOrEqual(75);
    expect(ids.map((e) => actionOfId(e.action_id))).toEqual(Array(25).fill('alert.ack'));
  });

  it('renders forms as modals within limits and reads their submissions back', () => {
    const form: Form = {
      action: 'note.form', title: 'Corriger le brouillon du lundi 2 novembre', submitLabel: 'Enregistrer', cancelLabel: 'Annuler', value: 'n1:3',
      inputs: [
        { type: 'input', name: 'production', label: 'Production', value: 'tonte : 300 m²', multiline: true },
        { type: 'input', name: 'team', label: 'Équipe', options: [{ label: 'Espaces verts', value: 'ev' }], value: 'ev', required: true },
      ],
    };
    const modal = renderModal(form, { channel: 'D1', thread: '17.1' }, texts);
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'note.form', submit: { text: 'Enregistrer' }, close: { text: 'Annuler' } });
    expect((modal['title'] as { text: string }).text.length).toBeLessThanOrEqual(24);
    const blocks = modal['blocks'] as SlackBlock[];
    expect(blocks[0]).toMatchObject({ type: 'input', block_id: 'production', optional: true, element: { type: 'plain_text_input', action_id: 'value', multiline: true, initial_value: 'tonte : 300 m²' } });
    expect(blocks[1]).toMatchObject({ type: 'input', block_id: 'team', optional: false, element: { type: 'static_select', initial_option: { value: 'ev' } } });
    expect(readModalMetadata(modal['private_metadata'] as string)).toEqual({ a: 'note.form', v: 'n1:3', c: 'D1', th: '17.1' });
    expect(readModalMetadata('pas du json')).toBeNull();
    expect(modalValues({ production: { value: { value: 'tonte : 450 m2' } }, team: { value: { selected_option: { value: 'ev' } } }, other: { x: { value: 'y' } } }))
      .toEqual({ production: 'tonte : 450 m2', team: 'ev' });

    const big = renderModal({ ...form, inputs: Array.from({ length: 150 }, (_, i) => ({ type: 'input' as const, name: `l${i}`, label: `Ligne ${i}` })) }, {}, texts);
    expect((big['blocks'] as SlackBlock[]).length).toBeLessThanOrEqual(100);
    expect(loadingModal('Relais', 'Je prépare le formulaire…', 'Fermer')).toMatchObject({ type: 'modal', blocks: [{ text: { text: 'Je prépare le formulaire…' } }] });
  });
});
