import type { Actor } from '../../domain/actor.js';
import { addDays } from '../../domain/business-date.js';
import { authorize } from '../../policy/authorize.js';
import type { ProductionLogStore } from '../../ports/production-log-store.js';
import type { RosterStore } from '../../ports/roster-store.js';
import { hoursWorked, totalsByUnit } from '../../production/hours-worked.js';
import { err, ok, type Result } from '../../result.js';

/** A spreadsheet as plain data: sheets of columns and rows, rendered to CSV or .xlsx by an adapter. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

export interface MonthlyReport {
  readonly month: string;
  readonly sheets: readonly Sheet[];
  /** Totals, for the caller to print and the tests to compare with the database. */
  readonly totals: { readonly hours: number; readonly attendanceDays: number; readonly absences: number; readonly productionLines: number; readonly sessionsHeld: number };
}

export type MonthlyReportError = 'access.denied' | 'month.invalid';

/** Renders sheets as a file (CSV for Excel or .xlsx); an adapter. */
export interface SpreadsheetWriter {
  write(sheets: readonly Sheet[], format: 'csv' | 'xlsx'): Promise<Uint8Array>;
}

/** Column headings, in the user's language (French by default). */
export interface MonthlyReportLabels {
  readonly sheetHours: string;
  readonly sheetProduction: string;
  readonly sheetIncidents: string;
  readonly sheetSessions: string;
  readonly hoursColumns: readonly [string, string, string, string, string, string, string, string, string];
  readonly productionColumns: readonly [string, string, string, string, string];
  readonly incidentColumns: readonly [string, string, string];
  readonly sessionColumns: readonly [string, string, string, string, string, string];
  readonly teamName: (teamId: string | null) => string;
  readonly unitLabel: (unit: string | null) => string;
  readonly incidentLabel: (kind: string) => string;
}

/**
 * `relais export mois 2026-11`: hours worked and attendance per salarié (the
 * basis of the monthly declarations), production per team and activity,
 * incidents per kind, learning sessions held — confirmed records only. Direction and admin only.
 */
export function createExportMonthlyReport(deps: {
  readonly store: ProductionLogStore;
  readonly rosterStore: Pick<RosterStore, 'listTeams'>;
  readonly workdayHours: number;
}) {
  return async function exportMonthlyReport(input: { actor: Actor; month: string; labels: MonthlyReportLabels }): Promise<Result<MonthlyReport, MonthlyReportError>> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) return err('month.invalid');
    if (input.actor.role !== 'direction' && input.actor.role !== 'admin') return err('access.denied', { role: input.actor.role });
    const allowed = authorize(input.actor, 'read', 'attendance', { structureId: input.actor.structureId, teamId: null });
    if (!allowed.ok && input.actor.role !== 'admin') return err('access.denied', { role: input.actor.role });
    const from = `${input.month}-01`;
    const [y, m] = input.month.split('-').map(Number) as [number, number];
    const to = addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
    const { labels } = input;
    const [attendance, production, incidents, sessions] = await Promise.all([
      deps.store.attendance(input.actor.structureId, from, to),
      deps.store.production(input.actor.structureId, from, to),
      deps.store.incidents(input.actor.structureId, from, to),
      deps.store.sessionsHeld(input.actor.structureId, from, to),
    ]);

    const byPerson = new Map<string, typeof attendance>();
    for (const a of attendance) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
    let totalHours = 0;
    const hoursRows = [...byPerson.values()].map((rows) => {
      const hours = Math.round(rows.reduce((s, r) => s + hoursWorked(r, deps.workdayHours), 0) * 100) / 100;
      totalHours += hours;
      const absent = rows.filter((r) => r.status === 'absent');
      return [
        rows[0]!.lastName, rows[0]!.firstName, labels.teamName(rows[0]!.teamId), rows.length,
        rows.filter((r) => r.status !== 'absent').length, absent.filter((r) => r.excused === true).length,
        absent.filter((r) => r.excused !== true).length, rows.filter((r) => r.status === 'late').length, hours,
      ];
    });

    const byActivity = new Map<string, typeof production>();
    for (const p of production) {
      const key = `${p.teamId ?? ''}\u0000${p.activity}`;
      byActivity.set(key, [...(byActivity.get(key) ?? []), p]);
    }
    const productionRows = [...byActivity.values()].flatMap((rows) => totalsByUnit(rows).map((t) => [
      labels.teamName(rows[0]!.teamId), rows[0]!.activity, t.quantity, labels.unitLabel(t.unit), new Set(rows.map((r) => r.date)).size,
    ]));
    const byKind = new Map<string, number>();
    for (const i of incidents) byKind.set(`${i.teamId ?? ''}\u0000${i.kind}`, (byKind.get(`${i.teamId ?? ''}\u0000${i.kind}`) ?? 0) + 1);
    const incidentRows = [...byKind].map(([key, count]) => {
      const [teamId, kind] = key.split('\u0000') as [string, string];
      return [labels.teamName(teamId === '' ? null : teamId), labels.incidentLabel(kind), count];
    });
    return ok({
      month: input.month,
      sheets: [
        { name: labels.sheetHours, columns: labels.hoursColumns, rows: hoursRows },
        { name: labels.sheetProduction, columns: labels.productionColumns, rows: productionRows },
        { name: labels.sheetIncidents, columns: labels.incidentColumns, rows: incidentRows },
        { name: labels.sheetSessions, columns: labels.sessionColumns, rows: sessions.map((x) => [
          labels.teamName(x.teamId), x.date, x.topic, x.durationMinutes, x.participants, x.trainerName,
        ]) },
      ],
      totals: {
        hours: Math.round(totalHours * 100) / 100, attendanceDays: attendance.length,
        absences: attendance.filter((a) => a.status === 'absent').length, productionLines: production.length,
        sessionsHeld: sessions.length,
      },
    });
  };
}
