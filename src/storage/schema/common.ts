import { randomUUID } from 'node:crypto';
import { pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Every table lives in one PostgreSQL schema, so Relais can share a database. */
export const relais = pgSchema('relais');

export const id = () => text('id').primaryKey().$defaultFn(() => randomUUID());
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
