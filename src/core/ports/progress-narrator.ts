import type { ProgressFacts } from '../progress/progress-facts.js';
import type { Result } from '../result.js';

export interface Narrative {
  readonly text: string;
  /** rules | llm: shown so a reader knows how the paragraph was written. */
  readonly engine: string;
}

/** Writes a short paragraph on top of a summary, from the facts only (checked by `checkNarrative`). */
export interface ProgressNarrator {
  narrate(facts: ProgressFacts, locale: 'fr' | 'en'): Promise<Result<Narrative, 'narrative.unavailable'>>;
}
