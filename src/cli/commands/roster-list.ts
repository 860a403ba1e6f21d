import { fullName } from '../../core/domain/roster.js';
import { teamKey } from '../../core/roster/roster-row.js';
import { EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { withRelais } from '../with-relais.js';

export async function runRosterList(io: CliIo, options: { team?: string }): Promise<number> {
  const { t } = io;
  const listing = await withRelais(io, (relais) =>
    relais.useCases.listRoster(options.team === undefined ? {} : { teamKey: teamKey(options.team) }));
  if (listing.people.length === 0) {
    line(io.stdout, t('roster.list.empty'));
    return EXIT.ok;
  }
  const teamName = new Map(listing.teams.map((team) => [team.id, team.name]));
  const byId = new Map(listing.people.map((p) => [p.id, p]));
  const rows = listing.people.map((p) => [
    p.rosterKey,
    fullName(p),
    p.teamId === null ? t('roster.no_team') : teamName.get(p.teamId) ?? '',
    t(`role.${p.role}`),
    p.referentCipId === null ? '' : fullName(byId.get(p.referentCipId) ?? { firstName: '', lastName: '' }),
  ]);
  const header = [t('roster.col.id'), t('roster.col.name'), t('roster.col.team'), t('roster.col.role'), t('roster.col.referent')];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  line(io.stdout, format(header));
  for (const r of rows) line(io.stdout, format(r));
  line(io.stdout, t('roster.list.header', { count: rows.length }));
  return EXIT.ok;
}
