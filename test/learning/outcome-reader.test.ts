import { FrenchOutcomeReader } from '../../src/language/french-outcome-reader.js';

const reader = new FrenchOutcomeReader();
const participants = [
  { personId: 'k', name: 'Karim Benali', firstName: 'Karim', aliases: [] },
  { personId: 's', name: 'Sofiane Haddad', firstName: 'Sofiane', aliases: ['Sof'] },
];
const criteria = [
  { skillKey: 'taille', skillLabel: 'Tailler une haie au taille-haie', criterion: 'La haie est droite, à la hauteur du cordeau' },
  { skillKey: 'affutage', skillLabel: 'Entretenir et affûter les outils de coupe', criterion: 'Nettoie et affûte la lame sans aide' },
];
const levels = async (text: string) => Object.fromEntries((await reader.read({ text, participants, criteria })).map((p) => [p.personId, p.results.map((r) => r.level)]));

describe('reading a séance outcome', () => {
  it('gives a general sentence to every criterion and a targeted one to its skill only', async () => {
    expect(await levels("Séance de jeudi : Karim a réussi seul, Sofiane doit revoir l'affûtage")).toEqual({
      k: ['acquis', 'acquis'], s: ['non_evalue', 'en_cours'],
    });
    expect(await levels("Séance de jeudi : Sof maîtrise la taille mais n'a pas réussi l'affûtage. Karim absent")).toEqual({
      k: ['non_evalue', 'non_evalue'], s: ['maitrise', 'non_acquis'],
    });
  });

  it('reads « tous les deux », continuations with il/elle, and the salarié’s own words', async () => {
    const result = await reader.read({ text: "Séance du 5 : tous les deux ont bien taillé. Karim a eu besoin d'aide pour affûter, il dit qu'il n'est pas encore à l'aise", participants, criteria });
    expect(result.map((p) => p.results.map((r) => r.level))).toEqual([['acquis', 'en_cours'], ['acquis', 'non_evalue']]);
    expect(result[0]!.selfAssessment).toBe("Il n'est pas encore à l'aise");
    expect(result[0]!.results[1]).toMatchObject({ dimension: 'autonomie', observedFact: "Karim a eu besoin d'aide pour affûter" });
    expect(result[0]!.nextStep).toBe('Retravailler : Entretenir et affûter les outils de coupe');
  });

  it('finds the day a « séance de jeudi » means, looking back', () => {
    expect(reader.sessionDate('Séance de jeudi : Karim a réussi', { today: '2026-11-06', timezone: 'Europe/Paris' })).toBe('2026-11-05');
    expect(reader.sessionDate('Séance de jeudi : Karim a réussi', { today: '2026-11-05', timezone: 'Europe/Paris' })).toBe('2026-11-05');
    expect(reader.sessionDate('Séance de lundi : Karim a réussi', { today: '2026-11-05', timezone: 'Europe/Paris' })).toBe('2026-11-02');
    expect(reader.sessionDate('Séance : Karim a réussi', { today: '2026-11-05', timezone: 'Europe/Paris' })).toBeNull();
  });
});

describe('the outcome reader on any wording', () => {
  it('always returns a valid evaluation with every participant and every criterion, and never a level without a fact', async () => {
    const fc = (await import('fast-check')).default;
    const { sessionEvaluationSchema } = await import('../../src/core/learning/session-evaluation.js');
    const pieces = ['Karim', 'Sofiane', 'Sof', 'il', 'elle', 'tous les deux', 'a réussi seul', "doit revoir l'affûtage", "n'a pas réussi", 'maîtrise la taille',
      'absent', 'avec aide', 'dit que', 'mais', 'et', ',', '.', ':', 'la haie', 'bien', 'pas encore', 'Séance de jeudi'];
    await fc.assert(fc.asyncProperty(fc.array(fc.constantFrom(...pieces, 'a '.repeat(300)), { maxLength: 30 }), async (words) => {
      const result = await reader.read({ text: words.join(' '), participants, criteria });
      expect(result.map((p) => p.personId)).toEqual(['k', 's']);
      expect(result.every((p) => p.results.length === criteria.length)).toBe(true);
      expect(sessionEvaluationSchema.safeParse({ sessionId: 'x', date: '2026-11-05', participants: result }).success).toBe(true);
    }), { numRuns: 300 });
  });
});
