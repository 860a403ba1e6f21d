import type { Reply } from '../../core/messages/reply.js';
import type { ChatTranscript } from '../../core/ports/chat-transcript.js';
import type { Delivery, MessageSender, SendOutcome, SentRef } from '../../core/ports/message-sender.js';

/** "Sends" to the playground: keeps the message in its transcript; an update replaces it in place. */
export function createPlaygroundSender(transcript: ChatTranscript): MessageSender {
  return {
    platform: 'playground',
    async send(delivery: Delivery, reply: Reply, replaces?: SentRef, context?: { readonly key: string }): Promise<SendOutcome> {
      // Keyed by the outbox row: a resend after a crash replaces the same message instead of adding one.
      const key = typeof replaces?.['key'] === 'string' ? replaces['key']
        : context ? `m:${delivery.conversationId}:${context.key}` : `m:${delivery.conversationId}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
      const message = await transcript.putRelaisMessage(delivery.conversationId, key, reply);
      return { ok: true, ref: { key, id: message.id } };
    },
  };
}
