import fc from 'fast-check';
import { checkNarrative, factFigures } from '../../src/core/progress/check-narrative.js';
import type { ProgressFacts } from '../../src/core/progress/progress-facts.js';
import { rulesNarrative } from '../../src/language/rules-progress-narrator.js';
import { factsArbitrary } from '../support/facts-arbitrary.js';

const someFacts = (): ProgressFacts => fc.sample(factsArbitrary, { numRuns: 1, seed: 42 })[0]!;

describe('checkNarrative', () => {
  it('accepts the rules narrator’s paragraph for any facts, in French and English', () => {
    fc.assert(fc.property(factsArbitrary, fc.constantFrom('fr' as const, 'en' as const), (facts, locale) => {
      const text = rulesNarrative(facts, locale);
      expect(checkNarrative(text, facts)).toEqual({ ok: true });
    }), { numRuns: 300 });
  });

  it('rejects any figure the facts do not state, wherever it sits in the text', () => {
    fc.assert(fc.property(factsArbitrary, fc.integer({ min: 0, max: 100_000 }), fc.nat(), (facts, n, at) => {
      fc.pre(!factFigures(facts).has(n));
      const text = rulesNarrative(facts, 'fr');
      const cut = text.indexOf(' ', at % Math.max(1, text.length));
      const position = cut < 0 ? text.length : cut;
      const tampered = `${text.slice(0, position)} ${n} ${text.slice(position)}`;
      const check = checkNarrative(tampered, facts);
      expect(check.ok).toBe(false);
      expect(!check.ok && check.problems).toContainEqual({ kind: 'number', value: String(n) });
    }), { numRuns: 300 });
  });

  it('accepts a verbatim span of a quoted fact and rejects words nobody wrote', () => {
    fc.assert(fc.property(factsArbitrary, fc.nat(), fc.nat(), (facts, a, b) => {
      const quotes = facts.observations.flatMap((c) => c.quotes.map((q) => q.text));
      fc.pre(quotes.length > 0);
      const quote = quotes[a % quotes.length]!;
      const words = quote.split(' ');
      const start = b % words.length;
      const span = words.slice(start, start + 3).join(' ');
      expect(checkNarrative(`Elle a dit « ${span} ».`, facts)).toEqual({ ok: true });
      const invented = `${span} zzz inventé`;
      expect(checkNarrative(`Elle a dit « ${invented} ».`, facts)).toMatchObject({ ok: false, problems: [{ kind: 'quote' }] });
    }), { numRuns: 200 });
  });

  it('reads figures written as words, decimals with a comma, and digits glued to letters', () => {
    const facts = { ...someFacts(), counts: { ...someFacts().counts, alerts: 3 } };
    const figures = factFigures(facts);
    const missing = [2, 12, 15, 47].find((n) => !figures.has(n))!;
    const word = ({ 2: 'deux', 12: 'douze', 15: 'quinze', 47: '' } as Record<number, string>)[missing]!;
    expect(checkNarrative('trois alertes', facts)).toEqual({ ok: true });
    if (word !== '') expect(checkNarrative(`${word} alertes`, facts).ok).toBe(false);
    expect(checkNarrative('présence de 87,5 %', facts).ok).toBe(figures.has(87.5));
    expect(checkNarrative(`arrivé à 9h${missing}`, facts).ok).toBe(false);
  });

  it('accepts days, months and years of the facts’ dates, and nothing else from them', () => {
    const facts: ProgressFacts = { ...someFacts(), period: { from: '2026-09-01', to: '2026-11-15' } };
    expect(checkNarrative('Du 1 septembre 2026 au 15 novembre 2026.', facts)).toEqual({ ok: true });
    const figures = factFigures(facts);
    const absent = [16, 17, 18, 19, 21, 22].find((n) => !figures.has(n))!;
    expect(checkNarrative(`Le ${absent} novembre 2026.`, facts).ok).toBe(false);
  });

  it('ignores apostrophe styles, spacing, case and trailing punctuation in quotes', () => {
    const base = someFacts();
    const facts: ProgressFacts = {
      ...base,
      ownWords: [{ origin: 'bilan', text: "Je veux continuer dans l'équipe", source: { type: 'bilan', id: 'b', date: '2026-04-01', authorId: null, authorName: null } }],
    };
    expect(checkNarrative('Elle dit : « je veux  continuer dans l’équipe. »', facts)).toEqual({ ok: true });
    expect(checkNarrative('Elle dit : “Je veux arrêter”', facts).ok).toBe(false);
  });
});

describe('period dates', () => {
  it('accepts real calendar dates only, without throwing', async () => {
    const { isIsoDate } = await import('../../src/core/progress/period.js');
    expect(['2026-02-28', '2028-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-13-01', '2026-02-30', '2026-2-1', 'hier', ''].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
});
