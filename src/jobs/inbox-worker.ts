import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { Executor } from '../storage/database.js';
import { JobTable } from './job-table.js';

export type InboxHandler = (kind: string, payload: Record<string, unknown>, meta: { attempt: number; id: string }) => Promise<void>;
export type DeadLetterHandler = (kind: string, payload: Record<string, unknown>, error: string) => Promise<void>;

const BACKOFF_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
export const INBOX_MAX_ATTEMPTS = 6;

/** Claims inbox items one at a time, runs the handler, retries with backoff, buries the hopeless. */
export function createInboxTick(deps: {
  db: Executor; workerId: string; clock: Clock; logger: Logger; leaseMs: number; handle: InboxHandler; onDead: DeadLetterHandler;
}): () => Promise<boolean> {
  const table = new JobTable(deps.db, 'inbox', deps.workerId);
  return async () => {
    const claim = await table.claim(deps.clock.now(), deps.leaseMs);
    if (!claim) return false;
    const kind = String(claim.row['kind']);
    const payload = claim.row['payload'] as Record<string, unknown>;
    try {
      await deps.handle(kind, payload, { attempt: claim.attempt, id: claim.id });
      const current = await table.complete(claim, deps.clock.now());
      if (!current) deps.logger.warn({ id: claim.id, attempt: claim.attempt }, 'inbox.stale_completion');
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const delay = BACKOFF_MS[Math.min(claim.attempt - 1, BACKOFF_MS.length - 1)]!;
      const outcome = await table.fail(claim, deps.clock.now(), message, delay, INBOX_MAX_ATTEMPTS);
      deps.logger.warn({ id: claim.id, kind, attempt: claim.attempt, outcome }, 'inbox.handler_failed');
      if (outcome === 'dead') await deps.onDead(kind, payload, message);
    }
    return true;
  };
}
