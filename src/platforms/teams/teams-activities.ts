import type { CardElement, IAdaptiveCard } from '@microsoft/teams.cards';
import type { Reply } from '../../core/messages/reply.js';
import { card, formCard, replyElements, type CardElementList } from './teams-card.js';

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams refuses messages over about 28 KB; each part stays well under it, envelope included. */
export const MAX_MESSAGE_BYTES = 28 * 1024;
const PART_BUDGET = 24 * 1024;

/** Texts a split or refused reply needs, in the user's language. */
export interface ActivityTexts {
  /** First line of the second and later parts of a long reply. */
  readonly continued: string;
  /** Said instead of a form too big for one card. */
  readonly formTooLong: string;
}

/** An outgoing message activity as the Bot Connector takes it. */
export interface OutgoingActivity {
  readonly type: 'message';
  readonly summary?: string;
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: IAdaptiveCard }>;
  readonly entities?: ReadonlyArray<Record<string, unknown>>;
}

/** Teams shows the "AI generated" label for messages that carry this entity. */
export const AI_ENTITY = {
  type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', additionalType: ['AIGeneratedContent'],
} as const;

const bytes = (x: unknown): number => Buffer.byteLength(JSON.stringify(x));
const short = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * One reply → one card message, or several when it is too long for one
 * Teams message (the text is split, never cut). Even a plain text is a card:
 * any message may later be updated in place, and Teams updates a card with a
 * card reliably (a text turned into a card, or back, is not refreshed well).
 */
export function replyActivities(reply: Reply, texts: ActivityTexts): OutgoingActivity[] {
  const entities = reply.marker === 'ai' ? { entities: [AI_ENTITY] } : {};
  const summary = short(reply.text, 250);
  if (reply.form) {
    const form = formCard(reply.form);
    // An input cannot be split across messages: a form that does not fit is refused in words.
    if (bytes(form) > PART_BUDGET) return replyActivities({ text: texts.formTooLong, blocks: [{ type: 'text', text: texts.formTooLong }] }, texts);
    return [{ type: 'message', summary, attachments: [{ contentType: CARD_CONTENT_TYPE, content: form }], ...entities }];
  }
  const elements = replyElements(reply);
  // A reply with nothing drawable still says its text (Teams shows an empty card as a blank bubble).
  const cards = splitCards(elements.length ? elements : [{ type: 'TextBlock', text: reply.text, wrap: true }], summary, texts.continued);
  return cards.map((content) => ({ type: 'message', summary, attachments: [{ contentType: CARD_CONTENT_TYPE, content }], ...entities }));
}

/** Packs elements into as few cards as fit the budget; later cards start with a "continued" line. */
export function splitCards(elements: CardElementList, fallbackText: string, continued: string): IAdaptiveCard[] {
  const base = bytes(card([], fallbackText)) + 600;
  const parts: CardElement[][] = [[]];
  let size = base;
  for (const element of elements) {
    const add = bytes(element) + 1;
    if (size + add > PART_BUDGET && parts.at(-1)!.length > 0) {
      const lead: CardElement = { type: 'TextBlock', text: continued, isSubtle: true, size: 'Small', wrap: true };
      parts.push([lead]);
      size = base + bytes(lead) + 1;
    }
    parts.at(-1)!.push(element);
    size += add;
  }
  return parts.map((body) => card(body, fallbackText));
}

/** An invoke answer that replaces the clicked card in place (Universal Actions). */
export function cardInvokeResponse(content: IAdaptiveCard): { statusCode: 200; type: string; value: IAdaptiveCard } {
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: content };
}

/** An invoke answer that leaves the card as it is and shows a short message. */
export function messageInvokeResponse(text: string): { statusCode: 200; type: string; value: string } {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}

export const cardBytes = bytes;
/** Whether one card fits in one Teams message (invoke answers cannot be split). */
export const fitsOneMessage = (content: IAdaptiveCard): boolean => bytes(content) <= PART_BUDGET;
