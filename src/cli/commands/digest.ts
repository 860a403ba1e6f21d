import { businessDate } from '../../core/domain/business-date.js';
import { CliError, EXIT } from '../cli-error.js';
import { line, type CliIo } from '../cli-io.js';
import { replyToText } from '../reply-text.js';
import { withRelais } from '../with-relais.js';

export interface DigestOptions {
  readonly team: string;
  readonly date?: string;
  readonly post?: boolean;
}

const isDate = (d: string): boolean => {
  const parsed = new Date(`${d}T12:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === d;
};

/**
 * `relais digest --team <clé|id> [--date AAAA-MM-JJ] [--post]`: prints a team's daily
 * digest; with --post, publishes it under the same claim as the scheduler (never twice).
 */
export async function runDigest(io: CliIo, options: DigestOptions): Promise<number> {
  const { t } = io;
  if (options.date !== undefined && !isDate(options.date)) throw new CliError(t('digest.error.date.invalid'), EXIT.usage);
  return withRelais(io, async (relais) => {
    const teams = await relais.digests.store.listTeamSchedules();
    const wanted = options.team.trim().toLowerCase();
    const team = teams.find((x) => x.id === options.team || x.key === wanted || x.name.toLowerCase() === wanted);
    if (!team) throw new CliError(t('digest.error.team.unknown', { teams: teams.map((x) => x.key).join(', ') }), EXIT.usage);
    const date = options.date ?? businessDate(relais.clock.now(), team.timezone);
    const built = await relais.digests.useCases.buildDailyDigest.forTeam(team, date);
    io.stdout.write(replyToText(built.reply));
    if (!options.post) return EXIT.ok;
    const outcome = await relais.digests.scheduler().postDaily(team, date, built.reply, 'cli');
    await relais.conversation.workers.outbox.drain();
    const params = { date, team: team.name };
    line(io.stderr, t(outcome === 'posted' ? 'digest.posted' : 'digest.already_posted', params));
    return EXIT.ok;
  });
}
