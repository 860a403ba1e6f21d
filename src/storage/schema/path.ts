import { boolean, date, index, jsonb, text } from 'drizzle-orm/pg-core';
import { at, createdAt, id, relais, updatedAt } from './common.js';
import { people } from './organisation.js';

/**
 * A frein or an atout of a salarié on a Carnet de bord theme, with status and
 * intensity (++, +, −, −−). "Not discussed" differs from "no". Restricted content.
 */
export const situations = relais.table('situations', {
  id: id(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  theme: text('theme').notNull(),
  /** frein | atout. */
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  /** active | resolved | not_discussed. */
  status: text('status').notNull().default('active'),
  intensity: text('intensity'),
  /** Encrypted at rest. */
  details: text('details'),
  sourceObservationId: text('source_observation_id'),
  authorId: text('author_id').references(() => people.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('situations_person').on(t.personId)]);

/** Carnet de bord objective: en_cours | realise | abandonne, with the salarié's consent. */
export const objectives = relais.table('objectives', {
  id: id(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  theme: text('theme').notNull(),
  label: text('label').notNull(),
  status: text('status').notNull().default('en_cours'),
  dueOn: date('due_on', { mode: 'string' }),
  consentGiven: boolean('consent_given').notNull().default(false),
  consentAt: at('consent_at'),
  bilanId: text('bilan_id'),
  createdBy: text('created_by').references(() => people.id, { onDelete: 'set null' }),
  /** Status changes: [{ at, status, by }]. */
  history: jsonb('history').$type<Array<Record<string, unknown>>>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index('objectives_person').on(t.personId),
  // Reminders: objectives in progress by due date.
  index('objectives_status_due').on(t.status, t.dueOn),
]);

/** Carnet de bord action under an objective. */
export const objectiveActions = relais.table('objective_actions', {
  id: id(),
  objectiveId: text('objective_id').notNull().references(() => objectives.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  status: text('status').notNull().default('en_projet'),
  dueOn: date('due_on', { mode: 'string' }),
  history: jsonb('history').$type<Array<Record<string, unknown>>>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('objective_actions_objective').on(t.objectiveId)]);

/** A bilan (accueil, intégration, intermédiaire, prolongation, sortie) and its outcome. */
export const bilans = relais.table('bilans', {
  id: id(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  participants: jsonb('participants').$type<string[]>().notNull().default([]),
  /** Needs with intensities (prolongation), outcomes, agreed next steps. */
  content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
  salarieView: text('salarie_view'),
  salarieAgreement: boolean('salarie_agreement'),
  exitCategory: text('exit_category'),
  createdBy: text('created_by').references(() => people.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('bilans_person').on(t.personId)]);
