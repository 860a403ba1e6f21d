import type { ProgressDocumentInput } from '../core/ports/progress-documents.js';
import type { SourceRef } from '../core/progress/progress-facts.js';
import { formatDate, formatMonth } from '../i18n/format.js';
import { createTranslator, type Translate } from '../i18n/translator.js';
import type { Block, Item, Section } from './progress-document-model.js';

/** Builds the sections every summary and bilan draws from, each statement with its source. */
export function sectionWriter(input: ProgressDocumentInput) {
  const { facts, locale } = input;
  const t: Translate = createTranslator(locale);
  const date = (d: string) => formatDate(d, locale);
  const source = (s: SourceRef): string => t('doc.source', {
    type: t(`doc.source.${s.type}`), date: date(s.date), author: s.authorName ?? t('progress.source.unknown_author'),
  });
  const items = (list: Item[], none: string): Block => (list.length === 0 ? { kind: 'paragraph', text: t(none) } : { kind: 'items', items: list });
  const rate = (n: number | null) => (n === null ? '—' : String(n));

  return {
    t,
    source,
    narrative: (): Section | null => input.narrative === null ? null : {
      heading: t('progress.section.narrative'),
      blocks: [{ kind: 'paragraph', text: input.narrative.text }, { kind: 'paragraph', text: t('progress.narrative.engine', { engine: input.narrative.engine }), emphasis: true }],
    },
    contract: (): Section => {
      const c = facts.contract;
      const lines: Item[] = [];
      if (c.start !== null && c.end !== null) lines.push({ text: t('progress.contract.dates', { start: date(c.start), end: date(c.end) }), source: source(c.source) });
      if (c.daysLeft !== null) {
        lines.push({ text: c.daysLeft >= 0 ? t('progress.contract.left', { days: c.daysLeft, months: c.monthsLeft ?? 0 }) : t('progress.contract.ended', { days: -c.daysLeft }) });
      }
      return { heading: t('progress.section.contract'), blocks: [items(lines, 'progress.contract.unknown')] };
    },
    attendance: (): Section => {
      const a = facts.attendance;
      if (a.months.length === 0) return { heading: t('progress.section.attendance'), blocks: [{ kind: 'paragraph', text: t('progress.attendance.none') }] };
      const blocks: Block[] = [
        { kind: 'paragraph', text: t('progress.attendance.total', {
          attendance: rate(a.total.attendanceRate), punctuality: rate(a.total.punctualityRate), days: a.total.days,
          attendanceTrend: t(`progress.trend.${a.attendanceTrend}`), punctualityTrend: t(`progress.trend.${a.punctualityTrend}`),
        }) },
        { kind: 'items', items: a.months.map((m) => ({ text: t('progress.attendance.month', {
          month: formatMonth(m.month, locale), attendance: rate(m.attendanceRate), punctuality: rate(m.punctualityRate), days: m.days, absent: m.absent, late: m.late,
        }) })) },
      ];
      if (a.exceptions.length > 0) {
        blocks.push({ kind: 'paragraph', text: t('progress.attendance.exceptions') }, {
          kind: 'table', header: [t('doc.col.date'), t('doc.col.what'), t('doc.col.author')],
          rows: a.exceptions.map((e) => [
            date(e.source.date),
            e.status === 'late' && e.minutes !== null ? t('doc.late_minutes', { minutes: e.minutes })
              : e.status === 'absent' && e.excused !== null ? `${t('progress.attendance.absent')} (${t(e.excused ? 'doc.excused' : 'doc.not_excused')})`
                : t(`progress.attendance.${e.status}`),
            e.source.authorName ?? t('progress.source.unknown_author'),
          ]),
        });
      }
      return { heading: t('progress.section.attendance'), blocks };
    },
    observations: (): Section => ({
      heading: t('progress.section.observations'),
      blocks: [items(facts.observations.map((c) => ({
        text: t('progress.observations.line', {
          category: t(`progress.category.${c.category}`), positive: c.positive, negative: c.negative, neutral: c.neutral, evolution: t(`progress.evolution.${c.evolution}`),
        }),
        children: c.quotes.map((q) => ({ text: `« ${q.text} »`, source: source(q.source) })),
      })), 'progress.observations.none')],
    }),
    skills: (): Section => ({
      heading: t('progress.section.skills'),
      blocks: [items(facts.skills.map((s) => ({
        text: t('progress.skills.line', { skill: s.skill, dimension: t(`progress.dimension.${s.dimension}`), first: t(`progress.level.${s.first}`), current: t(`progress.level.${s.current}`) }),
        children: s.history.map((h) => ({ text: `${t(`progress.level.${h.level}`)}${h.observedFact ? ` — « ${h.observedFact} »` : ''}`, source: source(h.source) })),
      })), 'progress.skills.none')],
    }),
    situations: (): Section => ({
      heading: t('progress.section.situations'),
      blocks: [items(facts.situations.map((s) => ({
        text: t('progress.situations.line', {
          kind: t(`progress.situation.${s.kind}`), theme: t(`progress.category.${s.theme}`), label: s.label,
          status: t(`progress.situation.${s.status}`), intensity: s.intensity === null ? '' : `, ${s.intensity}`,
        }),
        source: source(s.source),
      })), 'progress.situations.none')],
    }),
    objectives: (heading = t('progress.section.objectives')): Section => ({
      heading,
      blocks: [items(facts.objectives.map((o) => ({
        text: t('progress.objectives.line', {
          theme: t(`progress.category.${o.theme}`), label: o.label, status: t(`progress.objective.${o.status}`),
          due: o.dueOn === null ? '' : t('progress.objectives.due', { date: date(o.dueOn) }),
          consent: o.consentGiven && o.consentOn !== null ? t('progress.objectives.consent', { date: date(o.consentOn) }) : t('progress.objectives.no_consent'),
        }),
        source: source(o.source),
        children: o.actions.map((a) => ({ text: t('progress.objectives.action', { label: a.label, status: t(`progress.action.${a.status}`) }), source: source(a.source) })),
      })), 'progress.objectives.none')],
    }),
    events: (): Section => ({
      heading: t('progress.section.events'),
      blocks: [items([
        ...facts.incidents.map((e) => ({ text: t('progress.events.incident', { kind: t(`progress.incident.${e.kind}`), text: e.text }), source: source(e.source) })),
        ...facts.alerts.map((e) => ({ text: t('progress.events.alert', { kind: t(`progress.category.${e.kind}`), status: t(`progress.alert.${e.status ?? 'open'}`), text: e.text }), source: source(e.source) })),
      ], 'progress.events.none')],
    }),
    ownWords: (): Section => ({
      heading: t('progress.section.own_words'),
      blocks: [items(facts.ownWords.map((w) => ({ text: `« ${w.text} » (${t(`progress.own_words.${w.origin}`)})`, source: source(w.source) })), 'progress.own_words.none')],
    }),
    bilans: (): Section => ({
      heading: t('progress.section.bilans'),
      blocks: [items(facts.bilans.map((b) => ({
        text: t('progress.bilans.line', { kind: t(`doc.title.${b.kind}`), agreement: b.salarieAgreement === null ? t('progress.unknown') : t(b.salarieAgreement ? 'progress.yes' : 'progress.no') }),
        source: source(b.source),
      })), 'progress.bilans.none')],
    }),
    charts: (): Section | null => {
      const images: Block[] = [];
      if (input.charts.attendance) images.push({ kind: 'image', png: input.charts.attendance, caption: t('progress.chart.attendance.title') });
      if (input.charts.skills) images.push({ kind: 'image', png: input.charts.skills, caption: t('progress.chart.skills.title') });
      return images.length === 0 ? null : { heading: t('progress.section.charts'), blocks: images };
    },
  };
}

export type SectionWriter = ReturnType<typeof sectionWriter>;
