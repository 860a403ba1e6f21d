import { createBuildProgressSummary } from '../../src/core/use-cases/build-progress-summary/build-progress-summary.js';
import type { ProgressFacts } from '../../src/core/progress/progress-facts.js';
import { progressFactsSchema } from '../../src/core/progress/progress-facts.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import type { ProgressNarrator } from '../../src/core/ports/progress-narrator.js';
import { ok } from '../../src/core/result.js';
import { RulesProgressNarrator } from '../../src/language/rules-progress-narrator.js';
import { DrizzleProgressStore } from '../../src/storage/stores/drizzle-progress-store.js';
import { plannedAttendance, seedPath, type Status } from '../support/progress-path.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();


const clock = { now: () => new Date('2026-11-15T10:00:00Z') };
describe.each(databaseTargets())('progress summary facts on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  let build: ReturnType<typeof createBuildProgressSummary>;
  const factsFor = async (who: keyof World['ids'], role: Parameters<typeof actorOf>[2], teamId: string | null = null, from = '2026-09-01'): Promise<ProgressFacts> => {
    const result = await build({ actor: actorOf(world, who, role, teamId), personId: world.ids.nadia, from });
    if (!result.ok) throw new Error(`expected a summary, got ${result.code}`);
    return progressFactsSchema.parse(result.value.facts);
  };

  beforeAll(async () => {
    handle = await open();
    await truncateAll(handle);
    world = await seedWorld(handle);
    await seedPath(handle, world);
    build = createBuildProgressSummary({ progressStore: new DrizzleProgressStore(handle.db), clock, defaultTimezone: 'Europe/Paris' });
  });
  afterAll(async () => handle.close());

  it('computes attendance and punctuality per month from confirmed records only', async () => {
    const facts = await factsFor('cip1', 'cip');
    const planned = plannedAttendance();
    const months = [...new Set(planned.map((d) => d.date.slice(0, 7)))];
    const expected = months.map((month) => {
      const inMonth = planned.filter((d) => d.date.startsWith(month));
      const n = (s: Status) => inMonth.filter((d) => d.status === s).length;
      const attended = inMonth.length - n('absent');
      return {
        month, days: inMonth.length, present: n('present'), late: n('late'), leftEarly: n('left_early'), absent: n('absent'),
        excusedAbsences: inMonth.filter((d) => d.excused === true).length,
        attendanceRate: Math.round((100 * attended) / inMonth.length), punctualityRate: Math.round((100 * (attended - n('late'))) / attended),
      };
    });
    expect(facts.attendance.months).toEqual(expected);
    expect(facts.attendance.total.days).toBe(planned.length);
    expect(facts.attendance.exceptions).toHaveLength(planned.filter((d) => d.status !== 'present').length);
    expect(facts.attendance.exceptions.every((e) => e.source.authorName === 'Bruno Carrel' && e.source.type === 'attendance')).toBe(true);
    const [, oct, nov] = expected;
    const diff = nov!.attendanceRate - oct!.attendanceRate;
    expect(facts.attendance.attendanceTrend).toBe(diff >= 5 ? 'up' : diff <= -5 ? 'down' : 'stable');
  });

  it('gives contract dates and the time left', async () => {
    const facts = await factsFor('cip1', 'cip');
    expect(facts.contract).toMatchObject({ start: '2026-03-02', end: '2027-03-01', daysLeft: 106, monthsLeft: 3 });
    expect(facts.period).toEqual({ from: '2026-09-01', to: '2026-11-15' });
  });

  it('groups observations by category, says what improved and quotes dated facts with their author', async () => {
    const facts = await factsFor('cip1', 'cip');
    expect(facts.observations.map((c) => c.category)).toEqual(['logement', 'mobilite', 'ponctualite', 'qualite', 'sante']);
    const ponctualite = facts.observations.find((c) => c.category === 'ponctualite')!;
    expect(ponctualite).toMatchObject({ positive: 3, negative: 3, neutral: 0, evolution: 'improved' });
    expect(ponctualite.months).toEqual([
      { month: '2026-09', positive: 0, negative: 3, neutral: 0 }, { month: '2026-11', positive: 3, negative: 0, neutral: 0 },
    ]);
    expect(ponctualite.quotes.map((q) => [q.source.date, q.text])).toEqual([
      ['2026-09-03', 'arrivée en retard de 20 minutes'], ['2026-09-17', 'retard, bus raté'], ['2026-11-10', 'ponctuelle'],
    ]);
    expect(ponctualite.quotes[0]!.source).toMatchObject({ type: 'observation', authorName: 'Bruno Carrel' });
    expect(facts.observations.find((c) => c.category === 'qualite')!.evolution).toBe('insufficient');
    expect(facts.counts).toMatchObject({ observations: 10, positiveObservations: 4, negativeObservations: 6 });
  });

  it('never counts drafts: notes, evaluations or incidents not confirmed', async () => {
    const facts = await factsFor('dir', 'direction');
    expect(facts.observations.find((c) => c.category === 'consignes')).toBeUndefined();
    expect(facts.attendance.exceptions.filter((e) => ['2026-10-15', '2026-10-16'].includes(e.source.date) && e.status === 'absent')
      .length).toBe(plannedAttendance().filter((d) => ['2026-10-15', '2026-10-16'].includes(d.date) && d.status === 'absent').length);
    const haies = facts.skills.find((s) => s.skill === 'Taille de haies')!;
    expect(haies).toMatchObject({ first: 'en_cours', current: 'acquis', progression: 'up' });
    expect(haies.history.map((h) => h.level)).toEqual(['en_cours', 'acquis']);
    expect(facts.incidents.map((i) => i.text)).toEqual(['dispute avec un collègue au dépôt']);
  });

  it('lists skills, freins and atouts, objectives with actions, incidents, alerts and the salarié’s own words', async () => {
    const facts = await factsFor('cip1', 'cip');
    expect(facts.skills.map((s) => [s.skill, s.current, s.progression])).toEqual([['Taille de haies', 'acquis', 'up'], ['Tonte', 'non_acquis', 'unknown']]);
    expect(facts.situations.map((s) => [s.theme, s.kind, s.intensity])).toEqual([['logement', 'frein', '++'], ['mobilite', 'atout', null], ['sante', 'frein', '+']]);
    expect(facts.objectives.map((o) => [o.label, o.consentGiven, o.consentOn, o.actions.map((a) => a.label)])).toEqual([
      ['Trouver une solution de transport le samedi', true, '2026-10-06', ['Demander la carte de bus solidaire']],
      ['Préparer son CV', false, null, []],
    ]);
    expect(facts.counts).toMatchObject({ objectivesInProgress: 2, overdueObjectives: 1, activeFreins: 2, atouts: 1, incidents: 1, alerts: 1, openAlerts: 1 });
    expect(facts.alerts[0]).toMatchObject({ kind: 'sante', status: 'open', source: { date: '2026-10-12', authorName: 'Bruno Carrel' } });
    expect(facts.ownWords.map((w) => [w.origin, w.source.date])).toEqual([
      ['bilan', '2026-04-01'], ['self_assessment', '2026-09-15'], ['observation', '2026-10-02'],
    ]);
    expect(facts.bilans).toEqual([expect.objectContaining({ kind: 'integration', salarieAgreement: true })]);
    expect(facts.withheld).toBe(false);
  });

  it('restricts the period when asked', async () => {
    const facts = await factsFor('cip1', 'cip', null, '2026-11-01');
    expect(facts.attendance.months.map((m) => m.month)).toEqual(['2026-11']);
    expect(facts.observations.find((c) => c.category === 'ponctualite')).toMatchObject({ positive: 3, negative: 0 });
  });

  it('keeps a narrative that only restates facts and drops one that invents a figure or a quote', async () => {
    const store = new DrizzleProgressStore(handle.db);
    const actor = actorOf(world, 'cip1', 'cip');
    const withRules = createBuildProgressSummary({ progressStore: store, clock, defaultTimezone: 'Europe/Paris', narrator: new RulesProgressNarrator() });
    const kept = await withRules({ actor, personId: world.ids.nadia, from: '2026-09-01' });
    expect(kept.ok && kept.value.narrative?.text).toContain('Nadia est en contrat jusqu’au 1 mars 2027, soit 106 jours restants.');
    expect(kept.ok && kept.value.narrative?.text).toContain('Progrès observés : ponctualité.');
    for (const invented of ['Nadia a eu 41 retards.', 'Nadia a dit « je veux partir ».']) {
      const liar: ProgressNarrator = { narrate: async () => ok({ text: invented, engine: 'llm' }) };
      const lying = createBuildProgressSummary({ progressStore: store, clock, defaultTimezone: 'Europe/Paris', narrator: liar });
      const dropped = await lying({ actor, personId: world.ids.nadia, from: '2026-09-01' });
      expect(dropped.ok && { narrative: dropped.value.narrative, rejected: dropped.value.narrativeRejected }).toEqual({ narrative: null, rejected: true });
    }
  });
});
