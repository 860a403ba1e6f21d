import { CLEA_DOMAINS, type Attestation } from '../core/learning/attestation.js';
import type { SessionEvaluation } from '../core/learning/session-evaluation.js';
import type { SessionPlan } from '../core/learning/session-plan.js';
import type { LearningDocuments } from '../core/ports/learning-documents.js';
import type { DocumentFormat } from '../core/ports/progress-documents.js';
import { formatDate } from '../i18n/format.js';
import { createTranslator, type Locale, type Translate } from '../i18n/translator.js';
import { renderPdf } from './bilan-pdf.js';
import type { DocumentModel, Section } from './progress-document-model.js';
import { renderMarkdown } from './progress-markdown.js';
import { renderText } from './progress-text.js';

const duration = (m: number): string => (m < 60 ? `${m} min` : `${Math.floor(m / 60)} h${m % 60 === 0 ? '' : String(m % 60).padStart(2, '0')}`);

/** The fiche de séance (compatible with the AFEST form, Code du travail D6313-3-2), with the evaluation once recorded. */
export function sessionModel(plan: SessionPlan, topic: string, evaluation: SessionEvaluation | null, t: Translate, locale: Locale): DocumentModel {
  const id = plan.identification;
  const none = t('session.none');
  const sections: Section[] = [
    { heading: t('ldoc.identification'), blocks: [{ kind: 'table', header: [t('ldoc.field'), t('ldoc.value')], rows: [
      [t('session.field.date'), id.date ? formatDate(id.date, locale) : t('session.date.none')],
      [t('session.field.time'), id.startTime ?? none],
      [t('session.field.duration'), duration(id.durationMinutes)],
      [t('session.field.site'), id.site ?? t('session.site.none')],
      [t('session.field.trainer'), id.trainer],
      [t('session.field.participants'), id.participants.map((p) => p.name).join(', ')],
      [t('session.field.activity'), id.activity],
    ] }] },
    { heading: t('session.section.objective'), blocks: [{ kind: 'paragraph', text: plan.objective }] },
    { heading: t('session.section.skills'), blocks: [{ kind: 'items', items: plan.skills.map((s) => ({ text: `${s.label}${s.romeCode ? ` (ROME ${s.romeCode})` : ''}` })) }] },
    { heading: t('session.section.prerequisites'), blocks: [plan.prerequisites.length > 0 ? { kind: 'items', items: plan.prerequisites.map((p) => ({ text: p })) } : { kind: 'paragraph', text: none }] },
    { heading: t('session.section.situation'), blocks: [{ kind: 'items', items: [
      { text: `${t('session.situation.task')} : ${plan.situation.task}` },
      { text: `${t('session.situation.adaptation')} : ${plan.situation.teachingAdaptation}` },
      { text: `${t('session.situation.risks')} : ${plan.situation.risks.join(', ')}` },
      { text: `${t('session.situation.epi')} : ${plan.situation.epi.join(', ') || none}` },
      { text: `${t('session.situation.material')} : ${plan.situation.material.join(', ')}` },
    ] }] },
    { heading: t('session.section.sequence'), blocks: [{ kind: 'items', items: plan.sequence.map((s, i) => ({
      text: `${i + 1}. ${t(`session.kind.${s.kind}`)} — ${duration(s.minutes)} : ${s.description}`,
      children: s.questions.map((q) => ({ text: `« ${q} »` })),
    })) }] },
    { heading: t('session.section.criteria'), blocks: [{ kind: 'table', header: [t('ldoc.skill'), t('ldoc.criterion'), t('ldoc.observation')],
      rows: plan.criteria.map((c) => [plan.skills.find((s) => s.key === c.skillKey)?.label ?? c.skillKey, c.criterion, c.observation]) }] },
  ];
  if (plan.adaptations.length > 0) {
    sections.push({ heading: t('session.section.adaptations'), blocks: [{ kind: 'items', items: plan.adaptations.map((a) => ({ text: `${t(`session.need.${a.need}`)} : ${a.text}` })) }] });
  }
  if (evaluation) {
    sections.push({ heading: t('ldoc.results'), blocks: evaluation.participants.flatMap((p) => [
      { kind: 'paragraph' as const, text: p.name },
      { kind: 'table' as const, header: [t('ldoc.criterion'), t('ldoc.level'), t('ldoc.fact')],
        rows: p.results.map((r) => [`${r.skillLabel} — ${r.criterion}`, t(`level.${r.level}`), r.observedFact ?? none]) },
      { kind: 'form' as const, fields: [
        { label: t('session.outcome.self'), value: p.selfAssessment },
        { label: t('session.outcome.next'), value: p.nextStep },
      ] },
    ]) });
  } else {
    sections.push({ heading: t('ldoc.results'), blocks: id.participants.map((p) => ({ kind: 'form' as const, fields: [
      { label: `${p.name} — ${t('ldoc.level')}`, value: null }, { label: t('session.outcome.self'), value: null }, { label: t('session.outcome.next'), value: null },
    ] })) });
  }
  return {
    title: t('ldoc.session.title', { topic }), subtitle: t('ldoc.session.subtitle', { trainer: id.trainer }), intro: t('ldoc.session.intro'),
    sections, footer: t('ldoc.footer'),
  };
}

/** The attestation de compétences: post, activities, competences with dated evidence, savoir-être, signatures. */
export function attestationModel(a: Attestation, t: Translate, locale: Locale): DocumentModel {
  const date = (d: string) => formatDate(d, locale);
  const evidence = (list: Attestation['competences'][number]['evidence']) => list.map((e) => ({ text: `« ${e.fact} »`, source: t('ldoc.evidence', { source: t(`ldoc.source.${e.source}`), date: date(e.date) }) }));
  const sections: Section[] = [
    { heading: t('ldoc.att.post'), blocks: [{ kind: 'table', header: [t('ldoc.field'), t('ldoc.value')], rows: [
      [t('ldoc.att.structure'), `${a.structure.name} (${a.structure.kind})`],
      [t('ldoc.att.team'), a.post.team],
      [t('ldoc.att.activity'), t(`ldoc.trade.${a.post.activity}`)],
      ...(a.post.romeCode ? [[t('ldoc.att.rome'), a.post.romeCode]] : []),
      [t('ldoc.att.period'), a.post.from ? t('ldoc.att.since', { from: date(a.post.from), to: date(a.post.to ?? a.issuedOn) }) : t('session.none')],
    ] }] },
    { heading: t('ldoc.att.activities'), blocks: [a.activities.length > 0
      ? { kind: 'items', items: a.activities.map((x) => ({ text: t('ldoc.att.activity_line', { label: x.label, count: x.sessions, from: date(x.from), to: date(x.to) }) })) }
      : { kind: 'paragraph', text: t('session.none') }] },
    { heading: t('ldoc.att.competences'), blocks: [a.competences.length > 0
      ? { kind: 'items', items: a.competences.map((c) => ({ text: `${c.label}${c.romeCode ? ` (ROME ${c.romeCode})` : ''} — ${t(`level.${c.level}`)}`, children: evidence(c.evidence) })) }
      : { kind: 'paragraph', text: t('session.none') }] },
    { heading: t('ldoc.att.transversal'), blocks: [a.transversal.length > 0
      ? { kind: 'items', items: a.transversal.map((c) => ({ text: `${c.label} — ${t(`level.${c.level}`)} (CléA ${c.cleaDomain} : ${CLEA_DOMAINS[c.cleaDomain] ?? ''})`, children: evidence(c.evidence) })) }
      : { kind: 'paragraph', text: t('session.none') }] },
    { heading: t('ldoc.att.signatures'), blocks: [{ kind: 'form', fields: [
      { label: t('ldoc.att.sign_encadrant', { name: a.encadrant ?? '' }), value: null },
      { label: t('ldoc.att.sign_salarie', { name: a.salarie.name }), value: null },
      { label: t('ldoc.att.sign_date'), value: null },
    ] }] },
  ];
  return {
    title: t('ldoc.att.title'), subtitle: t('ldoc.att.subtitle', { name: a.salarie.name, date: date(a.issuedOn) }), intro: t('ldoc.att.intro'),
    sections, footer: t('ldoc.att.footer'),
  };
}

const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

async function render(model: DocumentModel, format: DocumentFormat): Promise<Uint8Array> {
  if (format === 'pdf') return renderPdf(model);
  return encode(format === 'markdown' ? renderMarkdown(model) : renderText(model));
}

export class PdfKitLearningDocuments implements LearningDocuments {
  session(input: { plan: SessionPlan; topic: string; evaluation: SessionEvaluation | null; locale: Locale }, format: DocumentFormat): Promise<Uint8Array> {
    return render(sessionModel(input.plan, input.topic, input.evaluation, createTranslator(input.locale), input.locale), format);
  }

  attestation(input: { attestation: Attestation; locale: Locale }, format: DocumentFormat): Promise<Uint8Array> {
    return render(attestationModel(input.attestation, createTranslator(input.locale), input.locale), format);
  }
}
