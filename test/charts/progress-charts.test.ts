import fc from 'fast-check';
import { PNG } from 'pngjs';
import { CHART_SIZE } from '../../src/charts/chart-canvas.js';
import { ChartJsProgressCharts, monthsBetween, skillSeries } from '../../src/charts/chartjs-progress-charts.js';
import type { ProgressFacts } from '../../src/core/progress/progress-facts.js';
import { factsArbitrary } from '../support/facts-arbitrary.js';

const base = (): ProgressFacts => fc.sample(factsArbitrary, { numRuns: 1, seed: 7 })[0]!;
const src = (date: string) => ({ type: 'skill_evaluation' as const, id: date, date, authorId: null, authorName: 'Bruno Carrel' });

const facts: ProgressFacts = {
  ...base(),
  period: { from: '2026-09-01', to: '2026-11-15' },
  attendance: {
    ...base().attendance,
    months: [
      { month: '2026-09', days: 22, present: 15, late: 4, leftEarly: 1, absent: 2, excusedAbsences: 1, attendanceRate: 91, punctualityRate: 80 },
      { month: '2026-10', days: 22, present: 19, late: 2, leftEarly: 0, absent: 1, excusedAbsences: 0, attendanceRate: 95, punctualityRate: 90 },
      { month: '2026-11', days: 10, present: 10, late: 0, leftEarly: 0, absent: 0, excusedAbsences: 0, attendanceRate: 100, punctualityRate: 100 },
    ],
  },
  skills: [
    { skill: 'Taille de haies', dimension: 'maitrise', first: 'en_cours', current: 'acquis', progression: 'up', history: [
      { level: 'en_cours', observedFact: null, source: src('2026-09-15') }, { level: 'acquis', observedFact: null, source: src('2026-11-04') },
    ] },
    { skill: 'Tonte', dimension: 'maitrise', first: 'non_acquis', current: 'non_acquis', progression: 'unknown', history: [
      { level: 'non_acquis', observedFact: null, source: src('2026-10-01') },
    ] },
  ],
};

/** Decodes a PNG and measures how much of it is drawn (not white). */
function inspect(png: Uint8Array) {
  const image = PNG.sync.read(Buffer.from(png));
  const inked = (top: number, bottom: number) => {
    let n = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < image.width; x++) {
        const i = (y * image.width + x) * 4;
        if (image.data[i]! < 200 || image.data[i + 1]! < 200 || image.data[i + 2]! < 200) n++;
      }
    }
    return n;
  };
  return { width: image.width, height: image.height, inked: inked(0, image.height), titleInk: inked(0, 40), corner: [...image.data.subarray(0, 4)] };
}

describe('progress charts', () => {
  const charts = new ChartJsProgressCharts();

  it('draws attendance per month as a PNG of the expected size, with a title in the bundled font', async () => {
    const png = await charts.attendance(facts, 'fr');
    const seen = inspect(png!);
    expect({ width: seen.width, height: seen.height }).toEqual(CHART_SIZE);
    expect(seen.corner).toEqual([255, 255, 255, 255]);
    expect(seen.inked).toBeGreaterThan(seen.width * seen.height * 0.01);
    expect(seen.titleInk).toBeGreaterThan(200);
  });

  it('draws skill levels over time', async () => {
    const seen = inspect((await charts.skills(facts, 'en'))!);
    expect({ width: seen.width, height: seen.height }).toEqual(CHART_SIZE);
    expect(seen.inked).toBeGreaterThan(seen.width * seen.height * 0.01);
  });

  it('has nothing to draw without records', async () => {
    const empty = { ...facts, skills: [], attendance: { ...facts.attendance, months: [] } };
    expect(await charts.attendance(empty, 'fr')).toBeNull();
    expect(await charts.skills(empty, 'fr')).toBeNull();
  });

  it('carries each skill level forward month by month from its first evaluation', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(skillSeries(facts)).toEqual({
      months: ['2026-09', '2026-10', '2026-11'],
      series: [{ label: 'Taille de haies', values: [1, 1, 2] }, { label: 'Tonte', values: [null, 0, 0] }],
    });
  });
});
