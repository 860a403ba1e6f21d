import { addDays } from '../domain/business-date.js';

const DAY_MS = 86_400_000;
const utc = (date: string): number => Date.parse(`${date}T00:00:00Z`);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((utc(to) - utc(from)) / DAY_MS);

/** YYYY-MM of a YYYY-MM-DD date. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The date halfway through a period: records before it form the first half. */
export const midpoint = (from: string, to: string): string => addDays(from, Math.floor(daysBetween(from, to) / 2) + 1);

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whole percent of part over whole, or null when there is nothing to divide. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));
