import { isoWeekday } from '../domain/business-date.js';
import { isFrenchPublicHoliday } from './french-holidays.js';
import type { TeamSettings } from './team-settings.js';

/** A day the team works: one of its working days and not a French public holiday. */
export function isWorkingDay(date: string, settings: Pick<TeamSettings, 'workingDays'>): boolean {
  return settings.workingDays.includes(isoWeekday(date)) && !isFrenchPublicHoliday(date);
}
