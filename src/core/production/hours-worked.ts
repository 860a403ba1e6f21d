import type { AttendanceRow } from '../ports/production-log-store.js';

/**
 * Hours worked on a day, from attendance and the team's schedule: the hours
 * recorded when someone corrected them, else the working day, minus a lateness
 * or an early departure when its minutes are known (half a day when they are not).
 */
export function hoursWorked(row: Pick<AttendanceRow, 'status' | 'minutes' | 'hoursWorked'>, workdayHours: number): number {
  if (row.hoursWorked !== null) return row.hoursWorked;
  switch (row.status) {
    case 'present': return workdayHours;
    case 'absent': return 0;
    case 'late': case 'left_early':
      return row.minutes === null ? (row.status === 'late' ? workdayHours : workdayHours / 2) : Math.max(0, workdayHours - row.minutes / 60);
  }
}

/** Totals per unit: « 300 m² + 120 m² » is 420 m², kilograms and hours never mix. */
export function totalsByUnit(rows: ReadonlyArray<{ quantity: number | null; unit: string | null }>): Array<{ unit: string | null; quantity: number }> {
  const totals = new Map<string | null, number>();
  for (const r of rows) if (r.quantity !== null) totals.set(r.unit, (totals.get(r.unit) ?? 0) + r.quantity);
  return [...totals].map(([unit, quantity]) => ({ unit, quantity: Math.round(quantity * 100) / 100 }));
}
