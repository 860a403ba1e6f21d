import { addDays } from '../../core/domain/business-date.js';
import type { Block } from '../../core/messages/reply.js';
import { textReply } from '../../core/messages/reply.js';
import type { RosterStore } from '../../core/ports/roster-store.js';
import type { createBuildProductionLog } from '../../core/use-cases/build-production-log/build-production-log.js';
import { formatDate } from '../../i18n/format.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import { formatQuantity } from '../format.js';
import { fold } from '../intent/french-words.js';
import type { Intent } from '../intent/intent.js';

/** « prod de la semaine »: the team's production log, privately (hours per salarié are personal data). */
export function createProductionFeature(deps: {
  readonly t: Translate;
  readonly locale: Locale;
  readonly buildProductionLog: ReturnType<typeof createBuildProductionLog>;
  readonly rosterStore: Pick<RosterStore, 'listTeams'>;
}): FeatureHandler {
  const { t, locale } = deps;
  const unit = (u: string | null) => (u === null ? '' : ` ${t(`unit.${u}`)}`);

  async function show(intent: Extract<Intent, { kind: 'production-log' }>, ctx: HandlerContext): Promise<void> {
    const teams = await deps.rosterStore.listTeams(ctx.actor.structureId);
    const named = intent.team === '' ? undefined : teams.find((team) => fold(team.name).includes(fold(intent.team)) || fold(team.key) === fold(intent.team));
    const first = await deps.buildProductionLog({ actor: ctx.actor, ...(named ? { teamId: named.id } : {}) });
    if (!first.ok) return ctx.reply(textReply(t(`production.error.${first.code}`, { teams: String(first.details?.['teams'] ?? '') })), { private: true });
    const to = first.value.to;
    const from = intent.period === 'day' ? to : intent.period === 'month' ? `${to.slice(0, 7)}-01` : first.value.from;
    const result = from === first.value.from ? first : await deps.buildProductionLog({ actor: ctx.actor, teamId: first.value.team.id, from, to });
    if (!result.ok) return ctx.reply(textReply(t(`production.error.${result.code}`)), { private: true });
    const log = result.value;
    const blocks: Block[] = [
      { type: 'header', text: t('production.title', { team: log.team.name }) },
      { type: 'context', text: t('production.period', { from: formatDate(log.from, locale), to: formatDate(log.to, locale) }) },
    ];
    if (log.activities.length === 0) blocks.push({ type: 'text', text: t('production.empty') });
    else {
      blocks.push({ type: 'list', title: t('production.activities'), items: [{ title: '', lines: log.activities.map((a) => t('production.activity_line', {
        activity: a.activity, days: a.days, totals: a.totals.map((x) => `${formatQuantity(x.quantity, locale)}${unit(x.unit)}`).join(' + '),
      })) }] });
      if (log.days.length > 1) {
        blocks.push({ type: 'list', title: t('production.days'), items: log.days.map((d) => ({
          title: formatDate(d.date, locale), lines: d.lines.map((l) => `${l.activity} : ${l.quantity === null ? '—' : formatQuantity(l.quantity, locale)}${unit(l.unit)}`),
        })) });
      }
    }
    if (log.targets.length > 0) {
      blocks.push({ type: 'list', title: t('production.targets'), items: [{ title: '', lines: log.targets.map((x) => t('production.target_line', {
        activity: x.activity, done: formatQuantity(x.done, locale), target: formatQuantity(x.target, locale), unit: unit(x.unit).trim(), percent: x.percent,
        period: t(`production.target_period.${x.period}`),
      })) }] });
    }
    if (log.hours.length > 0) {
      blocks.push({ type: 'list', title: t('production.hours'), items: [{ title: '', lines: log.hours.map((h) => t('production.hours_line', {
        name: h.name, hours: formatQuantity(h.hours, locale), present: h.daysPresent, absences: h.absences, late: h.lateness,
      })) }] });
    }
    blocks.push({ type: 'context', text: t('production.incidents', { count: log.incidents }) });
    if (log.sessionsHeld > 0) blocks.push({ type: 'context', text: t('production.sessions', { count: log.sessionsHeld }) });
    if (ctx.actor.role === 'direction' || ctx.actor.role === 'admin') blocks.push({ type: 'context', text: t('production.export_hint', { month: addDays(log.to, 0).slice(0, 7) }) });
    return ctx.reply({ text: t('production.title', { team: log.team.name }), blocks }, { private: true });
  }

  return {
    intents: ['production-log'],
    async handleIntent(intent, ctx) {
      if (intent.kind === 'production-log') return show(intent, ctx);
    },
  };
}
