import fc from 'fast-check';
import { planFromTemplate } from '../../src/core/learning/plan-from-template.js';
import { SEQUENCE_KINDS, type SequenceStep, type SessionPlan } from '../../src/core/learning/session-plan.js';
import { applyPatch } from '../../src/core/use-cases/edit-learning-session/edit-learning-session.js';
import { parseSessionForm } from '../../src/conversation/learning/parse-session-form.js';
import { criteriaText, parseCriteria, parseSequence, parseSkills, sequenceText, skillsText } from '../../src/conversation/learning/session-form-text.js';
import { sessionForm } from '../../src/conversation/learning/session-presenter.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { FileSessionTemplates } from '../../src/language/session-template-files.js';
import { projectPath } from '../../src/project-paths.js';

const templates = new FileSessionTemplates([projectPath('session-templates')]);
const fr = createTranslator('fr');
const en = createTranslator('en');

async function plans(): Promise<SessionPlan[]> {
  return (await templates.all()).map((template) => planFromTemplate(template, {
    date: '2026-11-05', startTime: null, durationMinutes: 90, site: null, trainer: 'Bruno Carrel',
    participants: [{ personId: 'k', name: 'Karim Benali', firstName: 'Karim' }], adaptations: [], context: { inProgress: [], incidents: [] },
  }));
}

describe('the fiche de séance as text in the Modifier form', () => {
  it('reads back every template’s skills, sequence and criteria exactly as written, in French and in English', async () => {
    const all = await plans();
    expect(all.length).toBeGreaterThan(10);
    for (const plan of all) {
      for (const t of [fr, en]) {
        expect(parseSkills(skillsText(plan), plan.skills, t)).toEqual({ skills: plan.skills, problems: [] });
        expect(parseSequence(sequenceText(plan, t), t)).toEqual({ steps: plan.sequence, problems: [] });
        expect(parseCriteria(criteriaText(plan, t), plan.skills, t)).toEqual({ criteria: plan.criteria, problems: [] });
      }
    }
  });

  it('reads any step text back, colons, parentheses and dashes included', () => {
    const words = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9 ,.'’:()«»!?-]{1,60}$/).map((s) => s.trim()).filter((s) => s.length > 0 && !/questions?\s*(à poser|to ask)?\s*:/i.test(s));
    const question = words.filter((s) => !s.includes(';') && !/^[«"“]|[»"”]$/.test(s));
    const step = fc.record({
      kind: fc.constantFrom(...SEQUENCE_KINDS), minutes: fc.integer({ min: 5, max: 240 }), description: words,
      questions: fc.array(question, { maxLength: 3 }),
    });
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (sequence: SequenceStep[]) => {
      const plan = { sequence } as unknown as SessionPlan;
      expect(parseSequence(sequenceText(plan, fr), fr)).toEqual({ steps: sequence, problems: [] });
    }), { numRuns: 300 });
  });

  it('reads what an ETI types on a phone: no accents, hours, bullets, numbering', () => {
    expect(parseSequence([
      '1. demonstration (10 min) : je montre la coupe',
      '- Mise en situation (production réelle) (1 h 10) : chacun taille sa portion',
      '• sequence reflexive (10mn): on en parle — Questions : Qu’est-ce qui était dur ? ; « Et demain ? »',
    ].join('\n'), fr)).toEqual({ problems: [], steps: [
      { kind: 'demonstration', minutes: 10, description: 'je montre la coupe', questions: [] },
      { kind: 'mise_en_situation', minutes: 70, description: 'chacun taille sa portion', questions: [] },
      { kind: 'sequence_reflexive', minutes: 10, description: 'on en parle', questions: ['Qu’est-ce qui était dur ?', 'Et demain ?'] },
    ] });
    // « répondre aux questions : » inside a description is not the questions of the step.
    expect(parseSequence('Démonstration (15 min) : répondre aux questions : pourquoi couper en biseau', fr).steps[0]!.questions).toEqual([]);
  });

  it('names what it cannot read, and keeps nothing from a field with a problem', async () => {
    const plan = (await plans())[0]!;
    expect(parseSequence('Démonstration : je montre\nPause (10 min) : café', fr).problems).toEqual([
      'étape « Démonstration : je montre » (écris « Démonstration (15 min) : … »)',
      'étape « Pause (10 min) : café » (écris « Démonstration (15 min) : … »)',
    ]);
    expect(parseSkills('Pilotage de drone', plan.skills, fr).problems).toEqual(['compétence « Pilotage de drone » absente du référentiel de l’équipe']);
    expect(parseSkills('\n  \n', plan.skills, fr).problems).toEqual(['au moins une compétence visée']);
    expect(parseCriteria(`${plan.skills[0]!.label} : coupe nette`, plan.skills, fr).problems).toHaveLength(1);
    expect(parseCriteria('Soudure : cordon régulier (comment l’observer : à l’œil)', plan.skills, fr).problems).toHaveLength(1);
  });

  it('Modifier: steps edited alone set the duration; a new duration alone rescales; both must agree', async () => {
    const plan = (await plans())[0]!;
    const team = [{ id: 'k', firstName: 'Karim', lastName: 'Benali', aliases: [], team: 't1', role: 'salarie' as const }];
    const form = Object.fromEntries(sessionForm({ id: 's', teamId: 't1', trainerId: 'b', topic: 'x', status: 'draft', plan, participantIds: ['k'], engine: null } as never, fr)
      .inputs.map((i) => [i.name, i.value ?? '']));
    expect(Object.keys(form)).toEqual(expect.arrayContaining(['skills', 'sequence', 'criteria']));
    const read = (values: Record<string, string>) => {
      const parsed = parseSessionForm(values, team, 't1', { plan, referential: [], t: fr });
      expect(parsed.problems).toEqual([]);
      return applyPatch(plan, parsed.patch);
    };
    // Untouched form: the same fiche.
    expect(read(form)).toEqual(plan);
    // One step longer: the duration follows.
    const longer = form.sequence!.replace(/\((\d+) min\)/, (_m, n: string) => `(${Number(n) + 10} min)`);
    const edited = read({ ...form, sequence: longer });
    expect(edited.identification.durationMinutes).toBe(100);
    expect(edited.sequence[0]!.minutes).toBe(plan.sequence[0]!.minutes + 10);
    // A new duration alone: the steps are rescaled to it.
    expect(read({ ...form, duration: '120' }).sequence.reduce((s, x) => s + x.minutes, 0)).toBe(120);
    // Both changed and not agreeing: the patch says so through the schema (see the workflow test).
    expect(applyPatch(plan, parseSessionForm({ ...form, duration: '120', sequence: longer }, team, 't1', { plan, referential: [], t: fr }).patch)
      .identification.durationMinutes).toBe(120);
  });
});
