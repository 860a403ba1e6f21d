import type { Reply } from '../../src/core/messages/reply.js';
import type { Delivery, MessageSender, SendOutcome, SentRef } from '../../src/core/ports/message-sender.js';

/** A platform sender that records what it is asked to send (our own port, faked). */
export function recordingSender(platform: string) {
  const sent: Array<{ delivery: Delivery; reply: Reply; replaces?: SentRef }> = [];
  let failures: SendOutcome[] = [];
  const sender: MessageSender & { sent: typeof sent; failNext(outcomes: SendOutcome[]): void } = {
    platform,
    sent,
    failNext: (outcomes) => { failures = [...outcomes]; },
    async send(delivery, reply, replaces) {
      const failure = failures.shift();
      if (failure) return failure;
      sent.push({ delivery, reply, ...(replaces ? { replaces } : {}) });
      return { ok: true, ref: { ts: String(sent.length) } };
    },
  };
  return sender;
}
