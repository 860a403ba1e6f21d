import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

/** `relais retention [--dry-run]`: applies (or previews) the retention periods now. */
export async function runRetention(io: CliIo, options: { dryRun?: boolean }): Promise<number> {
  return withRelais(io, async (relais) => {
    const report = await relais.privacy.applyRetention({ dryRun: options.dryRun === true });
    const { retentionYears, noteTextRetentionDays } = relais.config.privacy;
    line(io.stdout, io.t(report.dryRun ? 'privacy.retention.dry_run' : 'privacy.retention.done', { years: retentionYears, cutoff: report.cutoffDate }));
    line(io.stdout, io.t('privacy.retention.people', { count: report.people.length }));
    for (const p of report.people) line(io.stdout, io.t('privacy.retention.person', { key: p.rosterKey, date: p.referenceDate }));
    line(io.stdout, io.t('privacy.retention.notes', { count: report.noteTexts, days: noteTextRetentionDays }));
    line(io.stdout, io.t('privacy.retention.inbox', { count: report.inboxPayloads }));
    return EXIT.ok;
  });
}
