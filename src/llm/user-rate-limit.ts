import type { Clock } from '../core/ports/clock.js';

/**
 * At most `perHour` model calls per user in any sliding hour (in memory, per
 * instance): one person pasting notes in a loop cannot spend the structure's
 * budget; over the limit, their notes go to the rules engine.
 */
export class UserRateLimit {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly clock: Clock, private readonly perHour: number) {}

  take(user: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.calls.get(user) ?? []).filter((t) => now - t < 3_600_000);
    if (recent.length >= this.perHour) {
      this.calls.set(user, recent);
      return false;
    }
    recent.push(now);
    this.calls.set(user, recent);
    return true;
  }
}
