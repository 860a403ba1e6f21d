import type { Actor } from '../../core/domain/actor.js';
import { addDays, businessDate } from '../../core/domain/business-date.js';
import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import type { Clock } from '../../core/ports/clock.js';
import type { IdentityStore } from '../../core/ports/identity-store.js';
import type { NoteStore } from '../../core/ports/note-store.js';
import type { ProgressStore } from '../../core/ports/progress-store.js';
import type { ProductionLog } from '../../core/use-cases/build-production-log/build-production-log.js';
import { formatQuantity } from '../../conversation/format.js';
import { formatDate } from '../../conversation/format.js';
import { noteActions } from '../../conversation/presenters/note-actions.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { fitBlocks, renderBlock, type RenderTexts } from './slack-blocks.js';

/** What App Home reads: the stores behind the ports, and the clock. */
export interface HomeDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly notes: NoteStore;
  readonly identities: IdentityStore;
  readonly progress: ProgressStore;
  /** The team's production log of the week so far (null when the person has no team or no right). */
  readonly weekProduction?: (actor: Actor) => Promise<ProductionLog | null>;
}

/**
 * The App Home tab: a private dashboard, only ever shown to its owner.
 * Encadrants (and direction): today's note (sent or not), drafts waiting
 * with their buttons, this week's confirmed notes and the alerts they raised.
 * CIPs: their salariés with the last observation date and open alerts (topic
 * only, never the quote). Others: how to start.
 */
export async function homeReply(actor: Actor | null, deps: HomeDeps): Promise<Reply> {
  const { t } = deps;
  if (!actor) return { text: t('slack.home.title'), blocks: [{ type: 'header', text: t('slack.home.title') }, { type: 'text', text: t('identity.unknown') }] };
  const me = await deps.identities.findPersonById(actor.personId);
  const team = actor.teamId ? await deps.identities.teamById(actor.teamId) : null;
  const today = businessDate(deps.clock.now(), team?.timezone ?? deps.defaultTimezone);
  const blocks: Block[] = [{ type: 'header', text: t('slack.home.hello', { name: me?.firstName ?? '' }) }];
  if (actor.role === 'encadrant' || actor.role === 'direction') blocks.push(...await encadrantBlocks(actor, today, deps));
  if (actor.role === 'cip' || actor.role === 'direction') blocks.push(...await cipBlocks(actor, today, deps));
  blocks.push({ type: 'divider' }, { type: 'context', text: t('slack.home.footer') });
  return { text: t('slack.home.title'), blocks };
}

async function encadrantBlocks(actor: Actor, today: string, deps: HomeDeps): Promise<Block[]> {
  const { t, locale } = deps;
  const week = await deps.notes.listByAuthor(actor.personId, addDays(today, -6), today);
  const todays = week.filter((n) => n.shiftDate === today && n.status !== 'discarded');
  const status = todays.some((n) => n.status === 'confirmed') ? t('slack.home.today.confirmed')
    : todays.some((n) => n.status === 'draft') ? t('slack.home.today.draft')
      : todays.length ? t('slack.home.today.received') : t('slack.home.today.none');
  const out: Block[] = [{ type: 'text', text: `*${t('slack.home.today')}* — ${status}` }];
  const drafts = week.filter((n) => n.status === 'draft' && n.draft);
  out.push({ type: 'text', text: `*${t('slack.home.drafts', { count: drafts.length })}*` });
  for (const note of drafts.slice(0, 5)) {
    out.push({ type: 'context', text: t('slack.home.draft_of', { date: formatDate(note.shiftDate, locale) }) }, noteActions(note, t));
  }
  const confirmed = week.filter((n) => n.status === 'confirmed');
  out.push({ type: 'fields', fields: [
    { label: t('slack.home.week_notes'), value: String(confirmed.length) },
    { label: t('slack.home.week_alerts'), value: String(confirmed.reduce((n, note) => n + alertsOf(note), 0)) },
  ] });
  const log = actor.teamId && deps.weekProduction ? await deps.weekProduction(actor) : null;
  if (log) out.push(productionBlock(log, deps));
  return out;
}

/** This week's production of the team, and progress against its targets. */
function productionBlock(log: ProductionLog, deps: HomeDeps): Block {
  const { t, locale } = deps;
  const unit = (u: string | null) => (u === null ? '' : ` ${t(`unit.${u}`)}`);
  const lines = log.activities.map((a) => t('production.activity_line', {
    activity: a.activity, days: a.days, totals: a.totals.map((x) => `${formatQuantity(x.quantity, locale)}${unit(x.unit)}`).join(' + '),
  }));
  lines.push(...log.targets.map((x) => t('production.target_line', {
    activity: x.activity, done: formatQuantity(x.done, locale), target: formatQuantity(x.target, locale), unit: unit(x.unit).trim(), percent: x.percent,
    period: t(`production.target_period.${x.period}`),
  })));
  return { type: 'list', title: t('slack.home.week_production', { team: log.team.name }), items: [{ title: '', lines: lines.length ? lines : [t('production.empty')] }] };
}

const alertsOf = (note: ShiftNote): number => note.draft?.extraction.alerts.length ?? 0;

async function cipBlocks(actor: Actor, today: string, deps: HomeDeps): Promise<Block[]> {
  const { t, locale } = deps;
  const people = (await deps.identities.peopleOfStructure(actor.structureId))
    .filter((p) => p.referentCipId === actor.personId && p.status === 'active' && p.role === 'salarie')
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'));
  const items = [];
  let openAlerts = 0;
  for (const p of people.slice(0, 30)) {
    const records = await deps.progress.loadRecords(p.id, { from: addDays(today, -30), to: today });
    const open = records.alerts.filter((a) => a.status === 'open');
    openAlerts += open.length;
    const last = records.observations.at(-1)?.date;
    items.push({
      title: `${p.firstName} ${p.lastName}`,
      lines: [
        last ? t('slack.home.last_observation', { date: formatDate(last, locale), count: records.observations.length }) : t('slack.home.no_observation'),
        ...(open.length ? [t('slack.home.open_alerts', { topics: [...new Set(open.map((a) => t(`category.${a.topic}`)))].join(', ') })] : []),
      ],
    });
  }
  return [
    { type: 'text', text: `*${t('slack.home.my_people', { count: people.length })}* — ${t('slack.home.open_alerts_total', { count: openAlerts })}` },
    ...(items.length ? [{ type: 'list' as const, items }] : [{ type: 'context' as const, text: t('slack.home.no_people') }]),
  ];
}

/** The Home tab view (100 blocks at most), escaped like every message. */
export function homeView(reply: Reply, texts: RenderTexts): Record<string, unknown> {
  return { type: 'home', blocks: fitBlocks(reply.blocks.flatMap(renderBlock), 100, texts) };
}
