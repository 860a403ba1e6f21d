import type { RosterEntry } from '../../src/core/domain/roster.js';
import type { SessionPlan } from '../../src/core/learning/session-plan.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { PlanInput } from '../../src/core/ports/session-planner.js';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.js';
import { createLlmSessionPlanner, SESSION_PLAN_PROMPT_MARKERS } from '../../src/llm/llm-session-planner.js';
import { createOpenAiClient } from '../../src/llm/openai-client.js';
import { loadPromptFile } from '../../src/llm/prompt-file.js';
import { PseudonymDirectory } from '../../src/llm/pseudonymizer.js';
import { RulesSessionPlanner } from '../../src/language/rules-session-planner.js';
import { FileSessionTemplates } from '../../src/language/session-template-files.js';
import { projectPath } from '../../src/project-paths.js';
import { FakeClock } from '../support/fake-clock.js';
import { answer, OpenAiStandIn, type RecordedRequest } from '../support/openai-stand-in.js';
import { MemoryUsage } from './llm-harness.js';

const person = (id: string, firstName: string, lastName: string): RosterEntry => ({ id, firstName, lastName, aliases: [], team: 't1', role: 'salarie' });
const team = [person('k', 'Karim', 'Benali'), person('s', 'Sofiane', 'Haddad'), person('l', 'Lucas', 'Morel')];
const directory = new PseudonymDirectory(team);
const ph = (id: string) => directory.placeholderOf(id)!;
const NAMES = /Karim|Sofiane|Lucas|Benali|Haddad|Morel|Bruno|Carrel/;

const input: PlanInput = {
  text: 'Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30. Karim lit mal. Sofiane a du diabète et prend un traitement.',
  today: '2026-11-02', timezone: 'Europe/Paris', trade: 'espaces_verts', trainerName: 'Bruno Carrel', team,
  inProgress: [{ personId: 'k', skillKey: null, skillLabel: 'taille de haie', date: '2026-10-20' }],
  incidents: [{ date: '2026-10-21', evidence: 'Karim a abîmé la taille-haie' }],
};

const rules = new RulesSessionPlanner(new FileSessionTemplates([projectPath('session-templates')]));

/** The fiche the planner sent, as the model reads it. */
const sentFiche = (r: RecordedRequest): SessionPlan => {
  const user = r.json!.messages.find((m) => m.role === 'user')!.content;
  return JSON.parse(/<fiche>\n([\s\S]*)\n<\/fiche>/.exec(user)![1]!) as SessionPlan;
};

const MODEL_TASK = (a: string) => `${a} taille la haie du parking en suivant le cordeau, sous le regard du formateur.`;
/** A model that rewrites the objective and the task, in the placeholders it was given. */
const rewritten = (fiche: SessionPlan): SessionPlan => {
  const [a, b] = fiche.identification.participants.map((p) => p.name);
  return {
    ...fiche,
    objective: `À l'issue de la séance, ${a} et ${b} seront capables de tailler une haie droite au taille-haie en sécurité.`,
    situation: { ...fiche.situation, task: MODEL_TASK(a!) },
  };
};
const rewrite = (r: RecordedRequest) => answer(rewritten(sentFiche(r)));
const userText = (r: RecordedRequest) => r.json!.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');

const server = new OpenAiStandIn(rewrite);
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
beforeEach(() => { server.reset(); server.setDefault(rewrite); });

function planner(budget: number | null = null) {
  const clock = new FakeClock('2026-11-02T10:00:00Z');
  return createLlmSessionPlanner({
    client: createOpenAiClient({ baseUrl: server.baseUrl, apiKey: 'k', timeoutMs: 2000 }),
    model: 'writer', breaker: new CircuitBreaker(clock), usage: new MemoryUsage(budget), clock, logger: silentLogger,
    retry: { retries: 0, maxWaitMs: 0, backoffMs: 0 }, sleep: async () => undefined,
    prompt: loadPromptFile('session-plan', SESSION_PLAN_PROMPT_MARKERS), rules,
  });
}

describe('LLM session planner', () => {
  it('uses the model-written fields, with participants, date and duration from the rules plan', async () => {
    const expected = await rules.plan(input);
    if (!expected.ok) throw new Error('rules plan expected');
    const result = await planner().plan(input);
    if (!result.ok) throw new Error('plan expected');
    const { plan } = result.value;
    expect(result.value.templateId).toBeNull();
    expect(result.value.topic).toBe(expected.value.topic);
    expect(plan.objective).toBe("À l'issue de la séance, Karim et Sofiane seront capables de tailler une haie droite au taille-haie en sécurité.");
    expect(plan.situation.task).toBe(MODEL_TASK('Karim'));
    expect(plan.identification).toEqual(expected.value.plan.identification);
    expect(plan.identification.participants.map((p) => p.personId)).toEqual(['k', 's']);
    expect(plan.identification.date).toBe('2026-11-05');
    expect(plan.context).toEqual(expected.value.plan.context);
    expect(server.requests).toHaveLength(1);
  });

  it('sends no roster or trainer name and no health detail: only placeholders', async () => {
    await planner().plan(input);
    expect(server.requests).toHaveLength(1);
    const [r] = server.requests;
    expect(r!.raw).not.toMatch(NAMES);
    expect(userText(r!)).not.toMatch(/diab|traitement/);
    expect(userText(r!)).toContain('[passage confidentiel non transmis]');
    expect(r!.raw).toContain(ph('k'));
    expect(sentFiche(r!).identification.participants.map((p) => p.name)).toEqual([ph('k'), ph('s')]);
  });

  it('ignores a model answer that changes the participants, the date or the duration', async () => {
    server.setDefault((r) => {
      const fiche = sentFiche(r);
      return answer({
        ...rewritten(fiche),
        identification: { ...fiche.identification, date: '2027-01-15', participants: [{ personId: 'l', name: ph('l') }], trainer: 'Quelqu’un' },
      });
    });
    const expected = await rules.plan(input);
    const result = await planner().plan(input);
    if (!result.ok || !expected.ok) throw new Error('plan expected');
    expect(result.value.plan.identification).toEqual(expected.value.plan.identification);
    expect(result.value.templateId).toBeNull();
    expect(result.value.plan.objective).toBe("À l'issue de la séance, Karim et Sofiane seront capables de tailler une haie droite au taille-haie en sécurité.");
  });

  it('keeps the rules plan when the model answers off-schema twice, or when the budget is spent', async () => {
    const expected = await rules.plan(input);
    server.setDefault((r) => answer({ ...sentFiche(r), objective: 'Tailler des haies.' }));
    expect(await planner().plan(input)).toEqual(expected);
    expect(server.requests).toHaveLength(2);
    server.reset();
    expect(await planner(0).plan(input)).toEqual(expected);
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the rules plan when the model names a team member who is not a participant', async () => {
    server.setDefault((r) => {
      const fiche = rewritten(sentFiche(r));
      return answer({ ...fiche, situation: { ...fiche.situation, task: `${ph('l')} montre la haie du parking.` } });
    });
    const expected = await rules.plan(input);
    expect(await planner().plan(input)).toEqual(expected);
  });

  it('keeps the rules plan when the model copies a withheld passage into the fiche', async () => {
    server.setDefault((r) => {
      const fiche = rewritten(sentFiche(r));
      return answer({ ...fiche, adaptations: [{ need: 'autre', text: '[passage confidentiel non transmis]' }] });
    });
    const expected = await rules.plan(input);
    expect(await planner().plan(input)).toEqual(expected);
  });

  it('keeps the rules plan when the model sequence no longer fits the rules duration', async () => {
    server.setDefault((r) => {
      const fiche = sentFiche(r);
      const sequence = fiche.sequence.map((s, i) => (i === 0 ? { ...s, minutes: s.minutes + 30 } : s));
      return answer({ ...fiche, identification: { ...fiche.identification, durationMinutes: fiche.identification.durationMinutes + 30 }, sequence });
    });
    const expected = await rules.plan(input);
    expect(await planner().plan(input)).toEqual(expected);
  });

  it('returns the rules refusal as is (no participant), without calling the model', async () => {
    const result = await planner().plan({ ...input, text: 'Prépare une séance sur la taille de haies jeudi' });
    expect(result.ok).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});
