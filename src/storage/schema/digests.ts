import { boolean, text } from 'drizzle-orm/pg-core';
import { at, relais, updatedAt } from './common.js';
import { people } from './organisation.js';

/** An encadrant's choice about end-of-shift reminders: switched off, or snoozed until a time. */
export const reminderPreferences = relais.table('reminder_preferences', {
  personId: text('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  off: boolean('off').notNull().default(false),
  snoozedUntil: at('snoozed_until'),
  updatedAt: updatedAt(),
});
