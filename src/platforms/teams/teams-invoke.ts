import type { Conversation } from '../../conversation/conversation.js';
import type { Incoming, IncomingAction } from '../../conversation/incoming.js';
import { NOTE_ACTIONS } from '../../conversation/presenters/note-actions.js';
import type { Translate } from '../../i18n/translator.js';
import { cardInvokeResponse, fitsOneMessage, messageInvokeResponse } from './teams-activities.js';
import { formCard, workingCard } from './teams-card.js';

/** Actions whose result replaces the clicked card through the outbox (the draft message). */
const UPDATES_IN_PLACE: ReadonlySet<string> = new Set([NOTE_ACTIONS.confirm, NOTE_ACTIONS.discard, NOTE_ACTIONS.show, NOTE_ACTIONS.submitForm]);

export interface InvokeDeps {
  readonly t: Translate;
  readonly conversation: Conversation;
  readonly intake: (incoming: Incoming) => Promise<{ created: boolean }>;
}

/**
 * The answer to a Universal Action, given at once (Teams waits only a few
 * seconds): a form opens in place of the card; anything else is stored
 * durably first, and the card shows that the work is under way until the
 * outbox update replaces it. Outside a personal chat nothing private is ever
 * drawn in the card: the conversation answers in the user's 1:1 chat.
 */
export async function answerInvoke(incoming: IncomingAction, personal: boolean, deps: InvokeDeps): Promise<unknown> {
  const { t } = deps;
  if (!personal) {
    await deps.intake(incoming);
    return messageInvokeResponse(t('teams.answered_privately'));
  }
  if (!incoming.form) {
    const form = await deps.conversation.formFor(incoming);
    if (form) {
      const content = formCard(form);
      return fitsOneMessage(content) ? cardInvokeResponse(content) : messageInvokeResponse(t('teams.form_too_long'));
    }
  }
  await deps.intake(incoming);
  if (incoming.action === NOTE_ACTIONS.submitForm) {
    // Keep what the user typed on screen: if a line cannot be read, they correct it there.
    const { form: submitted, ...rest } = incoming;
    const current = await deps.conversation.formFor({ ...rest, action: NOTE_ACTIONS.edit, value: (incoming.value ?? '').split(':')[0] ?? '' });
    if (current) {
      const content = formCard({ ...current, value: incoming.value ?? '', inputs: current.inputs.map((i) => ({ ...i, value: submitted?.[i.name] ?? i.value ?? '' })) }, t('teams.saving'));
      if (fitsOneMessage(content)) return cardInvokeResponse(content);
    }
  }
  return UPDATES_IN_PLACE.has(incoming.action) ? cardInvokeResponse(workingCard(t('teams.working'))) : messageInvokeResponse(t('teams.noted'));
}
