import type { Actor } from '../../core/domain/actor.js';
import { addDays, businessDate } from '../../core/domain/business-date.js';
import { authorize } from '../../core/policy/authorize.js';
import type { Clock } from '../../core/ports/clock.js';
import type { TeamSchedule } from '../../core/ports/digest-store.js';
import type { Reply } from '../../core/messages/reply.js';
import type { createBuildDailyDigest } from '../../core/use-cases/build-daily-digest/build-daily-digest.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { HandlerContext } from '../feature-handler.js';
import { formatDate } from '../format.js';
import { plainReply } from '../replies.js';
import { digestErrorReply } from './digest-feature.js';

export interface DigestCommandDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly buildDailyDigest: ReturnType<typeof createBuildDailyDigest>;
  /** Posts under the scheduled run's claim, so it is never posted twice. */
  readonly post: (team: TeamSchedule, date: string, reply: Reply, by: string) => Promise<'posted' | 'already-posted'>;
}

/** `[équipe] [date]`: the date as 2026-11-02, 02/11/2026, « hier » or « aujourd'hui ». */
export function parseDigestArgs(args: string, today: string): { teamKey?: string; date?: string } | 'date.invalid' {
  const words = args.split(/\s+/).filter(Boolean);
  let date: string | undefined;
  const rest: string[] = [];
  for (const w of words) {
    const folded = w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(w);
    if (/^\d{4}-\d{2}-\d{2}$/.test(w)) date = w;
    else if (fr) date = `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}`;
    else if (folded === 'hier') date = addDays(today, -1);
    else if (/^aujourd'?hui$/.test(folded.replace(/’/g, "'"))) date = today;
    else if (/^\d/.test(w)) return 'date.invalid';
    else rest.push(w);
  }
  return { ...(rest.length ? { teamKey: rest.join(' ') } : {}), ...(date ? { date } : {}) };
}

/** `/relais digest aperçu [équipe] [date]` (private preview) and `/relais digest publier …` (to the team's channel). */
export function createDigestCommands(deps: DigestCommandDeps) {
  const { t } = deps;
  return async function digestCommand(input: { ctx: HandlerContext; args: string; post: boolean }): Promise<void> {
    const { ctx } = input;
    const parsed = parseDigestArgs(input.args, businessDate(deps.clock.now(), 'Europe/Paris'));
    if (parsed === 'date.invalid') return ctx.reply(digestErrorReply('date.invalid', t), { private: true });
    const built = await deps.buildDailyDigest.forActor({ actor: ctx.actor, ...parsed });
    if (!built.ok) return ctx.reply(digestErrorReply(built.code, t, built.details), { private: true });
    const { team, digest, reply } = built.value;
    if (!input.post) {
      return ctx.reply({ ...reply, blocks: [...reply.blocks, { type: 'context', text: t('digest.preview_note') }] }, { private: true });
    }
    if (!canPost(ctx.actor, team)) return ctx.reply(digestErrorReply('access.denied', t), { private: true });
    const outcome = await deps.post(team, digest.date, reply, `person:${ctx.actor.personId}`);
    const params = { date: formatDate(digest.date, deps.locale), team: team.name };
    return ctx.reply(plainReply(t(outcome === 'posted' ? 'digest.posted' : 'digest.already_posted', params)), { private: true });
  };
}

/** Posting speaks for the team: its encadrant or direction. */
const canPost = (actor: Actor, team: TeamSchedule): boolean =>
  authorize(actor, 'write', 'team-settings', { structureId: team.structureId, teamId: team.id }).ok && actor.role !== 'admin';
