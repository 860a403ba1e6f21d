import { join } from 'node:path';
import { createCaptureObjective } from '../../src/core/use-cases/capture-objective/capture-objective.js';
import { createCreateObjective } from '../../src/core/use-cases/create-objective/create-objective.js';
import { createBuildProgressSummary } from '../../src/core/use-cases/build-progress-summary/build-progress-summary.js';
import { createRecordBilan } from '../../src/core/use-cases/record-bilan/record-bilan.js';
import { createListDueObjectives } from '../../src/core/use-cases/list-due-objectives/list-due-objectives.js';
import { createUpdateObjective } from '../../src/core/use-cases/update-objective/update-objective.js';
import { FileCarnetReferential } from '../../src/language/carnet-referential-file.js';
import { FrenchObjectiveReader } from '../../src/language/french-objective-reader.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { bilans, objectives } from '../../src/storage/schema/index.js';
import { DrizzleBilanStore } from '../../src/storage/stores/drizzle-bilan-store.js';
import { DrizzleObjectiveStore } from '../../src/storage/stores/drizzle-objective-store.js';
import { DrizzleProgressStore } from '../../src/storage/stores/drizzle-progress-store.js';
import { DrizzleRosterStore } from '../../src/storage/stores/drizzle-roster-store.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';
import { sharedDir } from '../support/test-paths.js';

warnIfPostgresSkipped();

let now = new Date('2026-11-15T10:00:00Z');
const clock = { now: () => now };

describe.each(databaseTargets())('objectives and actions on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  let createObjective: ReturnType<typeof createCreateObjective>;
  let updateObjective: ReturnType<typeof createUpdateObjective>;
  let captureObjective: ReturnType<typeof createCaptureObjective>;
  let due: ReturnType<typeof createListDueObjectives>;
  let recordBilan: ReturnType<typeof createRecordBilan>;

  beforeAll(async () => {
    handle = await open();
    const objectiveStore = new DrizzleObjectiveStore(handle.db);
    const progressStore = new DrizzleProgressStore(handle.db);
    const referential = new FileCarnetReferential(join(sharedDir, 'domain/carnet-de-bord-referentiel.tsv'));
    createObjective = createCreateObjective({ objectiveStore, progressStore, referential, clock });
    updateObjective = createUpdateObjective({ objectiveStore, progressStore, clock });
    captureObjective = createCaptureObjective({
      reader: new FrenchObjectiveReader(), rosterStore: new DrizzleRosterStore(handle.db, 'Europe/Paris'), createObjective, referential, clock, defaultTimezone: 'Europe/Paris',
    });
    due = createListDueObjectives({ objectiveStore, clock, defaultTimezone: 'Europe/Paris' });
    recordBilan = createRecordBilan({ progressStore, bilanStore: new DrizzleBilanStore(handle.db), createObjective });
  });
  beforeEach(async () => {
    now = new Date('2026-11-15T10:00:00Z');
    await truncateAll(handle);
    world = await seedWorld(handle);
  });
  afterAll(async () => handle.close());

  const cip = () => actorOf(world, 'cip1', 'cip');

  it('creates an objective with consent, actions and history, then records each change', async () => {
    const created = await createObjective({
      actor: cip(), personId: world.ids.nadia, theme: 'mobilite', label: ' Obtenir le  permis ', dueOn: '2027-03-31', consentGiven: true,
      actions: [{ label: 'Bourse au permis', dueOn: '2026-12-15' }, { label: 'Inscription au code', dueOn: null }, { label: 'Examen du code', dueOn: null }],
    });
    if (!created.ok) throw new Error(created.code);
    const summary = await createBuildProgressSummary({ progressStore: new DrizzleProgressStore(handle.db), clock, defaultTimezone: 'Europe/Paris' })(
      { actor: cip(), personId: world.ids.nadia });
    expect(summary.ok && summary.value.facts.objectives.map((o) => [o.label, o.actions.map((a) => a.label)]))
      .toEqual([['Obtenir le permis', ['Bourse au permis', 'Inscription au code', 'Examen du code']]]);
    expect(created.value).toMatchObject({
      label: 'Obtenir le permis', status: 'en_cours', consentGiven: true, consentAt: '2026-11-15T10:00:00.000Z',
      history: [{ at: '2026-11-15T10:00:00.000Z', by: world.ids.cip1, change: 'created', to: 'en_cours' }],
      actions: [{ label: 'Bourse au permis', status: 'en_projet', dueOn: '2026-12-15' }, { label: 'Inscription au code' }, { label: 'Examen du code' }],
    });
    now = new Date('2026-12-01T09:00:00Z');
    const actionId = created.value.actions[0]!.id;
    await updateObjective({ actor: cip(), objectiveId: created.value.id, change: { kind: 'action_status', actionId, status: 'en_cours' } });
    await updateObjective({ actor: cip(), objectiveId: created.value.id, change: { kind: 'add_action', label: 'Inscription auto-école' } });
    const done = await updateObjective({ actor: cip(), objectiveId: created.value.id, change: { kind: 'status', status: 'realise' } });
    if (!done.ok) throw new Error(done.code);
    expect(done.value.status).toBe('realise');
    expect(done.value.history.map((h) => [h.change, h.from ?? null, h.to])).toEqual([
      ['created', null, 'en_cours'], ['action_added', null, 'Inscription auto-école'], ['status', 'en_cours', 'realise'],
    ]);
    expect(done.value.actions.map((a) => [a.label, a.status, a.history.at(-1)?.to])).toEqual([
      ['Bourse au permis', 'en_cours', 'en_cours'], ['Inscription au code', 'en_projet', 'en_projet'], ['Examen du code', 'en_projet', 'en_projet'],
      ['Inscription auto-école', 'en_projet', 'en_projet'],
    ]);
    expect(await updateObjective({ actor: cip(), objectiveId: created.value.id, change: { kind: 'status', status: 'realise' } }))
      .toMatchObject({ ok: false, code: 'objective.invalid_change' });
  });

  it('records consent given later, with its date', async () => {
    const created = await createObjective({ actor: cip(), personId: world.ids.nadia, theme: 'logement', label: 'Accéder à un logement', consentGiven: false });
    expect(created.ok && created.value.consentAt).toBeNull();
    now = new Date('2026-11-20T14:00:00Z');
    const agreed = await updateObjective({ actor: cip(), objectiveId: created.ok ? created.value.id : '', change: { kind: 'consent' } });
    expect(agreed.ok && [agreed.value.consentGiven, agreed.value.consentAt]).toEqual([true, '2026-11-20T14:00:00.000Z']);
  });

  it('refuses unknown themes, empty labels, bad dates and people the requester may not touch', async () => {
    const base = { actor: cip(), personId: world.ids.nadia, theme: 'mobilite', label: 'Code', consentGiven: true };
    expect(await createObjective({ ...base, theme: 'astrologie' })).toMatchObject({ ok: false, code: 'objective.theme_unknown' });
    expect(await createObjective({ ...base, label: '  ' })).toMatchObject({ ok: false, code: 'objective.label_missing' });
    expect(await createObjective({ ...base, dueOn: '2027-02-30' })).toMatchObject({ ok: false, code: 'objective.bad_date' });
    expect(await createObjective({ ...base, actor: actorOf(world, 'etiRc', 'encadrant', world.teams.rc) })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await createObjective({ ...base, actor: actorOf(world, 'cip2', 'cip') })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await createObjective({ ...base, personId: world.ids.etiEv })).toMatchObject({ ok: false, code: 'person.not_salarie' });
  });

  it('captures « objectif pour Nadia : passer le code d’ici mars » and proposes reference actions', async () => {
    const captured = await captureObjective({ actor: cip(), text: "objectif pour Nadia : passer le code d'ici mars", consentGiven: true });
    if (!captured.ok) throw new Error(captured.code);
    expect(captured.value.personName).toBe('Nadia Haddad');
    expect(captured.value.objective).toMatchObject({ personId: world.ids.nadia, theme: 'mobilite', label: 'Passer le code', dueOn: '2027-03-31', consentGiven: true });
    expect(captured.value.suggestedActions).toContain('Bourse au permis');
    expect(await captureObjective({ actor: cip(), text: 'objectif pour Zoé : passer le code', consentGiven: false })).toMatchObject({ ok: false, code: 'objective.person_unknown' });
    expect(await captureObjective({ actor: cip(), text: 'objectif pour Nadia : prendre rendez-vous', consentGiven: false })).toMatchObject({ ok: false, code: 'objective.theme_needed' });
    expect((await captureObjective({ actor: cip(), text: 'objectif pour Nadia : prendre rendez-vous', consentGiven: false, theme: 'sante' })).ok).toBe(true);
  });

  it('lists due objectives for the CIP who follows the salarié, and groups reminders by CIP', async () => {
    const make = (personId: string, label: string, dueOn: string, theme = 'trouver_un_emploi') =>
      createObjective({ actor: actorOf(world, 'dir', 'direction'), personId, theme, label, dueOn, consentGiven: true });
    await make(world.ids.nadia, 'En retard', '2026-11-01');
    await make(world.ids.nadia, 'Bientôt', '2026-11-25');
    await make(world.ids.nadia, 'Plus tard', '2027-02-01');
    await make(world.ids.karim, 'Karim bientôt', '2026-11-20', 'logement');
    const mine = await due.listDueObjectives({ actor: cip() });
    expect(mine.ok && mine.value.map((o) => [o.label, o.overdue, o.personName])).toEqual([['En retard', true, 'Nadia Haddad'], ['Bientôt', false, 'Nadia Haddad']]);
    const direction = await due.listDueObjectives({ actor: actorOf(world, 'dir', 'direction'), withinDays: 7 });
    expect(direction.ok && direction.value.map((o) => o.label)).toEqual(['En retard', 'Karim bientôt']);
    const eti = await due.listDueObjectives({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev) });
    expect(eti.ok && eti.value.map((o) => o.label)).toEqual(['En retard', 'Bientôt']);
    expect(await due.listDueObjectives({ actor: actorOf(world, 'admin', 'admin') })).toMatchObject({ ok: false, code: 'access.denied' });
    const reminders = await due.remindersByCip(world.structureId);
    expect([...reminders.entries()].map(([cipId, list]) => [cipId, list.map((o) => o.label)])).toEqual([
      [world.ids.cip1, ['En retard', 'Bientôt']], [world.ids.cip2, ['Karim bientôt']],
    ]);
  });

  it('creates the objectives agreed in a bilan with its id, and writes nothing when one of them is wrong', async () => {
    const bilan = { kind: 'integration' as const, date: '2026-11-14', salarieAgreement: true };
    const wrong = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan, objectives: [
      { theme: 'mobilite', label: 'Passer le code', consentGiven: true }, { theme: 'astrologie', label: 'Lire les étoiles', consentGiven: true },
    ] });
    expect(wrong).toMatchObject({ ok: false, code: 'objective.theme_unknown' });
    expect([(await handle.db.select().from(bilans)).length, (await handle.db.select().from(objectives)).length]).toEqual([0, 0]);
    const recorded = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan, objectives: [
      { theme: 'mobilite', label: 'Passer le code', dueOn: '2027-03-31', consentGiven: true },
    ] });
    if (!recorded.ok) throw new Error(recorded.code);
    const rows = await handle.db.select().from(objectives);
    expect(rows.map((o) => [o.label, o.bilanId, o.consentGiven])).toEqual([['Passer le code', recorded.value.id, true]]);
    expect(recorded.value.objectiveIds).toEqual([rows[0]!.id]);
  });
});
