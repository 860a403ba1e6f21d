import type { Clock } from '../../core/ports/clock.js';

/** A key not seen for this long went elsewhere (another instance, a dead letter, a long backoff): it leaves the queue. */
const FORGET_AFTER_MS = 30_000;

interface ChannelQueue {
  /** When the channel takes its next message. */
  nextAt: number;
  /** Outbox keys waiting for this channel, first come first served, with when each was last seen. */
  waiting: Array<{ key: string; seen: number }>;
}

/**
 * Slack takes about one message per second and channel, and answers
 * `ratelimited` with Retry-After beyond. The pacer gives each channel its
 * turns: `turn` says to post now (and takes the slot) or how long to wait;
 * the sender hands that wait to the outbox as a rate-limited retry, so the
 * worker goes on with other channels and no attempt is used. Messages of one
 * channel keep their order: a message that waited goes before later ones.
 * In-process (each instance paces what it sends); several instances still
 * meet Slack's Retry-After, which `limited` applies to the whole channel.
 */
export class ChannelPacer {
  private readonly channels = new Map<string, ChannelQueue>();
  private lastSweep = 0;

  constructor(private readonly clock: Clock, private readonly intervalMs: number) {}

  /** 0: post now (the slot is taken); otherwise the milliseconds to wait. */
  turn(channel: string, key: string): number {
    const now = this.clock.now().getTime();
    const queue = this.queueOf(channel, now);
    const first = queue.waiting[0];
    if (now >= queue.nextAt && (!first || first.key === key)) {
      if (first) queue.waiting.shift();
      queue.nextAt = now + this.intervalMs;
      return 0;
    }
    let place = queue.waiting.findIndex((w) => w.key === key);
    if (place < 0) place = queue.waiting.push({ key, seen: now }) - 1;
    else queue.waiting[place]!.seen = now;
    // Each message ahead takes one slot; never 0, which would mean "go".
    return Math.max(queue.nextAt - now, 0) + place * this.intervalMs || 1;
  }

  /** Slack said to wait (`ratelimited`): nothing goes to this channel before, and this message goes first after. */
  limited(channel: string, key: string, retryAfterMs: number): void {
    const now = this.clock.now().getTime();
    const queue = this.queueOf(channel, now);
    queue.nextAt = Math.max(queue.nextAt, now + retryAfterMs);
    queue.waiting = [{ key, seen: now }, ...queue.waiting.filter((w) => w.key !== key)];
  }

  private queueOf(channel: string, now: number): ChannelQueue {
    if (now - this.lastSweep > 60_000) {
      this.lastSweep = now;
      for (const [id, q] of this.channels) if (q.nextAt < now - FORGET_AFTER_MS && q.waiting.every((w) => now - w.seen >= FORGET_AFTER_MS)) this.channels.delete(id);
    }
    let queue = this.channels.get(channel);
    if (!queue) {
      queue = { nextAt: 0, waiting: [] };
      this.channels.set(channel, queue);
    }
    queue.waiting = queue.waiting.filter((w) => now - w.seen < FORGET_AFTER_MS);
    return queue;
  }
}
