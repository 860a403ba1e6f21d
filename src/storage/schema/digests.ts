import { boolean, date, index, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, relais, updatedAt } from './common.js';
import { people, teams } from './organisation.js';

/** An encadrant's choice about end-of-shift reminders: switched off, or snoozed until a time. */
export const reminderPreferences = relais.table('reminder_preferences', {
  personId: text('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  off: boolean('off').notNull().default(false),
  snoozedUntil: at('snoozed_until'),
  updatedAt: updatedAt(),
});

/**
 * The end-of-shift check-in of an encadrant for a day (issue #13): opened by the
 * scheduler at the team's shift end, moved on by the note, its questions and
 * its confirmation. One row per person and day, so it is never opened twice.
 */
export const checkIns = relais.table('check_ins', {
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }).notNull(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  state: text('state').notNull(),
  openedAt: at('opened_at'),
  updatedAt: updatedAt(),
}, (t) => [
  primaryKey({ columns: [t.personId, t.date] }),
  index('check_ins_team_date').on(t.teamId, t.date),
  index('check_ins_state_date').on(t.state, t.date),
]);
