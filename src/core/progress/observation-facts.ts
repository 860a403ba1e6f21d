import { POLARITIES, type Polarity } from '../domain/taxonomy.js';
import type { ObservationRow } from '../ports/progress-store.js';
import type { ObservationCategoryFacts, ObservationEvolution, QuotedFact } from './progress-facts.js';
import { midpoint, monthOf } from './period.js';
import { sourceOf } from './source-ref.js';

/** Observations needed in each half of the period before saying what changed. */
export const MIN_PER_HALF = 2;
/** Change in the share of negative observations that counts as an evolution. */
export const EVOLUTION_THRESHOLD = 0.2;
const QUOTES_PER_CATEGORY = 3;

const polarityOf = (p: string): Polarity => ((POLARITIES as readonly string[]).includes(p) ? p as Polarity : 'neutral');

export function evolutionOf(rows: readonly ObservationRow[], mid: string): ObservationEvolution {
  const first = rows.filter((r) => r.date < mid);
  const second = rows.filter((r) => r.date >= mid);
  if (first.length < MIN_PER_HALF || second.length < MIN_PER_HALF) return 'insufficient';
  const negativeShare = (half: readonly ObservationRow[]) => half.filter((r) => r.polarity === 'negative').length / half.length;
  const change = negativeShare(second) - negativeShare(first);
  if (change <= -EVOLUTION_THRESHOLD) return 'improved';
  if (change >= EVOLUTION_THRESHOLD) return 'worsened';
  return 'stable';
}

/** The latest negative and positive facts, then the earliest one: what it was, what it is now. */
function quotesOf(rows: readonly ObservationRow[]): QuotedFact[] {
  const latestFirst = [...rows].sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
  const picked: ObservationRow[] = [];
  const add = (row: ObservationRow | undefined) => {
    if (row !== undefined && !picked.includes(row) && picked.length < QUOTES_PER_CATEGORY) picked.push(row);
  };
  add(latestFirst.find((r) => r.polarity === 'negative'));
  add(latestFirst.find((r) => r.polarity === 'positive'));
  add(latestFirst.at(-1));
  add(latestFirst[0]);
  return picked
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .map((r) => ({ category: r.category, polarity: polarityOf(r.polarity), text: r.evidence, source: sourceOf('observation', r) }));
}

/** Observations by category: counts, counts per month, what improved, and a few quoted, dated facts. */
export function observationFacts(rows: readonly ObservationRow[], period: { from: string; to: string }): ObservationCategoryFacts[] {
  const mid = midpoint(period.from, period.to);
  const byCategory = new Map<string, ObservationRow[]>();
  for (const row of rows) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, list]) => {
      const count = (p: Polarity, within = list) => within.filter((r) => polarityOf(r.polarity) === p).length;
      const months = [...new Set(list.map((r) => monthOf(r.date)))].sort().map((month) => {
        const inMonth = list.filter((r) => monthOf(r.date) === month);
        return { month, positive: count('positive', inMonth), negative: count('negative', inMonth), neutral: count('neutral', inMonth) };
      });
      return {
        category, positive: count('positive'), negative: count('negative'), neutral: count('neutral'), months,
        evolution: evolutionOf(list, mid), quotes: quotesOf(list),
      };
    });
}
