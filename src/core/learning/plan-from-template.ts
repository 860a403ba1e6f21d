import type { SessionTemplate } from './session-template.js';
import type { SequenceStep, SessionPlan } from './session-plan.js';

/** « Karim », « Karim et Sofiane », « Karim, Inès et Sofiane ». */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}

/** The objective sentence of the fiche de séance. */
export function objectiveSentence(firstNames: readonly string[], capability: string): string {
  const who = firstNames.length === 0 ? 'le salarié' : joinNames(firstNames);
  const verb = firstNames.length > 1 ? 'seront capables' : 'sera capable';
  const de = /^[aeiouyhéèêàâîôû]/iu.test(capability) ? "d'" : 'de ';
  return `À l'issue de la séance, ${who} ${verb} ${de}${capability}`;
}

/**
 * Scales a template's cycle to a duration: minutes rounded to 5, at least 5 each, the sum exact.
 * Too short for the whole cycle: keeps démonstration, first mise en situation and last séquence réflexive.
 */
export function scaleCycle(cycle: SessionTemplate['cycle'], durationMinutes: number): SequenceStep[] {
  let steps = cycle;
  if (durationMinutes < steps.length * 10) {
    const demo = steps.find((s) => s.kind === 'demonstration')!;
    const practice = steps.find((s) => s.kind === 'mise_en_situation')!;
    const reflect = steps.filter((s) => s.kind === 'sequence_reflexive').at(-1)!;
    steps = [demo, practice, reflect];
  }
  const totalShare = steps.reduce((s, c) => s + c.share, 0);
  const minutes = steps.map((s) => Math.max(5, Math.round((s.share / totalShare) * durationMinutes / 5) * 5));
  let diff = durationMinutes - minutes.reduce((a, b) => a + b, 0);
  // Give or take the difference on the longest steps, never under 5 minutes.
  while (diff !== 0) {
    const order = minutes.map((m, i) => [m, i] as const).sort((a, b) => b[0] - a[0]);
    const step = Math.abs(diff) >= 5 ? 5 : Math.abs(diff);
    const target = diff > 0 ? order[0]![1] : order.find(([m]) => m - step >= 5)?.[1];
    if (target === undefined) break;
    minutes[target] = minutes[target]! + (diff > 0 ? step : -step);
    diff += diff > 0 ? -step : step;
  }
  return steps.map((s, i) => ({ kind: s.kind, minutes: minutes[i]!, description: s.description, questions: [...s.questions] }));
}

export interface PlanFacts {
  readonly date: string | null;
  readonly startTime: string | null;
  readonly durationMinutes: number;
  readonly site: string | null;
  readonly trainer: string;
  readonly participants: ReadonlyArray<{ personId: string | null; name: string; firstName: string }>;
  readonly adaptations: SessionPlan['adaptations'];
  readonly context: SessionPlan['context'];
}

/** A fiche de séance from a template and what the request said. */
export function planFromTemplate(template: SessionTemplate, facts: PlanFacts): SessionPlan {
  return {
    identification: {
      date: facts.date, startTime: facts.startTime, durationMinutes: facts.durationMinutes, site: facts.site, trainer: facts.trainer,
      participants: facts.participants.map((p) => ({ personId: p.personId, name: p.name })),
      activity: template.activity, trade: template.trade,
    },
    objective: objectiveSentence(facts.participants.map((p) => p.firstName), template.capability),
    skills: template.skills.map((s) => ({ ...s })),
    prerequisites: [...template.prerequisites],
    situation: { ...template.situation, risks: [...template.situation.risks], epi: [...template.situation.epi], material: [...template.situation.material] },
    sequence: scaleCycle(template.cycle, facts.durationMinutes),
    criteria: template.criteria.map((c) => ({ ...c })),
    adaptations: [...facts.adaptations],
    context: facts.context,
  };
}
