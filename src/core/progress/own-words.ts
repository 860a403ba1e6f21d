import type { BilanRow, ObservationRow, SkillEvaluationRow } from '../ports/progress-store.js';
import type { OwnWords } from './progress-facts.js';
import { sourceOf } from './source-ref.js';

/** Reported speech in a note: what the salarié said, as the encadrant wrote it down. */
const REPORTED_SPEECH = /(m['’]a (dit|expliqué|raconté|confié|annoncé|demandé)|nous a (dit|expliqué|raconté)|\bdit qu|\bexplique qu|\braconte qu|\bselon (lui|elle)\b|\bd['’]après (lui|elle)\b|«|“)/i;

export const isReportedSpeech = (text: string): boolean => REPORTED_SPEECH.test(text);

/** The salarié's own words where recorded: reported speech, self-assessments, their view in bilans. */
export function ownWordsOf(records: {
  readonly observations: readonly ObservationRow[];
  readonly skillEvaluations: readonly SkillEvaluationRow[];
  readonly bilans: readonly BilanRow[];
}): OwnWords[] {
  const words: OwnWords[] = [
    ...records.observations.filter((o) => isReportedSpeech(o.evidence))
      .map((o) => ({ origin: 'observation' as const, text: o.evidence, source: sourceOf('observation', o) })),
    ...records.skillEvaluations.filter((e) => (e.selfAssessment ?? '').trim() !== '')
      .map((e) => ({ origin: 'self_assessment' as const, text: e.selfAssessment!.trim(), source: sourceOf('skill_evaluation', e) })),
    ...records.bilans.filter((b) => (b.salarieView ?? '').trim() !== '')
      .map((b) => ({ origin: 'bilan' as const, text: b.salarieView!.trim(), source: sourceOf('bilan', b) })),
  ];
  return words.sort((a, b) => a.source.date.localeCompare(b.source.date) || a.source.id.localeCompare(b.source.id));
}
