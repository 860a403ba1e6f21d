import type { Actor } from '../core/domain/actor.js';
import type { Form, Reply } from '../core/messages/reply.js';
import type { Destination } from '../core/ports/outbox.js';
import type { ConversationDeps } from './conversation-deps.js';
import type { HandlerContext } from './feature-handler.js';
import { handleAction, formForAction } from './handle-action.js';
import { handleMessage } from './handle-message.js';
import type { Incoming, IncomingAction } from './incoming.js';
import { plainReply } from './replies.js';

export interface Conversation {
  /** The durable path: called by the inbox worker for every message and action. */
  handle(incoming: Incoming): Promise<void>;
  /** The fast path: the form an action opens (Slack modals must open within 3 seconds). */
  formFor(incoming: IncomingAction): Promise<Form | null>;
}

/**
 * Platform-neutral conversation: who is talking, what they want, which use
 * case answers, and the neutral replies (sent through the outbox, keyed on the
 * incoming event so a redelivery never answers twice).
 */
export function createConversation(deps: ConversationDeps): Conversation {
  async function identify(incoming: Incoming): Promise<Actor | null> {
    const who = await deps.useCases.identifyUser({
      user: { platform: incoming.user.platform, workspaceId: incoming.user.workspaceId, userId: incoming.user.userId },
      door: doorOf(incoming.user.platform),
      ...(incoming.user.email ? { email: incoming.user.email } : {}),
      ...(incoming.user.displayName ? { displayName: incoming.user.displayName } : {}),
      ...(incoming.directChannel ? { directChannel: incoming.directChannel } : {}),
    });
    if (who.ok) return who.value.actor;
    await deps.outbox.enqueue([{ key: `reply:${incoming.id}:identity`, destination: placeOf(incoming), reply: plainReply(deps.t(who.code)) }]);
    return null;
  }

  function contextFor(actor: Actor, incoming: Incoming): HandlerContext {
    let n = 0;
    return {
      actor,
      incoming,
      reply: async (reply: Reply, options = {}) => {
        n += 1;
        const destination: Destination = options.private && incoming.place.kind === 'channel'
          ? { kind: 'person', personId: actor.personId } : placeOf(incoming);
        await deps.outbox.enqueue([{
          key: options.key ?? `reply:${incoming.id}:${n}`, destination, reply,
          ...(options.replaces ? { replaces: options.replaces } : {}),
        }]);
      },
    };
  }

  return {
    async handle(incoming) {
      const actor = await identify(incoming);
      if (!actor) return;
      const ctx = contextFor(actor, incoming);
      if (incoming.kind === 'action') await handleAction(incoming, ctx, deps);
      else await handleMessage(incoming, ctx, deps);
    },
    async formFor(incoming) {
      const actor = await identify(incoming);
      return actor ? formForAction(incoming, actor, deps) : null;
    },
  };
}

export function placeOf(incoming: Incoming): Destination {
  const p = incoming.place;
  return {
    kind: 'conversation', platform: incoming.user.platform, workspaceId: p.workspaceId, conversationId: p.conversationId,
    ...(p.threadId ? { threadId: p.threadId } : {}),
    ...(p.reference ? { reference: p.reference } : {}),
  };
}

function doorOf(platform: string): Actor['door'] {
  return platform === 'slack' || platform === 'teams' || platform === 'playground' || platform === 'cli' ? platform : 'system';
}
