import { Assistant, type AssistantConfig } from '@slack/bolt';
import { fold } from '../../conversation/intent/french-words.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Translate } from '../../i18n/translator.js';
import { envelopeSchema, messageIncoming, type SlackEvent } from './slack-message.js';

/**
 * The suggested prompts of the assistant side panel (also in the manifest's
 * `features.assistant_view`). Picking one sends its title as the user's
 * message: it becomes the `/relais …` command every door understands, with
 * whatever the user wrote after it.
 */
export const ASSISTANT_PROMPTS = [
  { key: 'note', relais: '/relais note' },
  { key: 'session', relais: '/relais séance' },
  { key: 'summary', relais: '/relais suivi' },
] as const;

export const promptTitle = (key: (typeof ASSISTANT_PROMPTS)[number]['key'], t: Translate): string => t(`slack.assistant.prompt.${key}`);

/** "Préparer une séance taille de haies jeudi" → "/relais séance taille de haies jeudi"; other texts unchanged. */
export function expandPrompt(text: string, t: Translate): string {
  const folded = fold(text.trim());
  for (const p of ASSISTANT_PROMPTS) {
    const title = fold(promptTitle(p.key, t));
    if (folded === title || folded.startsWith(`${title} `)) {
      const words = title.split(' ').length;
      const head = new RegExp(`^\\s*(?:\\S+\\s+){${words - 1}}\\S+`).exec(text)?.[0] ?? '';
      return `${p.relais} ${text.slice(head.length).trim()}`.trim();
    }
  }
  return text;
}

/**
 * Relais keeps no context of the panel (which channel the user looks at is
 * not used): no conversations.replies / chat.update of Bolt's default store.
 */
const noThreadContext: NonNullable<AssistantConfig['threadContextStore']> = { get: async () => ({}), save: async () => undefined };

/**
 * The assistant side panel on Bolt's `Assistant`: a new thread shows the
 * suggested prompts; a message in the thread goes through the same durable
 * intake as a DM (`take`), with the « Je réfléchis… » status until the
 * outbox posts the reply in the thread (Slack clears the status then).
 * Status and prompts are cosmetic: their failure never loses the message.
 */
export function createSlackAssistant(deps: {
  readonly t: Translate;
  readonly logger: Logger;
  readonly take: (event: SlackEvent, token: string | undefined) => Promise<boolean>;
}): Assistant {
  const { t, logger } = deps;
  const cosmetic = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.name : 'unknown', what }, 'slack.assistant_call_failed');
    }
  };
  return new Assistant({
    threadContextStore: noThreadContext,
    threadStarted: async ({ setSuggestedPrompts }) => {
      await cosmetic('prompts', () => setSuggestedPrompts({
        title: t('slack.assistant.prompts_title'),
        prompts: ASSISTANT_PROMPTS.map((p) => ({ title: promptTitle(p.key, t), message: promptTitle(p.key, t) })),
      }));
    },
    threadContextChanged: async () => undefined,
    userMessage: async ({ body, context, setStatus }) => {
      const envelope = envelopeSchema.safeParse(body);
      if (!envelope.success || !envelope.data.event) return;
      const event = messageIncoming(envelope.data.team_id ?? '', envelope.data.event, context.botUserId);
      if (event.kind === 'ignored') return;
      let { incoming } = event;
      if (incoming.kind === 'message' && incoming.source === 'text') {
        const text = expandPrompt(incoming.text, t);
        if (text !== incoming.text) incoming = { ...incoming, text, source: 'command' };
      }
      const created = await deps.take({ kind: 'incoming', incoming }, context.botToken);
      if (created) await cosmetic('status', () => setStatus(t('slack.assistant.thinking')));
    },
  });
}
