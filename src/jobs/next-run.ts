import { DateTime } from 'luxon';
import { isWorkingDay } from '../core/digests/working-day.js';
import type { TeamSettings } from '../core/digests/team-settings.js';

/** A scheduled occurrence: the team's business date and the instant it falls at. */
export interface Occurrence {
  readonly date: string;
  readonly at: Date;
}

const MAX_DAYS = 370;

/**
 * The instant of a local wall time on a date in a zone. Across the spring gap
 * (02:00–03:00 does not exist) luxon moves forward by the gap; in the autumn
 * overlap it keeps the first (summer-time) instant: one run either way.
 */
export function localInstant(date: string, hhmm: string, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return DateTime.fromObject({ year, month, day, hour, minute }, { zone }).toJSDate();
}

const localDate = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toISODate()!;
const shift = (date: string, days: number): string => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** The first occurrence strictly after `after` of `hhmm` on a working day (holidays skipped). */
export function nextRun(settings: Pick<TeamSettings, 'workingDays'>, zone: string, hhmm: string, after: Date): Occurrence | null {
  let date = localDate(after, zone);
  for (let i = 0; i < MAX_DAYS; i++, date = shift(date, 1)) {
    if (!isWorkingDay(date, settings)) continue;
    const at = localInstant(date, hhmm, zone);
    if (at.getTime() > after.getTime()) return { date, at };
  }
  return null;
}

/** The latest occurrence at or before `now`, looking back at most `lookbackDays`. */
export function previousRun(settings: Pick<TeamSettings, 'workingDays'>, zone: string, hhmm: string, now: Date, lookbackDays = 7): Occurrence | null {
  let date = localDate(now, zone);
  for (let i = 0; i <= lookbackDays; i++, date = shift(date, -1)) {
    if (!isWorkingDay(date, settings)) continue;
    const at = localInstant(date, hhmm, zone);
    if (at.getTime() <= now.getTime()) return { date, at };
  }
  return null;
}

/** Monday and Sunday of the ISO week of a date. */
export function isoWeekOf(date: string): { from: string; to: string; key: string } {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  const from = d.startOf('week').toISODate()!;
  return { from, to: d.endOf('week').toISODate()!, key: `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}` };
}

/** The last working day of a date's ISO week, or null when the team does not work that week. */
export function lastWorkingDayOfWeek(settings: Pick<TeamSettings, 'workingDays'>, date: string): string | null {
  const week = isoWeekOf(date);
  for (let d = week.to; d >= week.from; d = shift(d, -1)) if (isWorkingDay(d, settings)) return d;
  return null;
}
