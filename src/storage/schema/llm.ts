import { bigserial, index, integer, text } from 'drizzle-orm/pg-core';
import { createdAt, relais } from './common.js';

/** One row per call to the LLM provider: tokens counted for admins and for the monthly budget. No text, no names. */
export const llmUsage = relais.table('llm_usage', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: createdAt(),
  /** YYYY-MM (UTC): the budget's month. */
  month: text('month').notNull(),
  purpose: text('purpose').notNull(),
  model: text('model').notNull(),
  promptTokens: integer('prompt_tokens').notNull(),
  completionTokens: integer('completion_tokens').notNull(),
  outcome: text('outcome').notNull(),
}, (t) => [index('llm_usage_month').on(t.month)]);
