import type { SessionEvaluation } from '../../core/learning/session-evaluation.js';
import type { SessionPlan } from '../../core/learning/session-plan.js';
import type { Block, Form, Reply } from '../../core/messages/reply.js';
import type { StoredSession } from '../../core/ports/learning-store.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate } from '../format.js';
import { criteriaText, sequenceText, skillsText } from './session-form-text.js';

export const SESSION_ACTIONS = {
  confirm: 'session.confirm', edit: 'session.edit', cancel: 'session.cancel', submit: 'session.submit', show: 'session.show',
  outcomeConfirm: 'session.outcome.confirm', outcomeDiscard: 'session.outcome.discard',
} as const;

export const formatDuration = (minutes: number): string =>
  minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : String(minutes % 60).padStart(2, '0')}`;

const bullets = (items: readonly string[], none: string): string => (items.length === 0 ? none : items.map((i) => `• ${i}`).join('\n'));

/** The fiche de séance as blocks (draft and scheduled look alike; only the buttons differ). */
export function planBlocks(plan: SessionPlan, t: Translate, locale: Locale, options: { withContext: boolean }): Block[] {
  const id = plan.identification;
  const none = t('session.none');
  const blocks: Block[] = [
    { type: 'fields', fields: [
      { label: t('session.field.date'), value: id.date ? formatDate(id.date, locale) : t('session.date.none') },
      ...(id.startTime ? [{ label: t('session.field.time'), value: id.startTime.replace(':', ' h ') }] : []),
      { label: t('session.field.duration'), value: formatDuration(id.durationMinutes) },
      { label: t('session.field.site'), value: id.site ?? t('session.site.none') },
      { label: t('session.field.trainer'), value: id.trainer },
      { label: t('session.field.participants'), value: id.participants.map((p) => p.name).join(', ') },
      { label: t('session.field.activity'), value: id.activity },
    ] },
    { type: 'text', text: `*${t('session.section.objective')}* — ${plan.objective}` },
    { type: 'text', text: `*${t('session.section.skills')}*\n${bullets(plan.skills.map((s) => `${s.label}${s.romeCode ? ` (ROME ${s.romeCode})` : ''}`), none)}` },
    { type: 'text', text: `*${t('session.section.prerequisites')}*\n${bullets(plan.prerequisites, none)}` },
    { type: 'list', title: t('session.section.situation'), items: [
      { title: t('session.situation.task'), lines: [plan.situation.task] },
      { title: t('session.situation.adaptation'), lines: [plan.situation.teachingAdaptation] },
      { title: t('session.situation.risks'), lines: [plan.situation.risks.join(', ')] },
      { title: t('session.situation.epi'), lines: [plan.situation.epi.join(', ') || none] },
      { title: t('session.situation.material'), lines: [plan.situation.material.join(', ')] },
    ] },
    { type: 'list', title: t('session.section.sequence'), items: plan.sequence.map((s, i) => ({
      title: `${i + 1}. ${t(`session.kind.${s.kind}`)} — ${formatDuration(s.minutes)}`,
      lines: [s.description, ...(s.questions.length > 0 ? [`${t('session.questions')} : ${s.questions.map((q) => `« ${q} »`).join(' ')}`] : [])],
    })) },
    { type: 'list', title: t('session.section.criteria'), items: plan.criteria.map((c) => ({
      title: plan.skills.find((s) => s.key === c.skillKey)?.label ?? c.skillKey, lines: [`${c.criterion} (${t('session.observe')} : ${c.observation})`],
    })) },
  ];
  if (plan.adaptations.length > 0) {
    blocks.push({ type: 'text', text: `*${t('session.section.adaptations')}*\n${bullets(plan.adaptations.map((a) => `${t(`session.need.${a.need}`)} : ${a.text}`), none)}` });
  }
  if (options.withContext && (plan.context.inProgress.length > 0 || plan.context.incidents.length > 0)) {
    blocks.push({ type: 'list', title: t('session.section.context'), items: [
      ...(plan.context.inProgress.length > 0 ? [{ title: t('session.context.in_progress'), lines: plan.context.inProgress }] : []),
      ...(plan.context.incidents.length > 0 ? [{ title: t('session.context.incidents'), lines: plan.context.incidents }] : []),
    ] });
  }
  return blocks;
}

export function sessionDraftReply(session: StoredSession, t: Translate, locale: Locale): Reply {
  const title = t('session.draft.title', { topic: session.topic });
  return {
    text: title, marker: 'rules',
    blocks: [
      { type: 'header', text: title },
      ...planBlocks(session.plan, t, locale, { withContext: true }),
      ...(session.engine?.startsWith('rules:') ? [{ type: 'context' as const, text: t('session.marker.rules', { template: session.topic }) }] : []),
      { type: 'actions', elements: [
        { type: 'button', action: SESSION_ACTIONS.confirm, label: t('session.button.confirm'), value: session.id, style: 'primary' },
        { type: 'button', action: SESSION_ACTIONS.edit, label: t('session.button.edit'), value: session.id },
        { type: 'button', action: SESSION_ACTIONS.cancel, label: t('session.button.cancel'), value: session.id, style: 'danger',
          confirm: { title: t('session.cancel.confirm.title'), text: t('session.cancel.confirm.text'), yes: t('session.cancel.confirm.yes'), no: t('session.cancel.confirm.no') } },
      ] },
    ],
  };
}

export function sessionScheduledReply(session: StoredSession, t: Translate, locale: Locale): Reply {
  const title = t('session.scheduled.title', { topic: session.topic });
  const date = session.plan.identification.date ?? '';
  const weekday = date ? formatDate(date, locale).split(' ')[0]! : '';
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t('session.scheduled.text', { topic: session.topic, date: date ? formatDate(date, locale) : '', weekday }) },
      ...planBlocks(session.plan, t, locale, { withContext: false }),
    ],
  };
}

export function outcomeReply(session: StoredSession, evaluation: SessionEvaluation, t: Translate, locale: Locale): Reply {
  const title = t('session.outcome.title', { topic: session.topic, date: evaluation.date ? formatDate(evaluation.date, locale) : '' });
  return {
    text: title, marker: 'rules',
    blocks: [
      { type: 'header', text: title },
      { type: 'list', items: evaluation.participants.map((p) => ({
        title: p.name,
        lines: [
          ...p.results.map((r) => `${r.skillLabel} — ${r.criterion} : *${t(`level.${r.level}`)}*${r.level === 'non_evalue' ? '' : ` (${t(`dimension.${r.dimension}`)})`}${r.observedFact ? ` — « ${r.observedFact} »` : ''}`),
          ...(p.selfAssessment ? [`${t('session.outcome.self')} : « ${p.selfAssessment} »`] : []),
          ...(p.nextStep ? [`${t('session.outcome.next')} : ${p.nextStep}`] : []),
        ],
      })) },
      { type: 'context', text: t('session.outcome.hint') },
      { type: 'actions', elements: [
        { type: 'button', action: SESSION_ACTIONS.outcomeConfirm, label: t('session.button.outcome_confirm'), value: session.id, style: 'primary' },
        { type: 'button', action: SESSION_ACTIONS.outcomeDiscard, label: t('session.button.outcome_discard'), value: session.id },
      ] },
    ],
  };
}

/**
 * The longest text a form field is given to edit: Slack's input holds 3,000 characters, and a
 * longer fiche part would come back cut. Such a part stays out of the form (left as it is).
 */
export const FORM_FIELD_CHARS = 3_000;

const isoToFr = (iso: string | null): string => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export function sessionForm(session: StoredSession, t: Translate): Form {
  const id = session.plan.identification;
  const lines = (items: readonly string[]) => items.join('\n');
  const structured = [
    { type: 'input' as const, name: 'skills', label: t('session.form.skills'), value: skillsText(session.plan), multiline: true, required: true },
    { type: 'input' as const, name: 'sequence', label: t('session.form.sequence'), value: sequenceText(session.plan, t), multiline: true, required: true },
    { type: 'input' as const, name: 'criteria', label: t('session.form.criteria'), value: criteriaText(session.plan, t), multiline: true, required: true },
  ];
  return {
    action: SESSION_ACTIONS.submit, title: t('session.form.title'), submitLabel: t('session.form.submit'), cancelLabel: t('session.form.cancel'),
    value: session.id, cancelAction: SESSION_ACTIONS.show,
    inputs: [
      { type: 'input', name: 'date', label: t('session.form.date'), value: isoToFr(id.date) },
      { type: 'input', name: 'time', label: t('session.form.time'), value: id.startTime ?? '' },
      { type: 'input', name: 'duration', label: t('session.form.duration'), value: String(id.durationMinutes), required: true },
      { type: 'input', name: 'site', label: t('session.form.site'), value: id.site ?? '' },
      { type: 'input', name: 'participants', label: t('session.form.participants'), value: id.participants.map((p) => p.name).join(', '), required: true },
      { type: 'input', name: 'objective', label: t('session.form.objective'), value: session.plan.objective, multiline: true, required: true },
      { type: 'input', name: 'prerequisites', label: t('session.form.prerequisites'), value: lines(session.plan.prerequisites), multiline: true },
      { type: 'input', name: 'task', label: t('session.situation.task'), value: session.plan.situation.task, multiline: true },
      { type: 'input', name: 'teaching', label: t('session.situation.adaptation'), value: session.plan.situation.teachingAdaptation, multiline: true },
      { type: 'input', name: 'risks', label: t('session.form.risks'), value: lines(session.plan.situation.risks), multiline: true },
      { type: 'input', name: 'epi', label: t('session.form.epi'), value: lines(session.plan.situation.epi), multiline: true },
      { type: 'input', name: 'material', label: t('session.form.material'), value: lines(session.plan.situation.material), multiline: true },
      { type: 'input', name: 'adaptations', label: t('session.form.adaptations'), value: lines(session.plan.adaptations.map((a) => `${a.need} : ${a.text}`)), multiline: true },
      ...structured.filter((i) => i.value.length <= FORM_FIELD_CHARS),
    ],
  };
}
