import { FREIN_CATEGORIES, SPECIAL_CATEGORIES, type ObservationCategory } from './taxonomy.js';

/**
 * Who may see an observation. Part of the model so later features cannot forget:
 * - `team`: may appear in the team channel (behaviour and work facts);
 * - `restricted`: freins (housing, money, family, papers…): CIP, direction and the author;
 * - `special`: GDPR art. 9/10 (health, justice): CIP and direction only, encrypted at rest.
 */
export const SENSITIVITIES = ['team', 'restricted', 'special'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

const special = new Set<string>(SPECIAL_CATEGORIES);
const freins = new Set<string>(FREIN_CATEGORIES);

export function sensitivityOf(category: ObservationCategory): Sensitivity {
  if (special.has(category)) return 'special';
  if (freins.has(category)) return 'restricted';
  return 'team';
}

export const isFrein = (category: string): boolean => freins.has(category);
