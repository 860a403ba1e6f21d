import { eq } from 'drizzle-orm';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { Delivery, MessageSender } from '../core/ports/message-sender.js';
import type { Reply } from '../core/messages/reply.js';
import type { Executor } from '../storage/database.js';
import { outbox } from '../storage/schema/index.js';
import { JobTable } from './job-table.js';

const MAX_ATTEMPTS = 12;
const backoff = (attempt: number): number => Math.min(600_000, 1_000 * 2 ** Math.min(attempt, 10));

/**
 * Delivers outbox rows through the platform senders. An update waits for the
 * message it replaces; rate limits and 5xx are retried after the time asked;
 * nothing is dropped silently (dead rows stay visible).
 */
export function createOutboxTick(deps: {
  db: Executor; workerId: string; clock: Clock; logger: Logger; leaseMs: number; senders: ReadonlyMap<string, MessageSender>;
}): () => Promise<boolean> {
  const table = new JobTable(deps.db, 'outbox', deps.workerId);
  return async () => {
    const claim = await table.claim(deps.clock.now(), deps.leaseMs);
    if (!claim) return false;
    const platform = String(claim.row['platform']);
    const delivery = claim.row['destination'] as unknown as Delivery;
    const payload = claim.row['payload'] as { reply: Reply; replaces?: string };
    const sender = deps.senders.get(platform);
    if (!sender) {
      await table.fail(claim, deps.clock.now(), `no sender for ${platform}`, 60_000, 1);
      deps.logger.warn({ id: claim.id, platform }, 'outbox.no_sender');
      return true;
    }
    let replaces: Record<string, unknown> | undefined;
    if (payload.replaces) {
      const [original] = await deps.db.select({ status: outbox.status, result: outbox.result }).from(outbox)
        .where(eq(outbox.dedupeKey, payload.replaces));
      if (original && original.status !== 'done' && original.status !== 'dead') {
        await table.defer(claim, deps.clock.now(), 250);
        return true;
      }
      replaces = (original?.result as { ref?: Record<string, unknown> } | null)?.ref;
    }
    let outcome;
    try {
      outcome = await sender.send(delivery, payload.reply, replaces, { key: String(claim.row['dedupe_key'] ?? claim.id) });
    } catch (error) {
      outcome = { ok: false as const, retryAfterMs: backoff(claim.attempt), reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.ok) {
      await table.complete(claim, deps.clock.now(), { ref: outcome.ref });
      return true;
    }
    if (!('permanent' in outcome) && outcome.rateLimited) {
      await table.defer(claim, deps.clock.now(), Math.max(outcome.retryAfterMs, 250));
      return true;
    }
    const retryInMs = 'permanent' in outcome ? 0 : Math.max(outcome.retryAfterMs, 250);
    const result = await table.fail(claim, deps.clock.now(), outcome.reason, retryInMs, 'permanent' in outcome ? 1 : MAX_ATTEMPTS);
    deps.logger.warn({ id: claim.id, platform, attempt: claim.attempt, result }, 'outbox.send_failed');
    return true;
  };
}
