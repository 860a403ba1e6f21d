import { dateTimeFormat, numberFormat } from '../../src/core/intl-cache.js';

describe('shared Intl objects', () => {
  it('gives the same formatter for the same locale and options, a new one otherwise', () => {
    const paris = dateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(dateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' })).toBe(paris);
    const reunion = dateTimeFormat('en-CA', { timeZone: 'Indian/Reunion', year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(reunion).not.toBe(paris);
    // 22:30 UTC on 1 March is still 1 March in Paris and already 2 March in La Réunion.
    const instant = new Date('2027-03-01T22:30:00Z');
    expect(paris.format(instant)).toBe('2027-03-01');
    expect(reunion.format(instant)).toBe('2027-03-02');
    expect(numberFormat('fr-FR', { maximumFractionDigits: 2 })).toBe(numberFormat('fr-FR', { maximumFractionDigits: 2 }));
    expect(numberFormat('fr-FR', { maximumFractionDigits: 2 }).format(12.5)).toBe('12,5');
  });

  it('does not keep a timezone it cannot build', () => {
    expect(() => dateTimeFormat('fr-FR', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dateTimeFormat('fr-FR', { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
