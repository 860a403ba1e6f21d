import type { Role } from '../../src/core/domain/taxonomy.js';
import type { ProgressFacts } from '../../src/core/progress/progress-facts.js';
import { createBuildProgressSummary } from '../../src/core/use-cases/build-progress-summary/build-progress-summary.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleProgressStore } from '../../src/storage/stores/drizzle-progress-store.js';
import { seedPath } from '../support/progress-path.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const clock = { now: () => new Date('2026-11-15T10:00:00Z') };

/** What each requester sees of Nadia's path: role × relation (referent, own team, other team) × sensitivity. */
interface Seen {
  readonly categories: string[];
  readonly situations: string[];
  readonly objectives: string[];
  readonly alerts: number;
  readonly bilans: number;
  readonly ownWords: string[];
  readonly withheld: boolean;
}

const seen = (f: ProgressFacts): Seen => ({
  categories: f.observations.map((c) => c.category),
  situations: f.situations.map((s) => s.theme),
  objectives: f.objectives.map((o) => o.theme),
  alerts: f.alerts.length,
  bilans: f.bilans.length,
  ownWords: f.ownWords.map((w) => w.origin),
  withheld: f.withheld,
});

const everything: Seen = {
  categories: ['logement', 'mobilite', 'ponctualite', 'qualite', 'sante'], situations: ['logement', 'mobilite', 'sante'],
  objectives: ['mobilite', 'preparer_sa_candidature'], alerts: 1, bilans: 1, ownWords: ['bilan', 'self_assessment', 'observation'], withheld: false,
};

type Case = [label: string, who: keyof World['ids'], role: Role, team: 'ev' | 'rc' | null, expected: Seen | string];
const matrix: Case[] = [
  ['referent CIP: everything', 'cip1', 'cip', null, everything],
  ['direction: everything', 'dir', 'direction', null, everything],
  ['another CIP: team-level facts only', 'cip2', 'cip', null, {
    categories: ['ponctualite', 'qualite'], situations: [], objectives: ['preparer_sa_candidature'], alerts: 0, bilans: 0,
    ownWords: ['self_assessment'], withheld: true,
  }],
  ['encadrant of her team: team facts and the freins he wrote, never health', 'etiEv', 'encadrant', 'ev', {
    categories: ['logement', 'ponctualite', 'qualite'], situations: ['mobilite'], objectives: ['preparer_sa_candidature'], alerts: 0, bilans: 0,
    ownWords: ['self_assessment', 'observation'], withheld: true,
  }],
  ['encadrant of another team: refused', 'etiRc', 'encadrant', 'rc', 'access.denied'],
  ['administrator: refused (no content)', 'admin', 'admin', null, 'access.denied'],
  ['a salarié: refused', 'karim', 'salarie', 'rc', 'access.denied'],
  ['direction of another structure: not found', 'outsider', 'direction', null, 'person.not_found'],
];

describe.each(databaseTargets())('progress summary access on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  let build: ReturnType<typeof createBuildProgressSummary>;

  beforeAll(async () => {
    handle = await open();
    await truncateAll(handle);
    world = await seedWorld(handle);
    await seedPath(handle, world);
    build = createBuildProgressSummary({ progressStore: new DrizzleProgressStore(handle.db), clock, defaultTimezone: 'Europe/Paris' });
  });
  afterAll(async () => handle.close());

  it.each(matrix)('%s', async (_label, who, role, team, expected) => {
    const actor = actorOf(world, who, role, team === null ? null : world.teams[team]);
    const result = await build({ actor, personId: world.ids.nadia, from: '2026-09-01' });
    if (typeof expected === 'string') {
      expect(result).toMatchObject({ ok: false, code: expected });
      return;
    }
    expect(result.ok && seen(result.value.facts)).toEqual(expected);
  });

  it('never lets special content reach an encadrant, even in quotes or own words', async () => {
    const result = await build({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev), personId: world.ids.nadia, from: '2026-09-01' });
    const text = JSON.stringify(result.ok && result.value.facts);
    expect(text).not.toContain('arrêt maladie');
    expect(text).not.toContain('douleurs');
    expect(text).not.toContain('Hébergé chez un tiers');
  });

  it('refuses a summary of someone who is not a salarié, and of an unknown id', async () => {
    const cip = actorOf(world, 'cip1', 'cip');
    expect(await build({ actor: cip, personId: world.ids.etiEv })).toMatchObject({ ok: false, code: 'person.not_salarie' });
    expect(await build({ actor: cip, personId: 'nobody' })).toMatchObject({ ok: false, code: 'person.not_found' });
    expect(await build({ actor: cip, personId: world.ids.nadia, from: '2026-12-01', to: '2026-11-01' })).toMatchObject({ ok: false, code: 'period.invalid' });
  });
});
