import type { Clock } from '../core/ports/clock.js';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  readonly openMs: number;
}

export const DEFAULT_BREAKER: CircuitBreakerOptions = { failureThreshold: 3, openMs: 60_000 };

/**
 * Stops calling a provider that keeps failing, so an outage does not make
 * every note wait for a timeout: after `failureThreshold` failures in a row,
 * calls are refused for `openMs`; then one trial call decides (half-open).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly clock: Clock, private readonly options: CircuitBreakerOptions = DEFAULT_BREAKER) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.clock.now().getTime() - this.openedAt >= this.options.openMs ? 'half-open' : 'open';
  }

  /** True when a call may go out now (a half-open circuit lets one trial through at a time). */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.openedAt !== null || this.failures >= this.options.failureThreshold) this.openedAt = this.clock.now().getTime();
  }
}
