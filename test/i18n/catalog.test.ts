import { catalogParts } from '../../src/i18n/catalog/index.js';
import { createTranslator } from '../../src/i18n/translator.js';

describe('message catalog', () => {
  it('has the same keys and placeholders in French and English for every topic', () => {
    for (const part of catalogParts) {
      expect(Object.keys(part.en).sort()).toEqual(Object.keys(part.fr).sort());
      for (const key of Object.keys(part.fr)) {
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect({ key, names: names(part.en[key] ?? '') }).toEqual({ key, names: names(part.fr[key]!) });
      }
    }
  });

  it('never defines a key twice across topics', () => {
    const seen = new Map<string, number>();
    catalogParts.forEach((part, i) => Object.keys(part.fr).forEach((key) => {
      expect({ key, first: seen.get(key) ?? i }).toEqual({ key, first: i });
      seen.set(key, i);
    }));
  });

  it('fills parameters and shows the key when a text is missing', () => {
    const t = createTranslator('fr');
    expect(t('roster.import.line', { line: 4, reason: 'x' })).toBe('Ligne 4 : x');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(createTranslator('en')('roster.import.line', { line: 4, reason: 'x' })).toBe('Line 4: x');
  });
});
