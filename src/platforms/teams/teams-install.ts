import { createHash } from 'node:crypto';
import type { Reply } from '../../core/messages/reply.js';
import type { Clock } from '../../core/ports/clock.js';
import type { OutgoingMessage } from '../../core/ports/outbox.js';
import type { IncomingPlace, IncomingUser } from '../../conversation/incoming.js';
import type { Translate } from '../../i18n/translator.js';
import type { TeamsEvent } from './teams-message.js';

/** What the door needs from the rest of Relais when it is installed somewhere. */
export interface InstallDeps {
  readonly t: Translate;
  readonly clock: Clock;
  /** Durable sends (the outbox). */
  readonly notify: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Links the user when they are known (by Teams id or e-mail) and remembers their 1:1 chat. */
  readonly rememberUser: (user: IncomingUser, directChannel: Record<string, unknown>) => Promise<void>;
  /** A channel already bound to a team gets the fresh conversation reference. */
  readonly refreshChannel: (place: IncomingPlace) => Promise<void>;
  readonly emailOf: (user: IncomingUser, memberLookup: { serviceUrl: string; conversationId: string; memberId: string }) => Promise<string | undefined>;
}

/**
 * Relais added to a personal chat, a group chat or a team: keep how to reach
 * the place (conversation reference) and say hello in French, once a day at
 * most even though Teams sends both installationUpdate and conversationUpdate.
 */
export async function onInstalled(event: Extract<TeamsEvent, { kind: 'installed' }>, deps: InstallDeps): Promise<void> {
  const { activity, place, user } = event;
  const personal = place.kind === 'dm';
  if (personal) {
    const email = await deps.emailOf(user, { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id, memberId: activity.from.id });
    await deps.rememberUser(email ? { ...user, email } : user, event.directChannel ?? {});
  } else {
    await deps.refreshChannel(place);
  }
  const day = deps.clock.now().toISOString().slice(0, 10);
  const where = createHash('sha256').update(activity.conversation.id).digest('hex').slice(0, 16);
  await deps.notify([{
    key: `teams:welcome:${where}:${day}`,
    destination: {
      kind: 'conversation', platform: 'teams', workspaceId: place.workspaceId, conversationId: place.conversationId,
      ...(place.reference ? { reference: place.reference } : {}),
    },
    reply: welcome(personal, deps.t),
  }]);
}

export function welcome(personal: boolean, t: Translate): Reply {
  const prefix = personal ? 'teams.welcome.personal' : 'teams.welcome.channel';
  const lines = [1, 2, 3].map((n) => t(`${prefix}.${n}`));
  return {
    text: t(`${prefix}.title`),
    blocks: [{ type: 'header', text: t(`${prefix}.title`) }, ...lines.map((text) => ({ type: 'text' as const, text })), { type: 'context', text: t('teams.welcome.privacy') }],
  };
}
