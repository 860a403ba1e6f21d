import { bigserial, index, jsonb, text } from 'drizzle-orm/pg-core';
import { createdAt, relais } from './common.js';

/** Who read or changed which salarié's data, when, from which door. Hash-chained. */
export const auditLog = relais.table('audit_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  at: createdAt(),
  actorId: text('actor_id'),
  actorRole: text('actor_role'),
  door: text('door').notNull(),
  action: text('action').notNull(),
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  subjectPersonId: text('subject_person_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
}, (t) => [index('audit_subject').on(t.subjectPersonId), index('audit_actor').on(t.actorId)]);
