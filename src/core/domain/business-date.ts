import { dateTimeFormat } from '../intl-cache.js';

/** The calendar date (YYYY-MM-DD) of an instant in a timezone: business dates follow the team's clock. */
export function businessDate(instant: Date, timezone: string): string {
  return dateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no timezone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
