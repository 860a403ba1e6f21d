import { targetProgress } from '../../src/core/production/target-progress.js';

const settings = (targets: Parameters<typeof targetProgress>[0]['targets']) => ({ workingDays: [1, 2, 3, 4, 5], targets });

describe('progress against production targets', () => {
  it('scales a daily target by working days (holidays excluded) and a weekly one by weeks touched', () => {
    const production = [
      { activity: 'Tonte', quantity: 300, unit: 'm2' }, { activity: 'tonte', quantity: 150, unit: 'm2' },
      { activity: 'tonte', quantity: 2, unit: 'h' }, { activity: 'tri', quantity: 50, unit: 'kg' },
    ];
    // 2026-11-09 (Mon) to 2026-11-15 (Sun): Armistice on Wednesday leaves 4 working days.
    expect(targetProgress(settings({ tonte: { quantity: 100, unit: 'm2', period: 'day' }, tri: { quantity: 200, unit: 'kg', period: 'week' } }), production, '2026-11-09', '2026-11-15'))
      .toEqual([
        { activity: 'tonte', unit: 'm2', period: 'day', target: 400, done: 450, percent: 113 },
        { activity: 'tri', unit: 'kg', period: 'week', target: 200, done: 50, percent: 25 },
      ]);
    // A month touching five weeks.
    const [tri] = targetProgress(settings({ tri: { quantity: 200, unit: 'kg', period: 'week' } }), production, '2026-11-01', '2026-11-30');
    expect(tri).toMatchObject({ target: 1000 });
  });

  it('leaves out a target over a period without working days and nothing done', () => {
    expect(targetProgress(settings({ tonte: { quantity: 100, unit: 'm2', period: 'day' } }), [], '2026-11-14', '2026-11-15')).toEqual([]);
  });
});
