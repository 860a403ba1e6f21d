import { readPeriodPhrase } from '../../src/core/progress/period-phrase.js';

const today = '2026-11-28';

describe('readPeriodPhrase', () => {
  test.each([
    ['résumé de parcours de Nadia depuis septembre', { from: '2026-09-01' }, 'resume de parcours de nadia'],
    ['suivi de Karim depuis le 12 mars', { from: '2026-03-12' }, 'suivi de karim'],
    ['suivi de Karim depuis décembre', { from: '2025-12-01' }, 'suivi de karim'],
    ['suivi de Karim depuis le 03/02/2025', { from: '2025-02-03' }, 'suivi de karim'],
    ['bilan de Sofiane du 1er mars au 30 juin', { from: '2026-03-01', to: '2026-06-30' }, 'bilan de sofiane'],
    ['point sur Madou de janvier à fin mai 2026', { from: '2026-01-01', to: '2026-05-31' }, 'point sur madou'],
    ['suivi de Nadia sur les 3 derniers mois', { from: '2026-08-30' }, 'suivi de nadia'],
    ['suivi de Nadia cette année', { from: '2026-01-01' }, 'suivi de nadia'],
    ['suivi de Nadia', {}, 'suivi de nadia'],
  ])('%s', (text, period, rest) => {
    const read = readPeriodPhrase(text, today);
    expect({ from: read.from, to: read.to }).toEqual({ from: undefined, to: undefined, ...period });
    expect(read.rest.replace(/\s+/g, ' ')).toBe(rest);
  });

  test('an impossible date is not read as a period', () => {
    expect(readPeriodPhrase('suivi de Nadia depuis le 31/02', today).from).toBeUndefined();
  });
});
