import fc from 'fast-check';
import type { ProgressFacts, SourceRef } from '../../src/core/progress/progress-facts.js';
import { OBSERVATION_CATEGORIES } from '../../src/core/domain/taxonomy.js';

const date = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const count = fc.nat({ max: 400 });
const rate = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
const trend = fc.constantFrom('up' as const, 'down' as const, 'stable' as const, 'unknown' as const);
const words = fc.array(fc.constantFrom('retard', 'ce', 'matin', 'bien', 'travaillé', 'haie', 'taillée', "m'a", 'dit', 'que', 'bus', 'raté', 'équipe'), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));
const source = (type: SourceRef['type']) => fc.record({ type: fc.constant(type), id: fc.uuid(), date, authorId: fc.constant(null), authorName: fc.constant('Bruno Carrel') });

/** Valid progress facts with arbitrary figures, dates and quotes. */
export const factsArbitrary: fc.Arbitrary<ProgressFacts> = fc.record({
  from: date, to: date, start: fc.option(date, { nil: null }), end: fc.option(date, { nil: null }), daysLeft: fc.integer({ min: -400, max: 800 }),
  month: fc.record({ days: count, present: count, late: count, leftEarly: count, absent: count, excusedAbsences: count, attendanceRate: rate, punctualityRate: rate }),
  trends: fc.tuple(trend, trend),
  categories: fc.uniqueArray(fc.constantFrom(...OBSERVATION_CATEGORIES), { maxLength: 5 }),
  evolutions: fc.array(fc.constantFrom('improved' as const, 'worsened' as const, 'stable' as const, 'insufficient' as const), { minLength: 5, maxLength: 5 }),
  quotes: fc.array(words, { maxLength: 4 }),
  quoteSource: source('observation'),
  counts: fc.record({
    observations: count, positiveObservations: count, negativeObservations: count, skillsEvaluated: count, skillsImproved: count,
    activeFreins: count, atouts: count, objectivesInProgress: count, objectivesAchieved: count, overdueObjectives: count,
    incidents: count, alerts: count, openAlerts: count,
  }),
}).map((g): ProgressFacts => ({
  person: { id: 'p1', firstName: 'Nadia', lastName: 'Haddad', teamName: 'Espaces verts', status: 'active', exitDate: null, exitCategory: null },
  period: g.from <= g.to ? { from: g.from, to: g.to } : { from: g.to, to: g.from },
  contract: {
    start: g.start, end: g.end, daysLeft: g.end === null ? null : g.daysLeft,
    monthsLeft: g.end === null ? null : Math.max(0, Math.floor(g.daysLeft / 30)),
    source: { type: 'person', id: 'p1', date: g.start ?? '2026-01-01', authorId: null, authorName: null },
  },
  attendance: { months: [{ month: '2026-09', ...g.month }], total: g.month, attendanceTrend: g.trends[0], punctualityTrend: g.trends[1], exceptions: [] },
  observations: g.categories.map((category, i) => ({
    category, positive: 1, negative: 0, neutral: 0, months: [], evolution: g.evolutions[i]!,
    quotes: g.quotes.map((text) => ({ category, polarity: 'negative' as const, text, source: g.quoteSource })),
  })),
  skills: [], situations: [], objectives: [], incidents: [], alerts: [], ownWords: [], bilans: [],
  counts: g.counts,
  withheld: false,
}));
