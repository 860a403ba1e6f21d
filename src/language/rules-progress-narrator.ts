import type { Narrative, ProgressNarrator } from '../core/ports/progress-narrator.js';
import type { ProgressFacts } from '../core/progress/progress-facts.js';
import { ok, type Result } from '../core/result.js';
import { formatDate } from '../i18n/format.js';
import { createTranslator, type Locale } from '../i18n/translator.js';

/**
 * The offline narrator: a few fixed sentences filled with the facts' own
 * figures, so it passes `checkNarrative` by construction (and a test checks it
 * on generated facts). It restates; it never counts or infers.
 */
export class RulesProgressNarrator implements ProgressNarrator {
  async narrate(facts: ProgressFacts, locale: Locale): Promise<Result<Narrative, 'narrative.unavailable'>> {
    return ok({ text: rulesNarrative(facts, locale), engine: 'rules' });
  }
}

export function rulesNarrative(facts: ProgressFacts, locale: Locale): string {
  const t = createTranslator(locale);
  const date = (d: string) => formatDate(d, locale);
  const name = facts.person.firstName;
  const sentences: string[] = [];
  const { contract, attendance, counts } = facts;
  if (contract.end === null || contract.daysLeft === null) sentences.push(t('narrative.no_contract', { name }));
  else if (contract.daysLeft >= 0) sentences.push(t('narrative.contract', { name, end: date(contract.end), days: contract.daysLeft }));
  else sentences.push(t('narrative.contract_ended', { name, end: date(contract.end) }));
  const { attendanceRate, punctualityRate } = attendance.total;
  if (attendanceRate !== null && punctualityRate !== null) {
    sentences.push(t('narrative.attendance', {
      from: date(facts.period.from), to: date(facts.period.to), attendance: attendanceRate, punctuality: punctualityRate,
      attendanceTrend: t(`progress.trend.${attendance.attendanceTrend}`), punctualityTrend: t(`progress.trend.${attendance.punctualityTrend}`),
    }));
  }
  const labels = (evolution: string) => facts.observations.filter((c) => c.evolution === evolution)
    .map((c) => t(`progress.category.${c.category}`).toLowerCase()).join(', ');
  if (labels('improved') !== '') sentences.push(t('narrative.improved', { categories: labels('improved') }));
  if (labels('worsened') !== '') sentences.push(t('narrative.worsened', { categories: labels('worsened') }));
  if (counts.skillsEvaluated > 0) sentences.push(t('narrative.skills', { improved: counts.skillsImproved, evaluated: counts.skillsEvaluated }));
  if (counts.objectivesInProgress > 0) {
    sentences.push(t('narrative.objectives', { inProgress: counts.objectivesInProgress, overdue: counts.overdueObjectives }));
  }
  if (counts.activeFreins + counts.atouts > 0) sentences.push(t('narrative.freins', { freins: counts.activeFreins, atouts: counts.atouts }));
  if (counts.alerts > 0) sentences.push(t('narrative.alerts', { alerts: counts.alerts, open: counts.openAlerts }));
  return sentences.join(' ');
}
