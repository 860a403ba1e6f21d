import { performance } from 'node:perf_hooks';
import { and, count, eq, gte, lte } from 'drizzle-orm';
import { ChartJsProgressCharts } from '../../src/charts/chartjs-progress-charts.js';
import { addDays } from '../../src/core/domain/business-date.js';
import type { Actor } from '../../src/core/domain/actor.js';
import { createBuildProgressSummary } from '../../src/core/use-cases/build-progress-summary/build-progress-summary.js';
import { generateHistory } from '../../src/demo/demo-history.js';
import { PdfKitProgressDocuments } from '../../src/documents/progress-documents-renderer.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { openPglite } from '../../src/storage/open-pglite.js';
import { attendance, people, structures, teams } from '../../src/storage/schema/index.js';
import { DrizzlePathHistoryWriter } from '../../src/storage/stores/drizzle-path-history-writer.js';
import { DrizzleProgressStore } from '../../src/storage/stores/drizzle-progress-store.js';
import { DrizzleRosterStore } from '../../src/storage/stores/drizzle-roster-store.js';
import { percentile, round, sample, type BenchRow, type BenchSuite } from '../bench-kit.js';
import { benchDatabaseUrl, withPostgres } from '../bench-postgres.js';

/**
 * Two years of daily records for 300 salariés (20 teams of 15), then the time to
 * build one summary's facts on PGlite and on PostgreSQL, against a single indexed
 * count on the same person measured in the same run; and the time to draw the
 * charts and render the PDF.
 */
const TODAY = '2026-11-15';
const TEAMS = 20;
const PER_TEAM = 15;
const ITERATIONS = 60;
const SUITE = 'progress-summary';
const clock = { now: () => new Date(`${TODAY}T10:00:00Z`) };

async function seed(handle: DatabaseHandle): Promise<{ actor: Actor; salaries: string[]; seconds: number; rows: number }> {
  const start = performance.now();
  const db = handle.db;
  const [s] = await db.insert(structures).values({ name: 'Bench' }).returning();
  const [direction] = await db.insert(people).values({ structureId: s!.id, rosterKey: 'dir', firstName: 'Dir', lastName: 'Ection', role: 'direction' }).returning();
  const cips = await db.insert(people).values([1, 2, 3, 4, 5].map((i) => ({ structureId: s!.id, rosterKey: `cip${i}`, firstName: 'Cip', lastName: `N${i}`, role: 'cip' }))).returning();
  for (let t = 0; t < TEAMS; t++) {
    const [team] = await db.insert(teams).values({ structureId: s!.id, key: `team-${t}`, name: `Équipe ${t}`, activity: t % 2 === 0 ? 'espaces_verts' : 'recyclerie' }).returning();
    await db.insert(people).values([
      { structureId: s!.id, rosterKey: `eti${t}`, firstName: 'Eti', lastName: `T${t}`, role: 'encadrant', teamId: team!.id },
      ...Array.from({ length: PER_TEAM }, (_, i) => ({
        structureId: s!.id, rosterKey: `s${t}-${i}`, firstName: `Salarié${i}`, lastName: `T${t}`, role: 'salarie', teamId: team!.id,
        referentCipId: cips[(t * PER_TEAM + i) % cips.length]!.id, contractStart: addDays(TODAY, -730), contractEnd: addDays(TODAY, 60),
      })),
    ]);
  }
  const roster = new DrizzleRosterStore(db, 'Europe/Paris');
  const everyone = await roster.listPeople(s!.id);
  const plan = generateHistory({ people: everyone, teams: await roster.listTeams(s!.id), today: TODAY, maxDays: 730, seed: 9 });
  await new DrizzlePathHistoryWriter(db).write(plan);
  const rows = Object.values(plan).reduce((n, list) => n + (list as unknown[]).length, 0);
  const salaries = everyone.filter((p) => p.role === 'salarie').map((p) => p.id);
  return { actor: { personId: direction!.id, role: 'direction', structureId: s!.id, teamId: null, door: 'system' }, salaries, seconds: (performance.now() - start) / 1000, rows };
}

async function measure(target: string, handle: DatabaseHandle, goal: boolean): Promise<BenchRow[]> {
  const seeded = await seed(handle);
  const build = createBuildProgressSummary({ progressStore: new DrizzleProgressStore(handle.db), clock, defaultTimezone: 'Europe/Paris' });
  let i = 0;
  const next = () => seeded.salaries[(i++ * 37) % seeded.salaries.length]!;
  const facts = await sample(async () => {
    const r = await build({ actor: seeded.actor, personId: next(), withNarrative: false });
    if (!r.ok) throw new Error(r.code);
  }, ITERATIONS, 5);
  const from = addDays(TODAY, -730);
  const baseline = await sample(() => handle.db.select({ n: count() }).from(attendance)
    .where(and(eq(attendance.personId, next()), gte(attendance.date, from), lte(attendance.date, TODAY))), ITERATIONS, 5);
  const p95 = percentile(facts, 95);
  const base = percentile(baseline, 50);
  return [
    { suite: SUITE, name: `${target}: seed 2 years × 300 salariés (${seeded.rows} rows)`, value: round(seeded.seconds, 1), unit: 's' },
    { suite: SUITE, name: `${target}: summary facts p50`, value: round(percentile(facts, 50)), unit: 'ms', baseline: round(base), ratio: round(percentile(facts, 50) / base, 1) },
    {
      suite: SUITE, name: `${target}: summary facts p95`, value: round(p95), unit: 'ms', baseline: round(base), ratio: round(p95 / base, 1),
      ...(goal ? { target: 'p95 < 200 ms', met: p95 < 200 } : {}),
    },
  ];
}

async function renders(handle: DatabaseHandle): Promise<BenchRow[]> {
  const seeded = { store: new DrizzleProgressStore(handle.db) };
  const [any] = await handle.db.select({ id: people.id, structureId: people.structureId }).from(people).where(eq(people.role, 'salarie')).limit(1);
  const build = createBuildProgressSummary({ progressStore: seeded.store, clock, defaultTimezone: 'Europe/Paris' });
  const actor: Actor = { personId: 'bench', role: 'direction', structureId: any!.structureId, teamId: null, door: 'system' };
  const summary = await build({ actor, personId: any!.id, withNarrative: false });
  if (!summary.ok) throw new Error(summary.code);
  const charts = new ChartJsProgressCharts();
  const documents = new PdfKitProgressDocuments();
  let pngs = { attendance: null as Uint8Array | null, skills: null as Uint8Array | null };
  const chartTimes = await sample(async () => {
    pngs = { attendance: await charts.attendance(summary.value.facts, 'fr'), skills: await charts.skills(summary.value.facts, 'fr') };
  }, 10, 2);
  const input = { kind: 'intermediaire' as const, facts: summary.value.facts, narrative: null, bilan: null, charts: pngs, names: {}, locale: 'fr' as const, generatedOn: TODAY };
  const pdf = await sample(() => documents.render(input, 'pdf'), 10, 2);
  const markdown = await sample(() => documents.render(input, 'markdown'), 10, 2);
  const md = percentile(markdown, 50);
  return [
    { suite: SUITE, name: 'charts (attendance + skills PNG) p50', value: round(percentile(chartTimes, 50)), unit: 'ms', baseline: round(md), ratio: round(percentile(chartTimes, 50) / md, 1) },
    { suite: SUITE, name: 'bilan PDF with charts p50', value: round(percentile(pdf, 50)), unit: 'ms', baseline: round(md), ratio: round(percentile(pdf, 50) / md, 1) },
    { suite: SUITE, name: 'same bilan as Markdown p50 (render baseline)', value: round(md), unit: 'ms' },
  ];
}

export const suite: BenchSuite = {
  name: SUITE,
  async run() {
    const rows: BenchRow[] = [];
    const pglite = await openPglite(undefined);
    try {
      await pglite.migrate();
      rows.push(...await measure('PGlite', pglite, false), ...await renders(pglite));
    } finally {
      await pglite.close();
    }
    const url = benchDatabaseUrl();
    if (url) rows.push(...await withPostgres(url, (handle) => measure('PostgreSQL', handle, true)));
    else rows.push({ suite: SUITE, name: 'PostgreSQL: skipped (set TEST_DATABASE_URL or RELAIS_BENCH_DATABASE_URL)', value: 0, unit: '-' });
    return rows;
  },
};
