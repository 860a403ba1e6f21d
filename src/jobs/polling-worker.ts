import type { Logger } from '../core/ports/logger.js';

/**
 * Runs `tick` in a loop: immediately when woken, else every `intervalMs`.
 * `tick` returns true when it did work (then it runs again at once).
 * `stop()` waits for the work in hand to finish: nothing is cut mid-way.
 */
export class PollingWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wakeRequested = false;

  constructor(
    private readonly name: string,
    private readonly tick: () => Promise<boolean>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
    /** Awaited before each job of the loop (not of `drain`): the workers give way to requests being acknowledged. */
    private readonly giveWay?: () => Promise<void>,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** New work arrived in this process: look now rather than at the next interval. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs ticks until there is nothing left to do (tests, CLI one-shots). */
  async drain(maxTicks = 10_000): Promise<number> {
    let n = 0;
    while (n < maxTicks && (await this.tick())) n++;
    return n;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.loop().finally(() => {
        this.running = null;
        const again = this.wakeRequested;
        this.wakeRequested = false;
        this.schedule(again ? 0 : this.intervalMs);
      });
    }, delay);
  }

  private async loop(): Promise<void> {
    try {
      for (let i = 0; i < 100 && !this.stopped; i++) {
        if (this.giveWay) await this.giveWay();
        if (this.stopped || !(await this.tick())) return;
      }
    } catch (error) {
      // A broken database connection must not kill the loop: it retries at the next interval.
      this.logger.warn({ worker: this.name, err: error instanceof Error ? error.message.slice(0, 200) : 'unknown' }, 'worker.tick_failed');
    }
  }
}
