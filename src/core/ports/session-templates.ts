import type { SessionTemplate } from '../learning/session-template.js';

/** The curated séance templates (per trade), loaded from data files. */
export interface SessionTemplates {
  all(): Promise<readonly SessionTemplate[]>;
}
