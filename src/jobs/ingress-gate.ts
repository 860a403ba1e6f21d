import { performance } from 'node:perf_hooks';

export interface IngressGateOptions {
  /** How long after the last request the workers wait before starting a job. */
  readonly quietMs: number;
  /** The longest a worker gives way before one job (so that a steady stream of requests never starves the drafts). */
  readonly maxWaitMs: number;
  /** Monotonic milliseconds (tests). */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Acknowledgements first. Slack and Teams retry an event they do not hear
 * back about within seconds, and every note, draft and post of a Node
 * process shares one thread (and, on PGlite, one database connection). The
 * doors mark each request a platform is waiting on (`enter`, and the
 * returned `leave` once answered); the background workers call `giveWay`
 * before each job and start it only when no such request is in flight and
 * none ended in the last `quietMs`, or once `maxWaitMs` have passed.
 * A burst of notes is acknowledged first and drafted right after.
 */
export class IngressGate {
  private inFlight = 0;
  private lastLeft = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: IngressGateOptions) {
    this.now = options.now ?? (() => performance.now());
    // Unreferenced: a worker giving way never keeps the process alive on its own.
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => { setTimeout(resolve, ms).unref(); }));
  }

  /** A platform request is in flight until the returned function is called (once; later calls do nothing). */
  enter(): () => void {
    this.inFlight++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.inFlight--;
      this.lastLeft = this.now();
    };
  }

  /** Whether a worker starting now would compete with a request being acknowledged. */
  get busy(): boolean {
    return this.inFlight > 0 || this.now() - this.lastLeft < this.options.quietMs;
  }

  /** Resolves when the doors are quiet, or after `maxWaitMs` at the latest. */
  async giveWay(): Promise<void> {
    const deadline = this.now() + this.options.maxWaitMs;
    while (this.busy) {
      const left = deadline - this.now();
      if (left <= 0) return;
      const quietIn = this.inFlight > 0 ? this.options.quietMs : this.options.quietMs - (this.now() - this.lastLeft);
      await this.sleep(Math.max(1, Math.min(left, quietIn)));
    }
  }
}
