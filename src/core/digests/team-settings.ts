import { z } from 'zod';
import { UNITS, type Unit } from '../domain/taxonomy.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = () => z.string().regex(TIME);

/** A production target for one activity ("tonte": 400 m² a day). */
export const productionTargetSchema = z.object({
  quantity: z.number().positive(),
  unit: z.enum(UNITS),
  period: z.enum(['day', 'week']).default('day'),
});
export type ProductionTarget = z.infer<typeof productionTargetSchema>;

/**
 * A team's schedule and digest choices, stored in `teams.settings` (timezone in
 * `teams.timezone`). Every field has a default, so a team never configured still
 * gets its digest at 17:30 on working days.
 */
export const teamSettingsSchema = z.object({
  shiftEnd: time().default('16:30'),
  digestTime: time().default('17:30'),
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
  digestEnabled: z.boolean().default(true),
  /** Who reads the daily digest: the team channel, or direction only (weekly digest still goes to direction). */
  audience: z.enum(['team', 'direction']).default('team'),
  /** Absences are counts only unless the structure allows first names. */
  absenceFirstNames: z.boolean().default(false),
  remindersEnabled: z.boolean().default(true),
  reminderTime: time().default('17:00'),
  /** No reminder between start and end (wraps past midnight). */
  quietStart: time().default('20:00'),
  quietEnd: time().default('07:30'),
  targets: z.record(z.string().min(1).max(40), productionTargetSchema).default({}),
  /** The end-of-shift check-in: Relais opens the conversation at shift end (issue #13). */
  checkInEnabled: z.boolean().default(true),
  /** A few questions the check-in suggests (production, présences, sécurité…); free text always works. */
  guidingQuestions: z.array(z.string().min(1).max(200)).max(5).default([]),
  /** A lateness without its minutes gets a one-tap question. */
  trackLatenessMinutes: z.boolean().default(false),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

/** Settings as stored (anything unreadable falls back to the defaults, field by field). */
export function readTeamSettings(raw: Readonly<Record<string, unknown>> | null | undefined): TeamSettings {
  const parsed = teamSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const defaults = teamSettingsSchema.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as Array<keyof TeamSettings>) {
    const one = teamSettingsSchema.shape[key].safeParse((raw ?? {})[key]);
    if (one.success) out[key] = one.data;
  }
  return out as TeamSettings;
}

export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when a local time falls in the quiet hours (start inclusive, end exclusive; may wrap midnight). */
export function inQuietHours(hhmm: string, settings: Pick<TeamSettings, 'quietStart' | 'quietEnd'>): boolean {
  const m = minutesOf(hhmm);
  const start = minutesOf(settings.quietStart);
  const end = minutesOf(settings.quietEnd);
  if (start === end) return false;
  return start < end ? m >= start && m < end : m >= start || m < end;
}

export type TargetUnit = Unit;
