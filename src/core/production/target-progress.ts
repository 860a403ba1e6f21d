import { addDays, isoWeekday } from '../domain/business-date.js';
import { foldActivity } from '../digests/neutral-activity.js';
import type { TeamSettings } from '../digests/team-settings.js';
import { isWorkingDay } from '../digests/working-day.js';

/** One target over a period: what was asked (scaled to the period), what was done, and the share. */
export interface TargetProgress {
  readonly activity: string;
  readonly unit: string;
  readonly period: 'day' | 'week';
  /** The target over the whole period: a daily target times the working days, a weekly one times the weeks. */
  readonly target: number;
  readonly done: number;
  /** Rounded percentage of the target reached (may pass 100). */
  readonly percent: number;
}

/**
 * Progress against a team's targets from confirmed production (same activity,
 * accents and case aside, and same unit). A daily target counts every working
 * day of the period (holidays excluded); a weekly target counts every week the
 * period touches on a working day.
 */
export function targetProgress(
  settings: Pick<TeamSettings, 'targets' | 'workingDays'>,
  production: ReadonlyArray<{ readonly activity: string; readonly quantity: number | null; readonly unit: string | null }>,
  from: string, to: string,
): TargetProgress[] {
  const workingDays: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, settings)) workingDays.push(d);
  const weeks = new Set(workingDays.map((d) => addDays(d, 1 - isoWeekday(d)))).size;
  return Object.entries(settings.targets).map(([activity, target]) => {
    const key = foldActivity(activity);
    const done = production
      .filter((p) => p.quantity !== null && p.unit === target.unit && foldActivity(p.activity) === key)
      .reduce((sum, p) => sum + p.quantity!, 0);
    const whole = target.quantity * (target.period === 'day' ? workingDays.length : weeks);
    return {
      activity, unit: target.unit, period: target.period, target: whole, done: Math.round(done * 100) / 100,
      percent: whole > 0 ? Math.round((done / whole) * 100) : 0,
    };
  }).filter((p) => p.target > 0 || p.done > 0);
}
