import fc from 'fast-check';
import type { RosterEntry } from '../../src/core/domain/roster.js';
import type { ShiftNote } from '../../src/core/domain/shift-note.js';
import { emptyExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import type { Block, Form, Reply } from '../../src/core/messages/reply.js';
import { draftForm } from '../../src/conversation/presenters/draft-form.js';
import { createNotePresenter } from '../../src/conversation/presenters/note-presenter.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { AI_ENTITY, cardBytes, MAX_MESSAGE_BYTES, replyActivities, type OutgoingActivity } from '../../src/platforms/teams/teams-activities.js';
import { formCard } from '../../src/platforms/teams/teams-card.js';
import { cardValidator, errorsOf, haveCardSchema, warnIfSchemasMissing } from '../support/teams-schemas.js';

warnIfSchemasMissing();
const t = createTranslator('fr');
const texts = { continued: t('teams.continued'), formTooLong: t('teams.form_too_long') };
const cardsOf = (activities: OutgoingActivity[]) => activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content));

const roster: RosterEntry[] = [
  { id: 'p1', firstName: 'Lucas', lastName: 'Morel', aliases: [], team: 'espaces-verts', role: 'salarie' },
  { id: 'p2', firstName: 'Moussa', lastName: 'Camara', aliases: [], team: 'espaces-verts', role: 'salarie' },
  { id: 'eti', firstName: 'Bruno', lastName: 'Carrel', aliases: [], team: 'espaces-verts', role: 'encadrant' },
];

function note(observations = 2, evidence = "Lucas a mis ses EPI sans qu'on lui dise"): ShiftNote {
  return {
    id: 'n1', structureId: 's', teamId: 't', authorId: 'eti', shiftDate: '2026-11-02', rawText: 'x', source: 'text', status: 'draft',
    platform: 'teams', platformEventId: 'e', conversation: { platform: 'teams', kind: 'dm', workspaceId: 'w', conversationId: 'a:1' },
    version: 3, receivedAt: new Date(), confirmedAt: null,
    draft: {
      engine: 'llm', degraded: false,
      extraction: {
        ...emptyExtraction(),
        attendance: [{ person: 'p1', status: 'present', excused: null, minutes: null }, { person: 'p2', status: 'absent', excused: null, minutes: null }],
        production: [{ activity: 'tonte', quantity: 300, unit: 'm2' }],
        observations: Array.from({ length: observations }, (_, i) => ({ person: i % 2 ? 'p2' : 'p1', category: 'securite' as const, polarity: 'positive' as const, evidence })),
        alerts: [{ person: 'p2', topic: 'logement', evidence: 'il dort dans sa voiture' }],
      },
    },
  };
}

const describeSchema = haveCardSchema ? describe : describe.skip;

describeSchema('Teams cards against the Adaptive Cards 1.5 schema', () => {
  const validate = () => cardValidator();

  it('renders the draft with Universal Actions, an Action.Submit fallback and a confirmation for Annuler', () => {
    const reply = createNotePresenter(t, 'fr').draft(note(), roster);
    const activities = replyActivities(reply, texts);
    expect(activities).toHaveLength(1);
    const [content] = cardsOf(activities);
    expect(validate()(content)).toBe(true);
    const json = JSON.stringify(content);
    expect(json).toContain('"type":"Action.Execute","title":"Valider","verb":"note.confirm","data":{"value":"n1"}');
    expect(json).toContain('"fallback":{"type":"Action.Submit","title":"Valider","data":{"action":"note.confirm","value":"n1"}}');
    expect(json).toContain('"type":"Action.ShowCard"');
    expect(json).toMatch(/"verb":"note\.discard"/);
    expect(activities[0]!.entities).toEqual([AI_ENTITY]); // written by a language model: Teams shows it
  });

  it('renders the edit form with pre-filled multiline inputs, Enregistrer and a way back to the draft', () => {
    const form = draftForm(note(), roster, t, 'fr');
    const content = formCard(form);
    expect(validate()(content)).toBe(true);
    const inputs = content.body.filter((e) => e.type === 'Input.Text') as Array<{ id: string; value?: string; isMultiline?: boolean }>;
    expect(inputs.map((i) => i.id)).toEqual(['attendance', 'production', 'observations', 'incidents', 'alerts']);
    expect(inputs.every((i) => i.isMultiline)).toBe(true);
    expect(inputs.find((i) => i.id === 'production')!.value).toBe('tonte : 300 m²');
    const json = JSON.stringify(content);
    expect(json).toContain('"verb":"note.form","data":{"value":"n1:3"}');
    expect(json).toContain('"verb":"note.show","data":{"value":"n1:3"},"associatedInputs":"none"');
  });

  it('splits a very long reply into several messages, each valid and under Teams\' size limit, the buttons last', () => {
    const reply: Reply = {
      text: 'Long', blocks: [
        { type: 'header', text: 'Brouillon' },
        { type: 'list', title: 'Observations', items: Array.from({ length: 40 }, (_, i) => ({ title: `Personne ${i}`, lines: Array.from({ length: 10 }, (_, j) => `${j}. *Sécurité* « ${'x'.repeat(150)} »`) })) },
        { type: 'actions', elements: [{ type: 'button', action: 'note.confirm', label: 'Valider', value: 'n1', style: 'primary' }] },
      ],
    };
    const activities = replyActivities(reply, texts);
    expect(activities.length).toBeGreaterThan(1);
    for (const a of activities) {
      expect(cardBytes(a)).toBeLessThan(MAX_MESSAGE_BYTES);
      expect(validate()(a.attachments![0]!.content)).toBe(true);
    }
    const all = JSON.stringify(activities);
    expect(all.match(/x{150}/g)).toHaveLength(400); // nothing dropped
    expect(all).toContain('**Sécurité**'); // *bold* became Markdown bold
    expect(JSON.stringify(activities.at(-1))).toContain('note.confirm');
    expect(JSON.stringify(activities[1])).toContain(texts.continued);
  });

  it('keeps every random reply valid and under the size limit', () => {
    const text = fc.string({ maxLength: 400 });
    const button = fc.record({
      type: fc.constant('button' as const), action: fc.constantFrom('note.confirm', 'x.y'), label: fc.string({ minLength: 1, maxLength: 30 }),
      value: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), style: fc.constantFrom(undefined, 'primary' as const, 'danger' as const),
    });
    const select = fc.record({
      type: fc.constant('select' as const), action: fc.constantFrom('pick.one', 'pick.two'), placeholder: fc.string({ minLength: 1, maxLength: 20 }),
      options: fc.array(fc.record({ label: fc.string({ minLength: 1, maxLength: 20 }), value: fc.string({ minLength: 1, maxLength: 10 }) }), { minLength: 1, maxLength: 5 }),
    });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('header' as const), text: fc.string({ minLength: 1, maxLength: 80 }) }),
      fc.record({ type: fc.constant('text' as const), text }),
      fc.record({ type: fc.constant('context' as const), text }),
      fc.record({ type: fc.constant('divider' as const) }),
      fc.record({ type: fc.constant('fields' as const), fields: fc.array(fc.record({ label: fc.string({ maxLength: 30 }), value: text }), { maxLength: 25 }) }),
      fc.record({ type: fc.constant('list' as const), title: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), items: fc.array(fc.record({ title: fc.string({ maxLength: 40 }), lines: fc.array(text, { maxLength: 6 }) }), { maxLength: 30 }) }),
      fc.record({ type: fc.constant('actions' as const), elements: fc.array(fc.oneof(button, select), { minLength: 1, maxLength: 4 }) }),
      fc.record({ type: fc.constant('image' as const), url: fc.constant('https://relais.example/chart.png'), alt: fc.string({ maxLength: 40 }) }),
    );
    const reply: fc.Arbitrary<Reply> = fc.record({ text: fc.string({ minLength: 1, maxLength: 300 }), blocks: fc.array(block, { maxLength: 40 }), marker: fc.constantFrom(undefined, 'rules' as const, 'ai' as const) });
    fc.assert(fc.property(reply, (r) => {
      for (const a of replyActivities(r, texts)) {
        expect(cardBytes(a)).toBeLessThan(MAX_MESSAGE_BYTES);
        for (const content of (a.attachments ?? []).map((x) => x.content)) {
          if (!validate()(content)) throw new Error(errorsOf(validate()));
        }
      }
    }), { numRuns: 150 });
  });
});

describe('Teams message shapes', () => {
  it('sends even a plain text as a card (updates in place replace a card with a card), split when very long', () => {
    const [one] = replyActivities({ text: 'Je traite ta note…', blocks: [{ type: 'text', text: 'Je traite *ta* note…' }] }, texts);
    expect(one!.summary).toBe('Je traite ta note…');
    expect(one!.attachments![0]!.content.body).toEqual([{ type: 'TextBlock', text: 'Je traite **ta** note…', wrap: true }]);
    const long = Array.from({ length: 3000 }, (_, i) => `ligne ${i} — évaluée`).join('\n');
    const parts = replyActivities({ text: 'x', blocks: [{ type: 'text', text: long }] }, texts);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => cardBytes(p) < MAX_MESSAGE_BYTES)).toBe(true);
    const lines = cardsOf(parts).flatMap((c) => c.body.map((e) => (e as { text: string }).text)).filter((text) => text !== texts.continued);
    expect(lines.join('\n')).toBe(long);
  });

  it('refuses a form too big for one card in words instead of cutting it', () => {
    const form: Form = { action: 'note.form', title: 'Brouillon', submitLabel: 'OK', cancelLabel: 'Non', inputs: [{ type: 'input', name: 'observations', label: 'Obs', multiline: true, value: 'é'.repeat(30_000) }] };
    const [only] = replyActivities({ text: 'Modifier', blocks: [], form }, texts);
    expect(only!.summary).toBe(texts.formTooLong);
    expect(JSON.stringify(only)).not.toContain('Input.Text');
  });

  it('never lets a form input take a name the card uses for itself', () => {
    expect(() => formCard({ action: 'a', title: 'T', submitLabel: 'OK', cancelLabel: 'Non', inputs: [{ type: 'input', name: 'value', label: 'v' }] })).toThrow(/reserved/);
  });
});
