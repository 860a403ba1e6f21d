import type { ProgressFacts } from '../progress/progress-facts.js';

/** PNG pictures of a summary, rendered server-side (uploaded in Slack, embedded in Teams cards, PDFs and the playground). */
export interface ProgressCharts {
  /** Attendance and punctuality rates per month; null when no month has records. */
  attendance(facts: ProgressFacts, locale: 'fr' | 'en'): Promise<Uint8Array | null>;
  /** Skill levels over time, one line per skill; null when no skill was evaluated. */
  skills(facts: ProgressFacts, locale: 'fr' | 'en'): Promise<Uint8Array | null>;
}
