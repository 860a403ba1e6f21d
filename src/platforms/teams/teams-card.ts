import type {
  CardElement, IActionSet, IAdaptiveCard, IChoiceSetInput, IExecuteAction, IShowCardAction, ISubmitAction, ITextBlock, ITextInput,
} from '@microsoft/teams.cards';
import type { Block, Button, Form, Input, Reply, Select } from '../../core/messages/reply.js';
import { SELECT_INPUT_PREFIX } from './teams-message.js';
import { paragraphs, toPlain, toTeamsMarkdown } from './teams-markdown.js';

/**
 * Reply → Adaptive Card 1.5 (Teams renders the 1.5 subset). Buttons are
 * Universal Actions (`Action.Execute`, verb = action id, data = value) with an
 * `Action.Submit` fallback for older clients; a button that asks first opens
 * its confirmation with `Action.ShowCard`. Cards carry no `msteams` extension
 * so that they validate against the official schema.
 */
export type CardElementList = CardElement[];
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function card(body: CardElementList, fallbackText?: string): IAdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: '1.5', ...(fallbackText ? { fallbackText } : {}), body };
}

const textBlock = (text: string, extra: Partial<ITextBlock> = {}): ITextBlock => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** Every block as card elements, in order; a divider becomes a separator line above what follows. */
export function replyElements(reply: Reply): CardElementList {
  const out: CardElementList = [];
  let separator = false;
  for (const block of reply.blocks) {
    if (block.type === 'divider') {
      separator = true;
      continue;
    }
    const elements = blockElements(block);
    if (separator && elements[0]) elements[0] = { ...elements[0], separator: true } as CardElement;
    if (elements.length) separator = false;
    out.push(...elements);
  }
  return out;
}

function lines(text: string, extra: Partial<ITextBlock>): ITextBlock[] {
  const out: ITextBlock[] = [];
  let gap = false;
  for (const line of paragraphs(text)) {
    if (line === '') {
      gap = out.length > 0;
      continue;
    }
    out.push(textBlock(toTeamsMarkdown(line), { ...extra, ...(out.length ? { spacing: gap ? 'Medium' : 'None' } : {}) }));
    gap = false;
  }
  return out;
}

function blockElements(block: Exclude<Block, { type: 'divider' }>): CardElementList {
  switch (block.type) {
    case 'header': return paragraphs(toPlain(block.text)).filter(Boolean).map((text) => textBlock(text, { size: 'Large', weight: 'Bolder' }));
    case 'text': return lines(block.text, {});
    case 'context': return lines(block.text, { isSubtle: true, size: 'Small' });
    case 'fields': {
      const facts = block.fields.map((f) => ({ title: toPlain(f.label).slice(0, 200), value: toTeamsMarkdown(f.value).slice(0, 2_000) }));
      const chunks: CardElementList = [];
      for (let i = 0; i < facts.length; i += 10) chunks.push({ type: 'FactSet', facts: facts.slice(i, i + 10) });
      return chunks;
    }
    case 'list': return [
      ...(block.title ? [textBlock(toPlain(block.title), { weight: 'Bolder', spacing: 'Medium' })] : []),
      ...block.items.flatMap((item) => [
        ...(item.title ? [textBlock(toPlain(item.title), { weight: 'Bolder', spacing: 'Small' })] : []),
        ...item.lines.flatMap((line) => lines(`• ${line}`, {})).map((b) => ({ ...b, spacing: 'None' as const })),
      ]),
    ];
    case 'actions': return actionElements(block.elements);
    case 'image': return [{ type: 'Image', url: block.url, altText: block.alt }];
    case 'links': return [{ type: 'ActionSet', actions: block.links.map((l) => ({ type: 'Action.OpenUrl' as const, title: l.label.slice(0, 100), url: l.url })) }];
  }
}

function actionElements(elements: ReadonlyArray<Button | Select>): CardElementList {
  const out: CardElementList = [];
  const buttons: IActionSet['actions'] = [];
  for (const e of elements) {
    if (e.type === 'button') {
      buttons.push(buttonAction(e));
      continue;
    }
    out.push(selectInput(e), { type: 'ActionSet', actions: [execute(e.action, e.placeholder, undefined)] });
  }
  if (buttons.length) out.push({ type: 'ActionSet', actions: buttons });
  return out;
}

/** A Universal Action with its Action.Submit twin for clients without Action.Execute. */
export function execute(verb: string, title: string, value: string | undefined, extra: Partial<IExecuteAction> = {}): IExecuteAction {
  const data = value === undefined ? {} : { value };
  const fallback: ISubmitAction = { type: 'Action.Submit', title, data: { action: verb, ...data }, ...(extra.associatedInputs ? { associatedInputs: extra.associatedInputs } : {}) };
  return { type: 'Action.Execute', title, verb, data, ...extra, fallback };
}

function buttonAction(b: Button): IExecuteAction | IShowCardAction {
  const style = b.style === 'primary' ? 'positive' as const : b.style === 'danger' ? 'destructive' as const : undefined;
  const action = execute(b.action, b.label, b.value, style ? { style } : {});
  if (!b.confirm) return action;
  return {
    type: 'Action.ShowCard', title: b.label,
    card: {
      type: 'AdaptiveCard', body: [textBlock(toPlain(b.confirm.title), { weight: 'Bolder' }), ...lines(b.confirm.text, {})],
      actions: [{ ...action, title: b.confirm.yes, fallback: { ...action.fallback as ISubmitAction, title: b.confirm.yes } }],
    },
  };
}

function selectInput(s: Select): IChoiceSetInput {
  return {
    type: 'Input.ChoiceSet', id: `${SELECT_INPUT_PREFIX}${s.action}`, placeholder: s.placeholder, style: 'compact',
    choices: s.options.map((o) => ({ title: o.label, value: o.value })), ...(s.initial ? { value: s.initial } : {}),
  };
}

const RESERVED_INPUTS = /^(action|value|msteams)$|^relais\.select:/;

/** A form as an input card: pre-filled inputs, submit, and a way back when the form replaced a message. */
export function formCard(form: Form, status?: string): IAdaptiveCard {
  const inputs = form.inputs.map(inputElement);
  const actions: IActionSet['actions'] = [execute(form.action, form.submitLabel, form.value, { style: 'positive' })];
  if (form.cancelAction) actions.push(execute(form.cancelAction, form.cancelLabel, form.value, { associatedInputs: 'none' }));
  return card([
    textBlock(toPlain(form.title), { size: 'Large', weight: 'Bolder' }),
    ...(status ? [textBlock(status, { isSubtle: true })] : []),
    ...inputs, { type: 'ActionSet', actions },
  ], form.title);
}

/** What a clicked card shows while the durable path works; the outbox update replaces it. */
export const workingCard = (text: string): IAdaptiveCard => card([textBlock(text, { isSubtle: true })], text);

function inputElement(i: Input): ITextInput | IChoiceSetInput {
  if (RESERVED_INPUTS.test(i.name)) throw new Error(`form input name "${i.name}" is reserved by the Teams card`);
  if (i.options) {
    return {
      type: 'Input.ChoiceSet', id: i.name, label: i.label, style: 'compact', choices: i.options.map((o) => ({ title: o.label, value: o.value })),
      ...(i.value !== undefined ? { value: i.value } : {}), ...(i.required ? { isRequired: true } : {}),
    };
  }
  return {
    type: 'Input.Text', id: i.name, label: i.label, ...(i.multiline ? { isMultiline: true } : {}),
    ...(i.value !== undefined ? { value: i.value } : {}), ...(i.placeholder ? { placeholder: i.placeholder } : {}),
    ...(i.required ? { isRequired: true } : {}),
  };
}
