import { SKILL_DIMENSIONS, SKILL_LEVELS, type SkillDimension, type SkillLevel } from '../domain/taxonomy.js';
import type { SkillEvaluationRow } from '../ports/progress-store.js';
import type { SkillFacts, Trend } from './progress-facts.js';
import { sourceOf } from './source-ref.js';

/** Rank of a level on the usual scale; « Non évalué » has none. */
export const LEVEL_RANK: Readonly<Record<SkillLevel, number | null>> = {
  non_acquis: 0, en_cours: 1, acquis: 2, maitrise: 3, non_evalue: null,
};

const asLevel = (l: string): SkillLevel => ((SKILL_LEVELS as readonly string[]).includes(l) ? l as SkillLevel : 'non_evalue');
const asDimension = (d: string): SkillDimension => ((SKILL_DIMENSIONS as readonly string[]).includes(d) ? d as SkillDimension : 'maitrise');

/** Skills and their levels over time, per skill and dimension, from the first evaluation to the latest. */
export function skillFacts(rows: readonly SkillEvaluationRow[]): SkillFacts[] {
  const groups = new Map<string, SkillEvaluationRow[]>();
  for (const row of rows) {
    const key = `${row.skillLabel}\u0000${asDimension(row.dimension)}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()]
    .map((list) => {
      const history = [...list]
        .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
        .map((r) => ({ level: asLevel(r.level), observedFact: r.observedFact, source: sourceOf('skill_evaluation', r) }));
      const rated = history.filter((h) => LEVEL_RANK[h.level] !== null);
      const first = rated[0]?.level ?? history[0]!.level;
      const current = rated.at(-1)?.level ?? history.at(-1)!.level;
      return { skill: list[0]!.skillLabel, dimension: asDimension(list[0]!.dimension), first, current, progression: progressionOf(first, current, rated.length), history };
    })
    .sort((a, b) => a.skill.localeCompare(b.skill, 'fr') || a.dimension.localeCompare(b.dimension));
}

function progressionOf(first: SkillLevel, current: SkillLevel, ratedCount: number): Trend {
  const a = LEVEL_RANK[first];
  const b = LEVEL_RANK[current];
  if (a === null || b === null || ratedCount < 2) return 'unknown';
  return b > a ? 'up' : b < a ? 'down' : 'stable';
}
