import type { Block, Button, Form, Input, Reply, Select } from '../../core/messages/reply.js';
import { clip, splitMrkdwn, toMrkdwn, toPlainText } from './slack-text.js';

/** Slack's limits (https://docs.slack.dev/reference/block-kit). */
export const SLACK_BLOCK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionChars: 3_000,
  fallbackChars: 2_000,
  headerChars: 150,
  fieldChars: 2_000,
  fieldsPerSection: 10,
  buttonLabelChars: 75,
  buttonValueChars: 2_000,
  actionsPerBlock: 25,
  optionsPerSelect: 100,
  optionLabelChars: 75,
  optionValueChars: 150,
  modalTitleChars: 24,
  inputLabelChars: 2_000,
  inputValueChars: 3_000,
  privateMetadataChars: 3_000,
} as const;

/** A Block Kit block, as plain JSON (the `@slack/types` unions are too strict to build generically). */
export type SlackBlock = Record<string, unknown> & { readonly type: string };

export interface SlackMessage {
  readonly text: string;
  readonly blocks: SlackBlock[];
  readonly unfurl_links: false;
  readonly unfurl_media: false;
}

export interface RenderTexts {
  /** "… and N more" when blocks had to be folded. */
  readonly more: (count: number) => string;
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: clip(toPlainText(text), max) || ' ', emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

/** Action ids are unique per block: a repeated action gets `#n`, cut off again when the click comes back. */
export const actionOfId = (actionId: string): string => actionId.split('#')[0] ?? actionId;

function sections(text: string): SlackBlock[] {
  return splitMrkdwn(toMrkdwn(text), SLACK_BLOCK_LIMITS.sectionChars).filter((p) => p.trim() !== '')
    .map((part) => ({ type: 'section', text: mrkdwn(part) }));
}

function button(b: Button, actionId: string): SlackBlock {
  return {
    type: 'button', action_id: actionId, text: plain(b.label, SLACK_BLOCK_LIMITS.buttonLabelChars),
    ...(b.value !== undefined ? { value: clip(b.value, SLACK_BLOCK_LIMITS.buttonValueChars) } : {}),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm ? {
      confirm: {
        title: plain(b.confirm.title, 100), text: plain(b.confirm.text, 300),
        confirm: plain(b.confirm.yes, 30), deny: plain(b.confirm.no, 30),
        ...(b.style === 'danger' ? { style: 'danger' } : {}),
      },
    } : {}),
  };
}

const option = (o: { label: string; value: string }) => ({
  text: plain(o.label, SLACK_BLOCK_LIMITS.optionLabelChars), value: clip(o.value, SLACK_BLOCK_LIMITS.optionValueChars),
});

function select(s: Select, actionId: string): SlackBlock {
  const options = s.options.slice(0, SLACK_BLOCK_LIMITS.optionsPerSelect).map(option);
  const initial = options.find((o) => o.value === s.initial);
  return {
    type: 'static_select', action_id: actionId, placeholder: plain(s.placeholder, 150), options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

function actions(elements: ReadonlyArray<Button | Select>): SlackBlock[] {
  const seen = new Map<string, number>();
  const rendered = elements.map((e) => {
    const n = seen.get(e.action) ?? 0;
    seen.set(e.action, n + 1);
    const id = n === 0 ? e.action : `${e.action}#${n}`;
    return e.type === 'button' ? button(e, id) : select(e, id);
  });
  const out: SlackBlock[] = [];
  for (let i = 0; i < rendered.length; i += SLACK_BLOCK_LIMITS.actionsPerBlock) {
    out.push({ type: 'actions', elements: rendered.slice(i, i + SLACK_BLOCK_LIMITS.actionsPerBlock) });
  }
  return out;
}

function fields(list: ReadonlyArray<{ label: string; value: string }>): SlackBlock[] {
  const out: SlackBlock[] = [];
  for (let i = 0; i < list.length; i += SLACK_BLOCK_LIMITS.fieldsPerSection) {
    out.push({
      type: 'section',
      fields: list.slice(i, i + SLACK_BLOCK_LIMITS.fieldsPerSection)
        .map((f) => mrkdwn(clip(`*${toMrkdwn(toPlainText(f.label))}*\n${toMrkdwn(f.value)}`, SLACK_BLOCK_LIMITS.fieldChars))),
    });
  }
  return out;
}

function list(block: Extract<Block, { type: 'list' }>): SlackBlock[] {
  const out: SlackBlock[] = [];
  if (block.title) out.push({ type: 'section', text: mrkdwn(`*${toMrkdwn(toPlainText(block.title))}*`) });
  for (const item of block.items) {
    const title = item.title ? `*${toMrkdwn(toPlainText(item.title))}*` : '';
    const lines = item.lines.map((l) => `• ${toMrkdwn(l)}`);
    const text = [title, ...lines].filter(Boolean).join('\n');
    out.push(...splitMrkdwn(text, SLACK_BLOCK_LIMITS.sectionChars).filter((p) => p.trim() !== '').map((p) => ({ type: 'section', text: mrkdwn(p) })));
  }
  return out;
}

export function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'header': return [{ type: 'header', text: plain(block.text, SLACK_BLOCK_LIMITS.headerChars) }];
    case 'text': return sections(block.text);
    case 'context': return splitMrkdwn(toMrkdwn(block.text), SLACK_BLOCK_LIMITS.sectionChars).filter((p) => p.trim() !== '')
      .map((p) => ({ type: 'context', elements: [mrkdwn(p)] }));
    case 'fields': return fields(block.fields);
    case 'list': return list(block);
    case 'actions': return actions(block.elements);
    case 'divider': return [{ type: 'divider' }];
    case 'image': return [{ type: 'image', image_url: block.url, alt_text: clip(toPlainText(block.alt), 2_000) || ' ' }];
    // Documents to open: URL buttons (Slack opens them in the browser; the click also comes back as an action we ignore).
    case 'links': {
      const buttons = block.links.map((l, i) => ({
        type: 'button', action_id: `relais.link#${i}`, text: plain(l.label, SLACK_BLOCK_LIMITS.buttonLabelChars), url: clip(l.url, 3_000),
      }));
      const out: SlackBlock[] = [];
      for (let i = 0; i < buttons.length; i += SLACK_BLOCK_LIMITS.actionsPerBlock) out.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_BLOCK_LIMITS.actionsPerBlock) });
      return out;
    }
  }
}

/**
 * Keeps at most `max` blocks: the headers and buttons always stay, the other
 * blocks are kept in order until the room runs out and the rest is announced
 * by one context line.
 */
export function fitBlocks(blocks: SlackBlock[], max: number, texts: RenderTexts): SlackBlock[] {
  if (blocks.length <= max) return blocks;
  const essential = (b: SlackBlock) => b.type === 'actions' || b.type === 'header' || b.type === 'input';
  const essentials = blocks.filter(essential).length;
  let room = Math.max(0, max - essentials - 1);
  let dropped = 0;
  const out: SlackBlock[] = [];
  let noticeAt = -1;
  for (const b of blocks) {
    if (essential(b)) out.push(b);
    else if (room > 0) {
      out.push(b);
      room -= 1;
    } else {
      if (noticeAt < 0) noticeAt = out.length;
      dropped += 1;
    }
  }
  if (dropped > 0) out.splice(noticeAt, 0, { type: 'context', elements: [mrkdwn(toMrkdwn(texts.more(dropped)))] });
  return out.slice(0, max);
}

/** A neutral reply as a Slack message: escaped, within Slack's limits, no link previews. */
export function renderMessage(reply: Reply, texts: RenderTexts): SlackMessage {
  const blocks = fitBlocks(reply.blocks.flatMap(renderBlock), SLACK_BLOCK_LIMITS.messageBlocks, texts);
  return {
    text: clip(toMrkdwn(reply.text), SLACK_BLOCK_LIMITS.fallbackChars) || ' ',
    blocks, unfurl_links: false, unfurl_media: false,
  };
}

/** What a modal carries back on submission. */
export interface ModalMetadata {
  /** Form action (`note.form`). */
  readonly a: string;
  /** Form value (note id and version). */
  readonly v?: string;
  /** Where the form was opened from: channel and thread, to answer there. */
  readonly c?: string;
  readonly th?: string;
  /** Opened from App Home: the tab is published again once the form is processed. */
  readonly h?: 1;
}

export const VALUE_ACTION_ID = 'value';

function inputBlock(i: Input): SlackBlock {
  let element: Record<string, unknown>;
  if (i.options) {
    const options = i.options.slice(0, SLACK_BLOCK_LIMITS.optionsPerSelect).map(option);
    const initial = options.find((o) => o.value === i.value);
    element = { type: 'static_select', action_id: VALUE_ACTION_ID, options, ...(initial ? { initial_option: initial } : {}) };
  } else {
    element = {
      type: 'plain_text_input', action_id: VALUE_ACTION_ID, ...(i.multiline ? { multiline: true } : {}),
      ...(i.value ? { initial_value: clip(i.value, SLACK_BLOCK_LIMITS.inputValueChars) } : {}),
      ...(i.placeholder ? { placeholder: plain(i.placeholder, 150) } : {}),
    };
  }
  return { type: 'input', block_id: i.name, label: plain(i.label, SLACK_BLOCK_LIMITS.inputLabelChars), element, optional: !i.required };
}

/** A form as a modal view; the callback id is the form's action, the metadata says where to answer. */
export function renderModal(form: Form, where: { channel?: string; thread?: string; home?: boolean }, texts: RenderTexts): Record<string, unknown> {
  const metadata: ModalMetadata = {
    a: form.action, ...(form.value !== undefined ? { v: form.value } : {}),
    ...(where.channel ? { c: where.channel } : {}), ...(where.thread ? { th: where.thread } : {}), ...(where.home ? { h: 1 } : {}),
  };
  return {
    type: 'modal', callback_id: form.action,
    title: plain(form.title, SLACK_BLOCK_LIMITS.modalTitleChars),
    submit: plain(form.submitLabel, SLACK_BLOCK_LIMITS.modalTitleChars),
    close: plain(form.cancelLabel, SLACK_BLOCK_LIMITS.modalTitleChars),
    private_metadata: clip(JSON.stringify(metadata), SLACK_BLOCK_LIMITS.privateMetadataChars),
    blocks: fitBlocks(form.inputs.map(inputBlock), SLACK_BLOCK_LIMITS.modalBlocks, texts),
  };
}

/** A modal showing one line while the real one is prepared (a trigger id lives 3 seconds). */
export function loadingModal(title: string, text: string, closeLabel: string): Record<string, unknown> {
  return {
    type: 'modal', callback_id: 'relais.loading',
    title: plain(title, SLACK_BLOCK_LIMITS.modalTitleChars), close: plain(closeLabel, SLACK_BLOCK_LIMITS.modalTitleChars),
    blocks: sections(text),
  };
}

/** Reads a modal's metadata back; null when it is not one of ours. */
export function readModalMetadata(raw: string | undefined): ModalMetadata | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ModalMetadata>;
    return typeof parsed.a === 'string' ? parsed as ModalMetadata : null;
  } catch {
    return null;
  }
}

/** Submitted values of a modal: one per input block, text or selected option. */
export function modalValues(state: Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null }>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, actionsById] of Object.entries(state)) {
    const v = actionsById[VALUE_ACTION_ID];
    if (!v) continue;
    const value = v.selected_option?.value ?? v.value ?? '';
    out[blockId] = value;
  }
  return out;
}
