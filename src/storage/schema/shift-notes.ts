import { boolean, date, doublePrecision, index, integer, jsonb, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, relais, updatedAt } from './common.js';
import { people, structures, teams } from './organisation.js';

/**
 * An end-of-shift note, stored the moment it arrives (idempotent on the platform
 * event id) so that a note Relais acknowledged is never lost.
 * Status: received → draft → confirmed | discarded; needs_attention when extraction keeps failing.
 */
export const shiftNotes = relais.table('shift_notes', {
  id: id(),
  structureId: text('structure_id').notNull().references(() => structures.id, { onDelete: 'cascade' }),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  authorId: text('author_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  shiftDate: date('shift_date', { mode: 'string' }).notNull(),
  /** Raw text; purged (null) after the configured retention. */
  rawText: text('raw_text'),
  /** text | voice | command. */
  source: text('source').notNull().default('text'),
  status: text('status').notNull().default('received'),
  platform: text('platform').notNull(),
  /** Platform event / message id; unique per platform so redeliveries never create a second note. */
  platformEventId: text('platform_event_id').notNull(),
  /** Where the conversation happens (channel, thread, draft message ids) for updates in place. */
  conversation: jsonb('conversation').$type<Record<string, unknown>>().notNull().default({}),
  /** The current draft (extraction result plus edits), shown before confirmation. */
  draft: jsonb('draft').$type<Record<string, unknown>>(),
  engine: text('engine'),
  /** Optimistic concurrency for edits and confirmation. */
  version: integer('version').notNull().default(0),
  receivedAt: at('received_at').notNull().defaultNow(),
  draftedAt: at('drafted_at'),
  confirmedAt: at('confirmed_at'),
  discardedAt: at('discarded_at'),
  textPurgedAt: at('text_purged_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('shift_notes_platform_event').on(t.platform, t.platformEventId),
  index('shift_notes_author_date').on(t.authorId, t.shiftDate),
  index('shift_notes_team_date').on(t.teamId, t.shiftDate),
  index('shift_notes_status').on(t.status),
]);

const noteRef = () => text('note_id').references(() => shiftNotes.id, { onDelete: 'cascade' });
const personRef = () => text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' });

export const attendance = relais.table('attendance', {
  id: id(),
  noteId: noteRef(),
  personId: personRef(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  /** present | absent | late | left_early. */
  status: text('status').notNull(),
  excused: boolean('excused'),
  minutes: integer('minutes'),
  /** Hours worked that day when known (schedule minus lateness, or corrected by hand). */
  hoursWorked: doublePrecision('hours_worked'),
  createdAt: createdAt(),
}, (t) => [index('attendance_person_date').on(t.personId, t.date), index('attendance_team_date').on(t.teamId, t.date)]);

/** An observation about a salarié; `sensitivity` decides who may ever see it. */
export const observations = relais.table('observations', {
  id: id(),
  noteId: noteRef(),
  personId: personRef(),
  authorId: text('author_id').references(() => people.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  category: text('category').notNull(),
  polarity: text('polarity').notNull(),
  /** Verbatim words from the note; encrypted at rest when the sensitivity is not `team`. */
  evidence: text('evidence').notNull(),
  /** team | restricted | special. */
  sensitivity: text('sensitivity').notNull(),
  createdAt: createdAt(),
}, (t) => [index('observations_person_date').on(t.personId, t.date), index('observations_note').on(t.noteId)]);

export const productionEntries = relais.table('production_entries', {
  id: id(),
  noteId: noteRef(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  activity: text('activity').notNull(),
  quantity: doublePrecision('quantity'),
  unit: text('unit'),
  site: text('site'),
  createdAt: createdAt(),
}, (t) => [index('production_team_date').on(t.teamId, t.date)]);

export const incidents = relais.table('incidents', {
  id: id(),
  noteId: noteRef(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind').notNull(),
  personIds: jsonb('person_ids').$type<string[]>().notNull().default([]),
  evidence: text('evidence').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('incidents_team_date').on(t.teamId, t.date),
  // Progress summaries look incidents up by the people involved.
  index('incidents_person_ids').using('gin', t.personIds),
]);

/** Urgent situations sent privately to the referent CIP and direction at once. */
export const alerts = relais.table('alerts', {
  id: id(),
  noteId: noteRef(),
  personId: text('person_id').references(() => people.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  topic: text('topic').notNull(),
  /** Encrypted at rest. */
  evidence: text('evidence').notNull(),
  /** open | acknowledged | closed. */
  status: text('status').notNull().default('open'),
  notifiedAt: at('notified_at'),
  acknowledgedBy: text('acknowledged_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('alerts_person').on(t.personId), index('alerts_status').on(t.status)]);
