import type { ProgressFacts } from './progress-facts.js';

/** The counts a narrative may quote, stated once as facts. */
export function summaryCounts(facts: Omit<ProgressFacts, 'counts'>, today: string): ProgressFacts['counts'] {
  const observations = facts.observations;
  return {
    observations: observations.reduce((n, c) => n + c.positive + c.negative + c.neutral, 0),
    positiveObservations: observations.reduce((n, c) => n + c.positive, 0),
    negativeObservations: observations.reduce((n, c) => n + c.negative, 0),
    skillsEvaluated: facts.skills.length,
    skillsImproved: facts.skills.filter((s) => s.progression === 'up').length,
    activeFreins: facts.situations.filter((s) => s.kind === 'frein' && s.status === 'active').length,
    atouts: facts.situations.filter((s) => s.kind === 'atout' && s.status !== 'resolved').length,
    objectivesInProgress: facts.objectives.filter((o) => o.status === 'en_cours').length,
    objectivesAchieved: facts.objectives.filter((o) => o.status === 'realise').length,
    overdueObjectives: facts.objectives.filter((o) => o.status === 'en_cours' && o.dueOn !== null && o.dueOn < today).length,
    incidents: facts.incidents.length,
    alerts: facts.alerts.length,
    openAlerts: facts.alerts.filter((a) => a.status === 'open').length,
  };
}
