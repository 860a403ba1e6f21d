import { eq } from 'drizzle-orm';
import { createImportRoster } from '../../src/core/use-cases/import-roster/import-roster.js';
import { createListRoster } from '../../src/core/use-cases/list-roster/list-roster.js';
import type { RawRosterRow } from '../../src/core/roster/roster-row.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { people } from '../../src/storage/schema/index.js';
import { DrizzleRosterStore } from '../../src/storage/stores/drizzle-roster-store.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const lines = (rows: RawRosterRow[]) => rows.map((raw, i) => ({ line: i + 2, raw }));

const base: RawRosterRow[] = [
  { id: 'c01', firstName: 'Leïla', lastName: 'Bensaïd', role: 'cip' },
  { id: 'e01', firstName: 'Éric', lastName: 'Garnier', team: 'Espaces verts', role: 'encadrant' },
  { id: 's01', firstName: 'Karim', lastName: 'Benali', team: 'Espaces verts', role: 'salarié', referent: 'Leïla' },
  { id: 's02', firstName: 'Awa', lastName: 'Diallo', team: 'Recyclerie', role: 'salarie', referent: 'c01', aliases: 'Awa D' },
];

describe.each(databaseTargets())('roster import on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let store: DrizzleRosterStore;
  let importRoster: ReturnType<typeof createImportRoster>;
  let listRoster: ReturnType<typeof createListRoster>;

  beforeAll(async () => {
    handle = await open();
    store = new DrizzleRosterStore(handle.db, 'Europe/Paris');
    importRoster = createImportRoster({ rosterStore: store });
    listRoster = createListRoster({ rosterStore: store });
  });
  afterAll(async () => handle.close());
  beforeEach(async () => truncateAll(handle));

  it('imports people with their team, role and referent', async () => {
    const result = await importRoster({ lines: lines(base) });
    expect(result.ok && result.value).toMatchObject({ created: 4, updated: 0, unchanged: 0, rejected: [], teams: ['Espaces verts', 'Recyclerie'] });
    const listing = await listRoster();
    const karim = listing.people.find((p) => p.rosterKey === 's01')!;
    const leila = listing.people.find((p) => p.rosterKey === 'c01')!;
    expect(karim.referentCipId).toBe(leila.id);
    expect(listing.teams.find((t) => t.id === karim.teamId)).toMatchObject({ key: 'espaces-verts', activity: 'espaces_verts' });
    expect(listing.people.find((p) => p.rosterKey === 's02')).toMatchObject({ aliases: ['Awa D'], referentCipId: leila.id });
  });

  it('is idempotent, and updates without duplicating', async () => {
    await importRoster({ lines: lines(base) });
    const again = await importRoster({ lines: lines(base) });
    expect(again.ok && again.value).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
    const changed = base.map((r) => (r.id === 's01' ? { ...r, team: 'Recyclerie', aliases: 'Kader' } : r));
    const update = await importRoster({ lines: lines(changed) });
    expect(update.ok && update.value).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
    const rows = await handle.db.select().from(people).where(eq(people.rosterKey, 's01'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.aliases).toEqual(['Kader']);
    expect((await listRoster({ teamKey: 'recyclerie' })).people.map((p) => p.rosterKey).sort()).toEqual(['s01', 's02']);
  });

  it('matches people without an id by name across imports', async () => {
    const noIds: RawRosterRow[] = [{ firstName: 'Hélène', lastName: 'Roy', team: 'Maraîchage' }];
    await importRoster({ lines: lines(noIds) });
    const again = await importRoster({ lines: lines([{ firstName: 'HELENE', lastName: 'Roy', team: 'Maraîchage' }]) });
    expect(again.ok && again.value.created).toBe(0);
  });

  it('lists rejected lines with their reason and still imports the valid ones', async () => {
    const result = await importRoster({ lines: lines([
      ...base,
      { id: 's09', firstName: '', lastName: '' },
      { id: 's10', firstName: 'Zoé', lastName: 'Petit', role: 'pilote' },
      { id: 's01', firstName: 'Karim', lastName: 'Doublon' },
      { id: 's11', firstName: 'Tom', lastName: 'Blanc', referent: 'Personne Inconnue' },
    ]) });
    expect(result.ok && result.value.rejected).toEqual([
      { line: 6, reason: 'missing_name' },
      { line: 7, reason: 'unknown_role', value: 'pilote' },
      { line: 8, reason: 'duplicate_id', value: 's01', other: 4 },
    ]);
    expect(result.ok && result.value.warnings).toEqual([{ line: 9, reason: 'unknown_referent', value: 'Personne Inconnue' }]);
    expect((await listRoster()).people).toHaveLength(5);
  });

  it('writes nothing when the store fails half-way', async () => {
    const structure = await store.defaultStructure();
    const person = (key: string) => ({
      rosterKey: key, firstName: 'A', lastName: key, aliases: [], role: 'salarie' as const, teamKey: 'x', referentRosterKey: null,
      email: null, phone: null, contractStart: null, contractEnd: null,
    });
    // 250 people: the second batch holds a duplicate key and fails inside the transaction.
    const many = Array.from({ length: 250 }, (_, i) => person(`k${i}`));
    many.push(person('k1'));
    await expect(store.applyRosterChanges({
      structureId: structure.id, teamsToCreate: [{ key: 'x', name: 'X', activity: 'autre' }], peopleToCreate: many, peopleToUpdate: [],
    })).rejects.toThrow();
    expect(await store.listPeople(structure.id)).toEqual([]);
    expect(await store.listTeams(structure.id)).toEqual([]);
  });

  it('reports progress while writing', async () => {
    const calls: Array<[number, number]> = [];
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `p${i}`, firstName: 'P', lastName: `N${i}` }));
    await importRoster({ lines: lines(many), onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([450, 450]);
    expect(calls.length).toBeGreaterThan(1);
  });
});
