import type { AttendanceExceptionRow, AttendanceMonthRow } from '../ports/progress-store.js';
import type { AttendanceFacts, AttendanceMonth, SourceRef, Trend } from './progress-facts.js';
import { percent } from './period.js';

/** A change of at least this many points between the two windows is a trend. */
export const TREND_THRESHOLD = 5;
/** Months compared at most on each side of a trend. */
const WINDOW = 3;

type Counts = Omit<AttendanceMonthRow, 'month'>;

function withRates(counts: Counts): Omit<AttendanceMonth, 'month'> {
  const attended = counts.present + counts.late + counts.leftEarly;
  return {
    days: counts.days, present: counts.present, late: counts.late, leftEarly: counts.leftEarly,
    absent: counts.absent, excusedAbsences: counts.excusedAbsences,
    attendanceRate: percent(attended, counts.days),
    punctualityRate: percent(attended - counts.late, attended),
  };
}

const sum = (rows: readonly Counts[]): Counts => rows.reduce<Counts>((a, r) => ({
  days: a.days + r.days, present: a.present + r.present, late: a.late + r.late, leftEarly: a.leftEarly + r.leftEarly,
  absent: a.absent + r.absent, excusedAbsences: a.excusedAbsences + r.excusedAbsences,
}), { days: 0, present: 0, late: 0, leftEarly: 0, absent: 0, excusedAbsences: 0 });

/**
 * Compares the last months (up to three) with as many months before them, each
 * window's rate computed over its days so a short month weighs less.
 */
export function trendOf(months: readonly Counts[], rate: (c: Counts) => number | null): Trend {
  const recorded = months.filter((m) => m.days > 0);
  const size = Math.min(WINDOW, Math.floor(recorded.length / 2));
  if (size === 0) return 'unknown';
  const recent = rate(sum(recorded.slice(-size)));
  const before = rate(sum(recorded.slice(-2 * size, -size)));
  if (recent === null || before === null) return 'unknown';
  if (recent - before >= TREND_THRESHOLD) return 'up';
  if (before - recent >= TREND_THRESHOLD) return 'down';
  return 'stable';
}

export function attendanceFacts(
  months: readonly AttendanceMonthRow[], exceptions: readonly AttendanceExceptionRow[],
): AttendanceFacts {
  const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
  const source = (e: AttendanceExceptionRow): SourceRef => ({
    type: 'attendance', id: e.id, date: e.date, authorId: e.authorId, authorName: e.authorName,
  });
  return {
    months: sorted.map((m) => ({ month: m.month, ...withRates(m) })),
    total: withRates(sum(sorted)),
    attendanceTrend: trendOf(sorted, (c) => withRates(c).attendanceRate),
    punctualityTrend: trendOf(sorted, (c) => withRates(c).punctualityRate),
    exceptions: exceptions.map((e) => ({ status: e.status, minutes: e.minutes, excused: e.excused, source: source(e) })),
  };
}
