import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, relais, updatedAt } from './common.js';

/** An SIAE. Most installs hold one; a network may hold several. */
export const structures = relais.table('structures', {
  id: id(),
  name: text('name').notNull(),
  /** ACI, EI, AI, ETTI, EITI. */
  kind: text('kind').notNull().default('ACI'),
  /** Structure-wide choices (first names in digests, LLM opt-ins…), validated by the core. */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A team / atelier / chantier: the unit of production, digests and "tout le monde". */
export const teams = relais.table('teams', {
  id: id(),
  structureId: text('structure_id').notNull().references(() => structures.id, { onDelete: 'cascade' }),
  /** Slug used by roster files and commands ("espaces-verts"). */
  key: text('key').notNull(),
  name: text('name').notNull(),
  /** Trade: espaces_verts, recyclerie, batiment, nettoyage, maraichage, restauration, autre. */
  activity: text('activity').notNull().default('autre'),
  romeCode: text('rome_code'),
  timezone: text('timezone').notNull().default('Europe/Paris'),
  /** Settings: shift start/end, digest time, working days, reminders, targets (validated by the core). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('teams_structure_key').on(t.structureId, t.key)]);

/** Where a team's summaries go, per platform (a Slack channel, a Teams channel, the playground). */
export const channelBindings = relais.table('channel_bindings', {
  id: id(),
  teamId: text('team_id').notNull().references(() => teams.id, { onDelete: 'cascade' }),
  platform: text('platform').notNull(),
  /** team summaries or direction digests. */
  purpose: text('purpose').notNull().default('team'),
  workspaceId: text('workspace_id').notNull().default(''),
  channelId: text('channel_id').notNull(),
  /** Whatever the platform needs to post proactively (Teams conversation reference, serviceUrl…). */
  reference: jsonb('reference').$type<Record<string, unknown>>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('channel_bindings_team_platform_purpose').on(t.teamId, t.platform, t.purpose)]);

/** Salariés en insertion, encadrants, CIPs, direction, admins. */
export const people = relais.table('people', {
  id: id(),
  structureId: text('structure_id').notNull().references(() => structures.id, { onDelete: 'cascade' }),
  /** Identifier from the structure's own roster file; the key of idempotent imports. */
  rosterKey: text('roster_key').notNull(),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  aliases: jsonb('aliases').$type<string[]>().notNull().default([]),
  role: text('role').notNull(),
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  referentCipId: text('referent_cip_id'),
  email: text('email'),
  phone: text('phone'),
  contractStart: date('contract_start', { mode: 'string' }),
  contractEnd: date('contract_end', { mode: 'string' }),
  /** active | exited | anonymised. */
  status: text('status').notNull().default('active'),
  exitDate: date('exit_date', { mode: 'string' }),
  exitCategory: text('exit_category'),
  /** Drives retention (2 years after the last contact by default). */
  lastContactOn: date('last_contact_on', { mode: 'string' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('people_structure_roster_key').on(t.structureId, t.rosterKey),
  index('people_team').on(t.teamId),
  index('people_email').on(sql`lower(${t.email})`),
]);

/** A Slack or Teams (or playground) user linked to a person. */
export const platformIdentities = relais.table('platform_identities', {
  id: id(),
  platform: text('platform').notNull(),
  /** Slack workspace (team) id or Microsoft tenant id; '' when not applicable. */
  workspaceId: text('workspace_id').notNull().default(''),
  userId: text('user_id').notNull(),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  displayName: text('display_name'),
  /** The private conversation with this user (Slack DM channel, Teams conversation reference). */
  directChannel: jsonb('direct_channel').$type<Record<string, unknown>>(),
  linkedBy: text('linked_by'),
  active: boolean('active').notNull().default(true),
  lastSeenAt: at('last_seen_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('platform_identities_user').on(t.platform, t.workspaceId, t.userId),
  index('platform_identities_person').on(t.personId),
]);
