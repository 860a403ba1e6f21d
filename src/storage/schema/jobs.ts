import { bigserial, index, integer, jsonb, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, relais } from './common.js';

/**
 * Durable work received from a door (an event to process). Idempotent on
 * `dedupe_key`; claimed with a lease; `attempt` fences stale workers.
 * Status: pending → running → done | failed (retry later) | dead.
 */
export const inbox = relais.table('inbox', {
  id: id(),
  dedupeKey: text('dedupe_key').notNull(),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status').notNull().default('pending'),
  attempt: integer('attempt').notNull().default(0),
  availableAt: at('available_at').notNull().defaultNow(),
  leaseUntil: at('lease_until'),
  lockedBy: text('locked_by'),
  lastError: text('last_error'),
  createdAt: createdAt(),
  finishedAt: at('finished_at'),
}, (t) => [uniqueIndex('inbox_dedupe').on(t.dedupeKey), index('inbox_ready').on(t.status, t.availableAt)]);

/**
 * Messages to send to a platform. A crash never loses them; the unique key
 * keeps a retried send from posting twice (e.g. one digest per team and date).
 */
export const outbox = relais.table('outbox', {
  id: id(),
  dedupeKey: text('dedupe_key').notNull(),
  platform: text('platform').notNull(),
  /** Channel / conversation / user to deliver to. */
  destination: jsonb('destination').$type<Record<string, unknown>>().notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status').notNull().default('pending'),
  attempt: integer('attempt').notNull().default(0),
  availableAt: at('available_at').notNull().defaultNow(),
  leaseUntil: at('lease_until'),
  lockedBy: text('locked_by'),
  lastError: text('last_error'),
  /** Platform answer (message ts / activity id) so later updates can edit in place. */
  result: jsonb('result').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
  sentAt: at('sent_at'),
}, (t) => [uniqueIndex('outbox_dedupe').on(t.dedupeKey), index('outbox_ready').on(t.status, t.availableAt)]);

/** One row per scheduled run (digest, reminder, check-in) and key, claimed by exactly one instance. */
export const scheduleRuns = relais.table('schedule_runs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  job: text('job').notNull(),
  runKey: text('run_key').notNull(),
  scheduledFor: at('scheduled_for').notNull(),
  claimedBy: text('claimed_by').notNull(),
  /** claimed | done | skipped. */
  status: text('status').notNull().default('claimed'),
  note: text('note'),
  createdAt: createdAt(),
  finishedAt: at('finished_at'),
}, (t) => [uniqueIndex('schedule_runs_job_key').on(t.job, t.runKey)]);
