import type { ProgressCharts } from '../core/ports/progress-charts.js';
import type { ProgressFacts } from '../core/progress/progress-facts.js';
import { LEVEL_RANK } from '../core/progress/skill-facts.js';
import { formatMonth } from '../i18n/format.js';
import { createTranslator, type Locale } from '../i18n/translator.js';
import { renderChart } from './chart-canvas.js';

const COLOURS = ['#1f6f8b', '#e07b39', '#3c9d5d', '#8e5ba8', '#c2453d', '#6b7a8f', '#b8860b', '#2e8b8b'];
const LEVELS = ['non_acquis', 'en_cours', 'acquis', 'maitrise'] as const;

/** Months from `first` to `last` (YYYY-MM), both included. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

/** Level of each skill at the end of each month (the latest evaluation so far), for a stepped line. */
export function skillSeries(facts: ProgressFacts): { months: string[]; series: Array<{ label: string; values: Array<number | null> }> } {
  const rated = facts.skills.map((s) => ({ ...s, history: s.history.filter((h) => LEVEL_RANK[h.level] !== null) })).filter((s) => s.history.length > 0);
  if (rated.length === 0) return { months: [], series: [] };
  const first = rated.map((s) => s.history[0]!.source.date.slice(0, 7)).sort()[0]!;
  const last = [facts.period.to.slice(0, 7), ...rated.map((s) => s.history.at(-1)!.source.date.slice(0, 7))].sort().at(-1)!;
  const months = monthsBetween(first, last);
  const dimensions = new Set(rated.map((s) => s.dimension));
  return {
    months,
    series: rated.map((s) => ({
      label: dimensions.size > 1 ? `${s.skill} (${s.dimension})` : s.skill,
      values: months.map((month) => {
        const latest = s.history.filter((h) => h.source.date.slice(0, 7) <= month).at(-1);
        return latest === undefined ? null : LEVEL_RANK[latest.level];
      }),
    })),
  };
}

/** Chart.js on a Skia canvas: attendance per month and skill levels over time. */
export class ChartJsProgressCharts implements ProgressCharts {
  async attendance(facts: ProgressFacts, locale: Locale): Promise<Uint8Array | null> {
    const months = facts.attendance.months.filter((m) => m.days > 0);
    if (months.length === 0) return null;
    const t = createTranslator(locale);
    return renderChart({
      type: 'line',
      data: {
        labels: months.map((m) => formatMonth(m.month, locale)),
        datasets: [
          { label: t('progress.chart.attendance.rate'), data: months.map((m) => m.attendanceRate), borderColor: COLOURS[0], backgroundColor: COLOURS[0], borderWidth: 3 },
          { label: t('progress.chart.attendance.punctuality'), data: months.map((m) => m.punctualityRate), borderColor: COLOURS[1], backgroundColor: COLOURS[1], borderWidth: 3 },
        ],
      },
      options: {
        plugins: { title: { display: true, text: `${t('progress.chart.attendance.title')} — ${facts.person.firstName} ${facts.person.lastName}`, font: { size: 20 } }, legend: { labels: { font: { size: 16 } } } },
        scales: { y: { min: 0, max: 100, ticks: { font: { size: 14 } } }, x: { ticks: { font: { size: 14 } } } },
      },
    });
  }

  async skills(facts: ProgressFacts, locale: Locale): Promise<Uint8Array | null> {
    const { months, series } = skillSeries(facts);
    if (series.length === 0) return null;
    const t = createTranslator(locale);
    return renderChart({
      type: 'line',
      data: {
        labels: months.map((m) => formatMonth(m, locale)),
        datasets: series.map((s, i) => ({
          label: s.label, data: s.values, stepped: true, spanGaps: true, borderWidth: 3,
          borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
        })),
      },
      options: {
        plugins: { title: { display: true, text: `${t('progress.chart.skills.title')} — ${facts.person.firstName} ${facts.person.lastName}`, font: { size: 20 } }, legend: { labels: { font: { size: 16 } } } },
        scales: {
          y: { min: 0, max: 3, ticks: { stepSize: 1, font: { size: 14 }, callback: (v) => t(`progress.level.${LEVELS[Number(v)] ?? 'non_evalue'}`) } },
          x: { ticks: { font: { size: 14 } } },
        },
      },
    });
  }
}
