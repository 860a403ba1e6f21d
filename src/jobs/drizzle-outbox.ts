import type { Clock } from '../core/ports/clock.js';
import type { IdentityStore } from '../core/ports/identity-store.js';
import type { Delivery } from '../core/ports/message-sender.js';
import type { OutgoingMessage, Outbox } from '../core/ports/outbox.js';
import type { Executor } from '../storage/database.js';
import { outbox } from '../storage/schema/index.js';

/**
 * Writes outgoing messages in the caller's transaction, one row per concrete
 * delivery: a person becomes their linked conversations, a team its bound
 * channels. With the playground on, every person and team is reachable there too.
 */
export class DrizzleOutbox implements Outbox {
  constructor(
    private readonly db: Executor,
    private readonly identities: IdentityStore,
    private readonly options: { playground: boolean; clock: Clock; onEnqueued?: () => void },
  ) {}

  async enqueue(messages: readonly OutgoingMessage[]): Promise<void> {
    const rows: Array<typeof outbox.$inferInsert> = [];
    for (const message of messages) {
      for (const delivery of await this.deliveriesOf(message)) {
        const suffix = deliverySuffix(delivery);
        rows.push({
          dedupeKey: `${message.key}@${suffix}`,
          platform: delivery.platform,
          availableAt: this.options.clock.now(),
          destination: delivery as unknown as Record<string, unknown>,
          payload: {
            reply: message.reply as unknown as Record<string, unknown>,
            ...(message.replaces ? { replaces: `${message.replaces}@${suffix}` } : {}),
          },
        });
      }
    }
    if (rows.length === 0) return;
    await this.db.insert(outbox).values(rows).onConflictDoNothing({ target: outbox.dedupeKey });
    this.options.onEnqueued?.();
  }

  private async deliveriesOf(message: OutgoingMessage): Promise<Delivery[]> {
    const d = message.destination;
    if (d.kind === 'conversation') {
      return [{
        platform: d.platform, workspaceId: d.workspaceId, conversationId: d.conversationId,
        ...(d.threadId ? { threadId: d.threadId } : {}), ...(d.reference ? { reference: d.reference } : {}),
      }];
    }
    if (d.kind === 'person') {
      const linked = (await this.identities.conversationsOf(d.personId)).filter((c) => c.platform !== 'playground');
      const out: Delivery[] = linked.map((c) => ({
        platform: c.platform, workspaceId: c.workspaceId, conversationId: String(c.directChannel?.['conversationId'] ?? ''),
        userId: c.userId, reference: c.directChannel,
      }));
      if (this.options.playground) out.push({ platform: 'playground', workspaceId: '', conversationId: `dm:${d.personId}` });
      return out;
    }
    const bindings = (await this.identities.channelBindings(d.teamId, 'team')).filter((b) => b.platform !== 'playground');
    const out: Delivery[] = bindings.map((b) => ({
      platform: b.platform, workspaceId: b.workspaceId, conversationId: b.channelId, reference: b.reference,
    }));
    if (this.options.playground) out.push({ platform: 'playground', workspaceId: '', conversationId: `team:${d.teamId}` });
    return out;
  }
}

/** Stable per delivery, so an update finds the message it replaces on the same platform and place. */
export function deliverySuffix(d: Delivery): string {
  return [d.platform, d.workspaceId, d.conversationId || `user:${d.userId ?? ''}`, d.threadId ?? ''].join('|');
}
