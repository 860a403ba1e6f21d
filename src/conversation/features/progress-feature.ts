import type { Actor } from '../../core/domain/actor.js';
import { businessDate } from '../../core/domain/business-date.js';
import type { Person } from '../../core/domain/organisation.js';
import { matchPeople } from '../../core/domain/person-match.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import { textReply } from '../../core/messages/reply.js';
import type { Clock } from '../../core/ports/clock.js';
import type { DocumentLinks } from '../../core/ports/document-links.js';
import type { DocumentKind } from '../../core/ports/progress-documents.js';
import type { ProgressSummaryPresenter } from '../../core/ports/progress-summary-presenter.js';
import type { RosterStore } from '../../core/ports/roster-store.js';
import { readPeriodPhrase } from '../../core/progress/period-phrase.js';
import type { createBuildProgressSummary } from '../../core/use-cases/build-progress-summary/build-progress-summary.js';
import type { createCaptureObjective } from '../../core/use-cases/capture-objective/capture-objective.js';
import type { createUpdateObjective } from '../../core/use-cases/update-objective/update-objective.js';
import { formatDate } from '../../i18n/format.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import type { Intent } from '../intent/intent.js';
import { fold } from '../intent/french-words.js';
import { prepareSessionButton } from '../learning/prepare-session.js';

export interface ProgressFeatureDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly rosterStore: Pick<RosterStore, 'listPeople'>;
  readonly buildProgressSummary: ReturnType<typeof createBuildProgressSummary>;
  readonly presenter: ProgressSummaryPresenter;
  readonly links: DocumentLinks;
  readonly captureObjective: ReturnType<typeof createCaptureObjective>;
  readonly updateObjective: ReturnType<typeof createUpdateObjective>;
}

const BILAN_WORDS: ReadonlyArray<[RegExp, DocumentKind]> = [
  [/\bbilan (d'|de )?integration\b/, 'integration'], [/\bbilan intermediaire\b/, 'intermediaire'],
  [/\bbilan (de )?prolongation\b|\bprolongation\b/, 'prolongation'], [/\bbilan (de )?sortie\b/, 'sortie'], [/\bbilan (d')?accueil\b/, 'accueil'],
];
/** Request words around the name: « résumé de parcours de », « où en est », « point sur »… */
const REQUEST_WORDS = /\b(le|un|fais|fait|moi|resume|synthese|suivi|point|bilan|integration|intermediaire|prolongation|sortie|accueil|de|du|d'|parcours|pour|sur|ou|en|est|comment|va|avance|s'il|te|plait|stp|svp|merci|la|les|des|salarie|salariee|me|donne|montre|envoie)\b/g;

/** Payload of a « which person? » button: the person and the period asked. */
interface Pending { readonly p: string; readonly a?: string; readonly b?: string; readonly k?: DocumentKind }

/**
 * Progress summaries and objectives in conversation (issue #9): « résumé de
 * parcours de Nadia depuis septembre », `/relais suivi Nadia`, « objectif pour
 * Nadia : passer le code d'ici mars ». Answers always go to the requester privately.
 */
export function createProgressFeature(deps: ProgressFeatureDeps): FeatureHandler {
  const { t } = deps;

  async function salaries(actor: Actor): Promise<Person[]> {
    return (await deps.rosterStore.listPeople(actor.structureId)).filter((p) => p.role === 'salarie');
  }

  /** The salarié the request names: a full name first, then any word or pair of words. */
  function findPeople(rest: string, people: readonly Person[]): { query: string; found: Person[] } {
    const query = rest.replace(/[?!.,;:]/g, ' ').replace(REQUEST_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (query === '') return { query, found: [] };
    const whole = matchPeople(query, people);
    if (whole.length > 0) return { query, found: whole };
    const words = query.split(' ');
    for (let i = 0; i < words.length - 1; i++) {
      const pair = matchPeople(`${words[i]} ${words[i + 1]}`, people);
      if (pair.length > 0) return { query, found: pair };
    }
    const byWord = new Map<string, Person>();
    for (const w of words) for (const p of matchPeople(w, people)) byWord.set(p.id, p);
    return { query, found: [...byWord.values()] };
  }

  async function summary(ctx: HandlerContext, pending: Pending): Promise<void> {
    const result = await deps.buildProgressSummary({
      actor: ctx.actor, personId: pending.p, locale: deps.locale,
      ...(pending.a ? { from: pending.a } : {}), ...(pending.b ? { to: pending.b } : {}),
    });
    if (!result.ok) {
      const people = await salaries(ctx.actor);
      const person = people.find((p) => p.id === pending.p);
      const name = person ? `${person.firstName} ${person.lastName}` : '';
      return ctx.reply(textReply(t(`followup.error.${result.code}`, { name })), { private: true });
    }
    const { facts, narrative } = result.value;
    const today = businessDate(deps.clock.now(), deps.defaultTimezone);
    const reply = deps.presenter.toReply({
      kind: 'suivi', facts, narrative, bilan: null, charts: { attendance: null, skills: null }, names: {}, locale: deps.locale, generatedOn: today,
    });
    const link = (format: 'pdf' | 'markdown' | 'chart-attendance' | 'chart-skills', kind: DocumentKind = 'suivi') => deps.links.linkFor({
      requesterId: ctx.actor.personId, personId: pending.p, kind, format, platform: ctx.incoming.user.platform,
      ...(pending.a ? { from: pending.a } : {}), ...(pending.b ? { to: pending.b } : {}),
    });
    const extra: Block[] = [];
    const pdf = link('pdf');
    if (pdf === null) {
      extra.push({ type: 'context', text: t('progress.chat.no_links', { name: `${facts.person.firstName} ${facts.person.lastName}` }) });
    } else {
      const charts: Block[] = [];
      if (facts.attendance.months.length > 0) charts.push({ type: 'image', url: link('chart-attendance')!, alt: t('progress.chat.chart.attendance') });
      if (facts.skills.length > 0) charts.push({ type: 'image', url: link('chart-skills')!, alt: t('progress.chat.chart.skills') });
      const links = [{ label: t('progress.chat.link.pdf'), url: pdf }, { label: t('progress.chat.link.markdown'), url: link('markdown')! }];
      if (pending.k && pending.k !== 'suivi') links.unshift({ label: t('progress.chat.link.bilan', { kind: t(`progress.chat.bilan.${pending.k}`) }), url: link('pdf', pending.k)! });
      extra.push(...charts, { type: 'context', text: t('progress.chat.links_title') }, { type: 'links', links });
    }
    // The salarié's own encadrant (or direction) can go from these observations to a séance, in one tap.
    if ((ctx.actor.role === 'encadrant' || ctx.actor.role === 'direction') && ctx.actor.teamId !== null
      && (await salaries(ctx.actor)).some((p) => p.id === pending.p && p.teamId === ctx.actor.teamId)) {
      extra.push({ type: 'actions', elements: [prepareSessionButton(facts, t)] });
    }
    const withLinks: Reply = { ...reply, blocks: [...reply.blocks, ...extra] };
    return ctx.reply(withLinks, { private: true });
  }

  async function summaryRequest(text: string, ctx: HandlerContext): Promise<void> {
    const today = businessDate(deps.clock.now(), deps.defaultTimezone);
    const period = readPeriodPhrase(text, today);
    const kind = BILAN_WORDS.find(([re]) => re.test(fold(text)))?.[1];
    const people = await salaries(ctx.actor);
    const { query, found } = findPeople(period.rest, people);
    const base = { ...(period.from ? { a: period.from } : {}), ...(period.to ? { b: period.to } : {}), ...(kind ? { k: kind } : {}) };
    if (query === '') return ctx.reply(textReply(t('progress.chat.who')), { private: true });
    if (found.length === 0) return ctx.reply(textReply(t('progress.chat.unknown', { name: query })), { private: true });
    if (found.length > 1) {
      return ctx.reply({
        text: t('progress.chat.ambiguous', { name: query }),
        blocks: [
          { type: 'text', text: t('progress.chat.ambiguous', { name: query }) },
          { type: 'actions', elements: found.slice(0, 5).map((p) => ({ type: 'button' as const, action: 'progress.summary', label: `${p.firstName} ${p.lastName}`, value: JSON.stringify({ p: p.id, ...base }) })) },
        ],
      }, { private: true });
    }
    return summary(ctx, { p: found[0]!.id, ...base });
  }

  async function objective(text: string, ctx: HandlerContext): Promise<void> {
    const themed = /^(.*?)[,;.]?\s*th[eè]me\s*:\s*([\p{L}_' -]+)\s*$/iu.exec(text);
    const consent = /\b(avec son accord|avec l'accord|d'accord|elle est d'accord|il est d'accord|accord (du|de la) salari)/i.test(fold(text));
    const theme = themed ? fold(themed[2]!).replace(/[' -]+/g, '_') : undefined;
    const result = await deps.captureObjective({ actor: ctx.actor, text: themed ? themed[1]! : text, consentGiven: consent, ...(theme ? { theme } : {}) });
    if (!result.ok) {
      const details = Object.fromEntries(Object.entries(result.details ?? {}).map(([k, v]) => [k, String(v)]));
      const key = result.code === 'objective.theme_needed' ? 'progress.chat.objective.theme_needed' : `followup.error.${result.code}`;
      return ctx.reply(textReply(t(key, { name: '', ...details })), { private: true });
    }
    const { objective: created, personName, suggestedActions } = result.value;
    const lines = [
      t('followup.objective.created', {
        name: personName, label: created.label, theme: created.theme,
        due: created.dueOn ? t('followup.objective.due', { date: formatDate(created.dueOn, deps.locale) }) : '',
      }),
      created.consentGiven && created.consentAt ? t('followup.objective.consent', { date: formatDate(created.consentAt.slice(0, 10), deps.locale) }) : t('progress.chat.objective.no_consent'),
      ...(suggestedActions.length ? [t('followup.objective.suggestions', { actions: suggestedActions.join(' ; ') })] : []),
    ];
    const blocks: Block[] = [{ type: 'text', text: lines.join('\n') }];
    if (!created.consentGiven) {
      blocks.push({ type: 'actions', elements: [{ type: 'button', action: 'progress.objective.consent', label: t('progress.chat.objective.consent_button'), value: created.id, style: 'primary' }] });
    }
    return ctx.reply({ text: lines[0]!, blocks }, { private: true });
  }

  return {
    intents: ['summary-request', 'objective'],
    actionPrefixes: ['progress.'],
    async handleIntent(intent: Intent, ctx: HandlerContext) {
      if (intent.kind === 'summary-request') return summaryRequest(intent.text, ctx);
      if (intent.kind === 'objective') return objective(intent.text, ctx);
    },
    async handleAction(action, ctx) {
      if (action.action === 'progress.summary' && action.value) {
        let pending: Pending;
        try {
          pending = JSON.parse(action.value) as Pending;
        } catch {
          return;
        }
        if (typeof pending.p !== 'string') return;
        return summary(ctx, pending);
      }
      if (action.action === 'progress.objective.consent' && action.value) {
        const updated = await deps.updateObjective({ actor: ctx.actor, objectiveId: action.value, change: { kind: 'consent' } });
        if (!updated.ok) return ctx.reply(textReply(t(`followup.error.${updated.code}`, { name: '' })), { private: true });
        const person = (await salaries(ctx.actor)).find((p) => p.id === updated.value.personId);
        return ctx.reply(textReply(t('progress.chat.objective.consent_recorded', {
          name: person ? person.firstName : '', date: formatDate(updated.value.consentAt?.slice(0, 10) ?? businessDate(deps.clock.now(), deps.defaultTimezone), deps.locale), label: updated.value.label,
        })), { private: true });
      }
    },
  };
}
