import type { Reply } from '../messages/reply.js';

/** A concrete place on one platform: a DM, a channel, a thread. */
export interface Delivery {
  readonly platform: string;
  readonly workspaceId: string;
  /** Channel or conversation id; empty when only the user is known (the sender opens the DM). */
  readonly conversationId: string;
  readonly threadId?: string;
  /** The user, for DMs the sender may have to open. */
  readonly userId?: string;
  /** Platform data stored at link/binding time (Teams conversation reference, serviceUrl…). */
  readonly reference?: Readonly<Record<string, unknown>> | null;
}

/** What a sender returns so the message can later be updated in place. */
export type SentRef = Readonly<Record<string, unknown>>;

export type SendOutcome =
  | { readonly ok: true; readonly ref: SentRef }
  /** Try again later (rate limit, 5xx, network): nothing is dropped; rate limits never use up attempts. */
  | { readonly ok: false; readonly retryAfterMs: number; readonly reason: string; readonly rateLimited?: boolean }
  /** Will never succeed (channel archived, bot removed): dead letter, visible to admins. */
  | { readonly ok: false; readonly permanent: true; readonly reason: string };

/** Renders a neutral reply for one platform and sends or updates it. */
export interface MessageSender {
  readonly platform: string;
  /** `context.key` is the outbox row's unique key: a sender that can send idempotently uses it (a resend after a crash). */
  send(delivery: Delivery, reply: Reply, replaces?: SentRef, context?: { readonly key: string }): Promise<SendOutcome>;
}
