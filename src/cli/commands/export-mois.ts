import { writeFileSync } from 'node:fs';
import type { MonthlyReportLabels } from '../../core/use-cases/export-monthly-report/export-monthly-report.js';
import type { Translate } from '../../i18n/translator.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { resolveActor } from '../cli-people.js';
import { withRelais } from '../with-relais.js';

export function monthlyLabels(t: Translate, teamNames: ReadonlyMap<string, string>): MonthlyReportLabels {
  return {
    sheetHours: t('export.sheet.hours'), sheetProduction: t('export.sheet.production'), sheetIncidents: t('export.sheet.incidents'),
    sheetSessions: t('export.sheet.sessions'),
    hoursColumns: [t('export.col.last_name'), t('export.col.first_name'), t('export.col.team'), t('export.col.days_recorded'), t('export.col.days_present'),
      t('export.col.absences_excused'), t('export.col.absences_unexcused'), t('export.col.lateness'), t('export.col.hours')],
    productionColumns: [t('export.col.team'), t('export.col.activity'), t('export.col.quantity'), t('export.col.unit'), t('export.col.days')],
    incidentColumns: [t('export.col.team'), t('export.col.incident_kind'), t('export.col.count')],
    sessionColumns: [t('export.col.team'), t('export.col.date'), t('export.col.topic'), t('export.col.duration'), t('export.col.participants'), t('export.col.trainer')],
    teamName: (id) => (id === null ? t('export.no_team') : teamNames.get(id) ?? t('export.no_team')),
    unitLabel: (unit) => (unit === null ? t('export.no_unit') : t(`unit.${unit}`)),
    incidentLabel: (kind) => t(`incident.${kind}`),
  };
}

/** `relais export mois 2026-11 --as demo-dir [--format csv|xlsx] [--out fichier]`. */
export async function runExportMois(io: CliIo, month: string, options: { as: string; format?: string; out?: string }): Promise<number> {
  const format = (options.format ?? (options.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')).toLowerCase();
  if (format !== 'csv' && format !== 'xlsx') throw new CliError(io.t('export.error.format', { value: options.format ?? '' }), EXIT.usage);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliError(io.t('export.error.month.invalid'), EXIT.usage);
  const out = options.out ?? `relais-${month}.${format}`;
  return withRelais(io, async (relais) => {
    const actor = await resolveActor(relais, io, options.as);
    const teams = await relais.stores.roster.listTeams(actor.structureId);
    const result = await relais.useCases.exportMonthlyReport({ actor, month, labels: monthlyLabels(io.t, new Map(teams.map((team) => [team.id, team.name]))) });
    if (!result.ok) throw new CliError(io.t(`export.error.${result.code}`), result.code === 'access.denied' ? EXIT.failure : EXIT.usage);
    // Rendered fully before writing: a failure never leaves half a file.
    const bytes = await relais.spreadsheets.write(result.value.sheets, format);
    writeFileSync(out, bytes);
    const { totals } = result.value;
    line(io.stdout, io.t('export.written', { month, path: out, hours: totals.hours, days: totals.attendanceDays, absences: totals.absences, lines: totals.productionLines, sessions: totals.sessionsHeld }));
    return EXIT.ok;
  });
}
