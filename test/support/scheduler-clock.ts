import { DateTime } from 'luxon';
import type { Harness } from './relais-harness.js';

/** A local time in Paris (`2026-11-16T16:30`) as the ISO instant the fake clock takes. */
export const paris = (local: string): string => DateTime.fromISO(local, { zone: 'Europe/Paris' }).toUTC().toISO()!;

/** Moves the clock to a Paris local time, runs one scheduler tick, and lets the workers finish. */
export async function tickAt(h: Harness, local: string): Promise<void> {
  h.clock.set(paris(local));
  await h.relais.digests.scheduler().tick();
  await h.drain();
}
