import { date, index, integer, jsonb, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, relais, updatedAt } from './common.js';
import { people, teams } from './organisation.js';

/** A team's skills referential (editable; ROME activity codes). */
export const skills = relais.table('skills', {
  id: id(),
  teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  label: text('label').notNull(),
  romeCode: text('rome_code'),
  description: text('description'),
  /** technique | transversal (savoir-être, mapped to a CléA domain). */
  kind: text('kind').notNull().default('technique'),
  cleaDomain: integer('clea_domain'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('skills_team_key').on(t.teamId, t.key)]);

/** A séance d'apprentissage en situation de production (fiche de séance). */
export const learningSessions = relais.table('learning_sessions', {
  id: id(),
  teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  trainerId: text('trainer_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  date: date('date', { mode: 'string' }),
  startTime: text('start_time'),
  durationMinutes: integer('duration_minutes'),
  site: text('site'),
  topic: text('topic').notNull(),
  /** The whole fiche de séance, validated by the core's plan schema. */
  plan: jsonb('plan').$type<Record<string, unknown>>().notNull(),
  /** draft | scheduled | done | cancelled. */
  status: text('status').notNull().default('draft'),
  engine: text('engine'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index('learning_sessions_team_date').on(t.teamId, t.date)]);

export const learningSessionParticipants = relais.table('learning_session_participants', {
  sessionId: text('session_id').notNull().references(() => learningSessions.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.sessionId, t.personId] })]);

/** A dated skill level with the observed fact: the skills history. */
export const skillEvaluations = relais.table('skill_evaluations', {
  id: id(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  sessionId: text('session_id').references(() => learningSessions.id, { onDelete: 'set null' }),
  skillId: text('skill_id').references(() => skills.id, { onDelete: 'set null' }),
  skillLabel: text('skill_label').notNull(),
  criterion: text('criterion'),
  /** non_acquis | en_cours | acquis | maitrise | non_evalue. */
  level: text('level').notNull(),
  /** maitrise | autonomie | frequence. */
  dimension: text('dimension').notNull().default('maitrise'),
  observedFact: text('observed_fact'),
  selfAssessment: text('self_assessment'),
  nextStep: text('next_step'),
  evaluatorId: text('evaluator_id').references(() => people.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  /** draft | confirmed: attestations use confirmed evaluations only. */
  status: text('status').notNull().default('draft'),
  confirmedAt: at('confirmed_at'),
  createdAt: createdAt(),
}, (t) => [index('skill_evaluations_person').on(t.personId, t.date)]);
