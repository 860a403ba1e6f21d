import type { Narrative, ProgressNarrator } from '../../src/core/ports/progress-narrator.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { checkNarrative } from '../../src/core/progress/check-narrative.js';
import type { ProgressFacts, SourceRef } from '../../src/core/progress/progress-facts.js';
import { ok } from '../../src/core/result.js';
import { CircuitBreaker } from '../../src/llm/circuit-breaker.js';
import { createLlmProgressNarrator, NARRATIVE_PROMPT_MARKERS } from '../../src/llm/llm-progress-narrator.js';
import { createOpenAiClient } from '../../src/llm/openai-client.js';
import { loadPromptFile } from '../../src/llm/prompt-file.js';
import { FakeClock } from '../support/fake-clock.js';
import { answer, httpError, OpenAiStandIn, type RecordedRequest } from '../support/openai-stand-in.js';
import { MemoryUsage } from './llm-harness.js';

const src = (type: SourceRef['type'], date: string, n: number): SourceRef => ({ type, id: `${type}-${n}`, date, authorId: 'eti-1', authorName: 'Bruno Carrel' });
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
const CATEGORIES = ['ponctualite', 'consignes', 'securite', 'qualite', 'rythme', 'autonomie', 'equipe', 'technique', 'sante', 'logement'] as const;

/** Two years of a salarié's path: every month has attendance, observations in ten categories, evaluations and incidents. */
function twoYearFacts(): ProgressFacts {
  const month = (m: string, i: number) => ({
    month: m, days: 20, present: 15 + (i % 4), late: 2, leftEarly: 1, absent: 2 - (i % 2), excusedAbsences: 1,
    attendanceRate: 90 + (i % 5), punctualityRate: 80 + (i % 7),
  });
  return {
    person: { id: 'p1', firstName: 'Nadia', lastName: 'Moreau', teamName: 'Espaces verts', status: 'active', exitDate: null, exitCategory: null },
    period: { from: '2025-01-01', to: '2026-12-31' },
    contract: { start: '2025-01-01', end: '2027-01-31', daysLeft: 31, monthsLeft: 1, source: src('person', '2025-01-01', 0) },
    attendance: {
      months: MONTHS.map(month), total: { ...month('x', 3), month: undefined } as unknown as ProgressFacts['attendance']['total'],
      attendanceTrend: 'up', punctualityTrend: 'stable', exceptions: [],
    },
    observations: CATEGORIES.map((category) => ({
      category, positive: 30, negative: 10, neutral: 4, evolution: 'improved' as const,
      months: MONTHS.map((m, i) => ({ month: m, positive: 1 + (i % 3), negative: i % 2, neutral: 0 })),
      quotes: [{ category, polarity: 'positive' as const, text: 'Nadia a bien travaillé avec Bruno', source: src('observation', '2025-03-04', 1) }],
    })),
    skills: ['taille de haie', 'tonte', 'débroussaillage'].map((skill, k) => ({
      skill, dimension: 'maitrise' as const, first: 'non_acquis' as const, current: 'acquis' as const, progression: 'up' as const,
      history: MONTHS.filter((_, i) => i % 3 === k).map((m, i) => ({ level: 'en_cours' as const, observedFact: null, source: src('skill_evaluation', `${m}-10`, i) })),
    })),
    situations: [],
    objectives: [{ theme: 'mobilite', label: 'Obtenir le permis B', status: 'en_cours', dueOn: '2026-12-01', consentGiven: true, consentOn: '2025-02-01', actions: [], source: src('objective', '2025-02-01', 1) }],
    incidents: MONTHS.map((m, i) => ({ kind: 'equipment', text: 'la tondeuse a lâché', status: null, source: src('incident', `${m}-15`, i) })),
    alerts: [{ kind: 'sante', text: 'Nadia a fait un malaise', status: 'open', source: src('alert', '2026-06-02', 1) }],
    ownWords: [], bilans: [],
    counts: {
      observations: 440, positiveObservations: 300, negativeObservations: 100, skillsEvaluated: 3, skillsImproved: 3,
      activeFreins: 1, atouts: 2, objectivesInProgress: 1, objectivesAchieved: 0, overdueObjectives: 0, incidents: 24, alerts: 1, openAlerts: 1,
    },
    withheld: false,
  };
}

const rulesStandIn: ProgressNarrator = { narrate: async () => ok<Narrative>({ text: 'texte des règles', engine: 'rules' }) };
const chars = (r: RecordedRequest) => r.json!.messages.reduce((n, m) => n + m.content.length, 0);
const isPeriod = (r: RecordedRequest) => r.json!.messages[0]!.content.includes("d'une seule période");

let finalText = (facts: ProgressFacts) => `Salarié A a un taux de présence de ${facts.attendance.total.attendanceRate} % sur la période, avec des progrès en ${facts.skills[0]!.skill}.`;
const server = new OpenAiStandIn((r) => answer({ text: isPeriod(r) ? 'Salarié A a été suivi sur la période, sans fait marquant.' : finalText(twoYearFacts()) }));
beforeAll(async () => { await server.start(); });
afterAll(async () => { await server.stop(); });
beforeEach(() => server.reset());

function narrator(maxRequestChars: number, sendSpecialCategories = false) {
  const clock = new FakeClock('2027-01-01T10:00:00Z');
  return createLlmProgressNarrator({
    client: createOpenAiClient({ baseUrl: server.baseUrl, apiKey: 'k', timeoutMs: 2000 }),
    model: 'writer', breaker: new CircuitBreaker(clock), usage: new MemoryUsage(), clock, logger: silentLogger,
    retry: { retries: 0, maxWaitMs: 0, backoffMs: 0 }, sleep: async () => undefined,
    periodPrompt: loadPromptFile('progress-period', NARRATIVE_PROMPT_MARKERS),
    summaryPrompt: loadPromptFile('progress-summary', NARRATIVE_PROMPT_MARKERS),
    fallback: rulesStandIn, sendSpecialCategories, maxRequestChars,
  });
}

describe('LLM progress narrator', () => {
  it('summarises a 2-year history in bounded steps: no request exceeds the bound, though the history does', async () => {
    const facts = twoYearFacts();
    const result = await narrator(6000).narrate(facts, 'fr');
    expect(result).toEqual({ ok: true, value: { engine: 'llm', text: `Nadia a un taux de présence de 93 % sur la période, avec des progrès en taille de haie.` } });
    expect(checkNarrative(result.ok ? result.value.text : '', facts).ok).toBe(true);
    const periods = server.requests.filter(isPeriod);
    expect(periods.length).toBeGreaterThan(1);
    expect(server.requests.filter((r) => !isPeriod(r))).toHaveLength(1);
    for (const r of server.requests) expect(chars(r)).toBeLessThanOrEqual(6000);
    // What the periods carried could not have fitted in one request.
    expect(periods.reduce((n, r) => n + chars(r), 0)).toBeGreaterThan(6000);
    // Each month went to exactly one period request.
    for (const m of facts.attendance.months) expect(periods.filter((r) => r.raw.includes(`${m.month} : `))).toHaveLength(1);
  });

  it('sends a short history in one request', async () => {
    const facts = { ...twoYearFacts(), attendance: { ...twoYearFacts().attendance, months: twoYearFacts().attendance.months.slice(0, 2) }, observations: [], skills: [], incidents: [] };
    await narrator(24_000).narrate(facts, 'fr');
    expect(server.requests).toHaveLength(1);
  });

  it('sends no name and leaves health out unless enabled', async () => {
    await narrator(6000).narrate(twoYearFacts(), 'fr');
    for (const r of server.requests) {
      expect(r.raw).not.toMatch(/Nadia|Moreau|Bruno|Carrel/);
      expect(r.raw).not.toMatch(/observations sante|alerte \(sante/);
    }
    server.reset();
    await narrator(6000, true).narrate(twoYearFacts(), 'fr');
    expect(server.requests.some((r) => r.raw.includes('observations sante'))).toBe(true);
  });

  it('falls back to the rules narrator when the text has an unsourced figure, or when the model fails', async () => {
    const saved = finalText;
    finalText = () => 'Salarié A a un taux de présence de 77 %.';
    expect(await narrator(6000).narrate(twoYearFacts(), 'fr')).toEqual({ ok: true, value: { engine: 'rules', text: 'texte des règles' } });
    finalText = saved;
    server.setDefault(() => httpError(500));
    expect(await narrator(6000).narrate(twoYearFacts(), 'fr')).toEqual({ ok: true, value: { engine: 'rules', text: 'texte des règles' } });
    server.setDefault((r) => answer({ text: isPeriod(r) ? 'Salarié A a été suivi sur la période, sans fait marquant.' : finalText(twoYearFacts()) }));
  });
});
