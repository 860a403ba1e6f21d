import { createRequire } from 'node:module';
import type * as ChronoFrench from 'chrono-node/fr';

const require = createRequire(import.meta.url);
let loaded: typeof ChronoFrench | undefined;

/**
 * chrono-node's French parser (`chrono.fr`), loaded on first use: importing
 * the whole package at start costs some 270 modules and a fifth of a second,
 * for dates that only séances and objectives read. Synchronous (CommonJS
 * build), so the readers keep their signatures.
 */
export function frenchChrono(): typeof ChronoFrench {
  return (loaded ??= require('chrono-node/fr') as typeof ChronoFrench);
}
