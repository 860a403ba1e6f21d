import { sql } from 'drizzle-orm';
import { createErasePersonData } from '../../src/core/use-cases/erase-person-data/erase-person-data.js';
import { createExportPersonData } from '../../src/core/use-cases/export-person-data/export-person-data.js';
import { PdfKitPersonDataDocuments } from '../../src/documents/person-data-pdf.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleAuditTrail } from '../../src/storage/audit/drizzle-audit-trail.js';
import { DrizzlePersonDataStore } from '../../src/storage/privacy/drizzle-person-data-store.js';
import { PERSON_DATA_COVERAGE } from '../../src/storage/privacy/person-data-coverage.js';
import {
  alerts, attendance, auditLog, bilans, inbox, incidents, learningSessionParticipants, learningSessions, objectives, observations, outbox,
  checkIns, platformIdentities, playgroundMessages, reminderPreferences, shiftNotes, situations, skillEvaluations,
} from '../../src/storage/schema/index.js';
import { pdfPages } from '../support/pdf-text.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const clock = { now: () => new Date('2026-11-20T09:00:00Z') };

/** Nadia Haddad (alias « Nad ») in every table that can hold a person, next to Karim's data that must survive her erasure. */
async function seedEverywhere(handle: DatabaseHandle, world: World): Promise<{ noteId: string }> {
  const db = handle.db;
  const { nadia, karim, etiEv, cip1 } = world.ids;
  await db.insert(platformIdentities).values({ platform: 'slack', workspaceId: 'T1', userId: 'U-NADIA', personId: nadia, displayName: 'nadia.h', linkedBy: etiEv });
  const [n] = await db.insert(shiftNotes).values({
    structureId: world.structureId, teamId: world.teams.ev, authorId: etiEv, shiftDate: '2026-11-10', status: 'confirmed', platform: 'slack', platformEventId: 'E1',
    rawText: 'Karim a bien travaillé au broyeur. Nadia en retard de 20 min, souci de bus. Nad a fini la haie avec Karim.',
    draft: { observations: [{ personId: nadia, evidence: 'Nadia en retard de 20 min' }, { personId: karim, evidence: 'Karim a bien travaillé' }] },
  }).returning();
  const noteId = n!.id;
  await db.insert(attendance).values([
    { noteId, personId: nadia, teamId: world.teams.ev, date: '2026-11-10', status: 'late', minutes: 20 },
    { noteId, personId: karim, teamId: world.teams.ev, date: '2026-11-10', status: 'present' },
  ]);
  await db.insert(observations).values([
    { noteId, personId: nadia, authorId: etiEv, date: '2026-11-10', category: 'mobilite', polarity: 'negative', evidence: 'souci de bus', sensitivity: 'restricted' },
    { noteId, personId: karim, authorId: etiEv, date: '2026-11-10', category: 'technique', polarity: 'positive', evidence: 'Karim a bien travaillé au broyeur', sensitivity: 'team' },
  ]);
  await db.insert(incidents).values({ noteId, teamId: world.teams.ev, date: '2026-11-10', kind: 'conflict', personIds: [nadia, karim], evidence: 'Dispute entre Nadia et Karim' });
  await db.insert(alerts).values({ noteId, personId: nadia, date: '2026-11-10', topic: 'sante', evidence: 'Nadia a fait un malaise', acknowledgedBy: cip1 });
  const [session] = await db.insert(learningSessions).values({ teamId: world.teams.ev, trainerId: etiEv, topic: 'Taille de haie', plan: { notes: 'Nadia montre le geste à Karim' } }).returning();
  await db.insert(learningSessionParticipants).values([{ sessionId: session!.id, personId: nadia }, { sessionId: session!.id, personId: karim }]);
  await db.insert(skillEvaluations).values({ personId: nadia, sessionId: session!.id, skillLabel: 'Taille', level: 'acquis', evaluatorId: etiEv, date: '2026-11-10', observedFact: 'taille seule' });
  await db.insert(situations).values({ personId: nadia, theme: 'sante', kind: 'frein', label: 'Santé', details: 'suivi médical', authorId: cip1 });
  await db.insert(objectives).values({ personId: nadia, theme: 'mobilite', label: 'Passer le permis', createdBy: cip1, history: [{ at: '2026-11-01', status: 'en_cours', by: cip1 }] });
  await db.insert(bilans).values({ personId: nadia, kind: 'integration', date: '2026-11-05', participants: [cip1, etiEv], salarieView: 'Je veux rester', createdBy: cip1 });
  await db.insert(inbox).values({ dedupeKey: 'slack:E1', kind: 'message', payload: { text: 'Nadia en retard de 20 min' }, status: 'done' });
  await db.insert(outbox).values({ dedupeKey: 'reply:E1:0', platform: 'slack', destination: { channel: 'C1' }, payload: { text: 'Brouillon : Nadia Haddad, retard' }, status: 'done' });
  await db.insert(playgroundMessages).values({ conversationId: `dm:${etiEv}`, author: etiEv, text: 'Nadia en retard' });
  await db.insert(reminderPreferences).values({ personId: nadia, off: true });
  await db.insert(checkIns).values([{ personId: nadia, date: '2026-11-16', state: 'confirmed' }, { personId: nadia, date: '2026-11-17', state: 'skipped' }]);
  await db.insert(auditLog).values({ door: 'cli', action: 'read', resourceType: 'progress-summary', subjectPersonId: nadia, actorId: cip1, prevHash: '0', hash: 'x' });
  return { noteId };
}

/** Every row of every Relais table, as JSON text: what a database dump would show. */
async function dump(handle: DatabaseHandle): Promise<Array<{ table: string; row: string }>> {
  const tables = (await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'relais' and tablename not like '__drizzle%'`)) as unknown as { rows: Array<{ tablename: string }> };
  const out: Array<{ table: string; row: string }> = [];
  for (const { tablename } of tables.rows) {
    const rows = (await handle.db.execute(sql.raw(`select row_to_json(t)::text as j from relais."${tablename}" t`))) as unknown as { rows: Array<{ j: string }> };
    out.push(...rows.rows.map((r) => ({ table: tablename, row: r.j })));
  }
  return out;
}

describe.each(databaseTargets())('GDPR export and erasure on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  let noteId: string;
  const build = () => {
    const personData = new DrizzlePersonDataStore(handle.db);
    const audit = new DrizzleAuditTrail(handle.db, clock);
    return {
      exportPersonData: createExportPersonData({ personData, documents: new PdfKitPersonDataDocuments(), clock, audit }),
      erasePersonData: createErasePersonData({ personData, clock }),
    };
  };

  beforeAll(async () => {
    handle = await open();
  });
  beforeEach(async () => {
    await truncateAll(handle);
    world = await seedWorld(handle);
    ({ noteId } = await seedEverywhere(handle, world));
  });
  afterAll(async () => handle.close());

  it('exports everything about Nadia, from every table that holds her, as JSON and a French PDF', async () => {
    const result = await build().exportPersonData({ actor: actorOf(world, 'dir', 'direction'), personId: world.ids.nadia });
    if (!result.ok) throw new Error(result.code);
    const tables = result.value.snapshot.tables.map((t) => t.table).sort();
    const seeded = PERSON_DATA_COVERAGE.map((c) => c.table).filter((t) => t !== 'production_entries').sort();
    expect(tables).toEqual(seeded);
    const json = JSON.parse(result.value.json) as { tables: Array<{ table: string; rows: Array<Record<string, unknown>> }> };
    const note = json.tables.find((t) => t.table === 'shift_notes')!.rows[0]!;
    // Only the sentences naming her, not Karim's.
    expect(note['raw_text']).toEqual(['Nadia en retard de 20 min, souci de bus.', 'Nad a fini la haie avec Karim.']);
    expect(JSON.stringify(json)).not.toContain('broyeur');
    expect(json.tables.find((t) => t.table === 'observations')!.rows.map((r) => r['evidence'])).toEqual(['souci de bus']);
    const pdf = (await pdfPages(Buffer.from(result.value.pdf))).join(' ');
    expect(pdf).toContain('Données personnelles — Nadia Haddad');
    expect(pdf).toContain('Freins et atouts');
    expect(pdf).toContain('suivi médical');
  });

  it('refuses an encadrant, a CIP and another structure', async () => {
    const uc = build();
    expect(await uc.exportPersonData({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await uc.erasePersonData({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await uc.exportPersonData({ actor: actorOf(world, 'outsider', 'direction'), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'person.not_found' });
    // Even her referent CIP: rights requests go through the direction or the administrator.
    expect(await uc.exportPersonData({ actor: actorOf(world, 'cip1', 'cip'), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await uc.erasePersonData({ actor: actorOf(world, 'cip1', 'cip'), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'access.denied' });
    expect((await dump(handle)).some((r) => r.row.includes('souci de bus'))).toBe(true);
  });

  it('erases Nadia everywhere: no name, alias or id left but in the audit trail, Karim untouched', async () => {
    const before = await dump(handle);
    const result = await build().erasePersonData({ actor: actorOf(world, 'admin', 'admin'), personId: world.ids.nadia });
    if (!result.ok) throw new Error(result.code);
    const after = await dump(handle);
    const leaks = after.filter((r) => /Nadia|Haddad|\bNad\b|U-NADIA|nadia\.h|souci de bus|suivi médical|malaise/i.test(r.row));
    expect(leaks).toEqual([]);
    const idLeaks = after.filter((r) => r.row.includes(world.ids.nadia)).map((r) => r.table);
    // The earlier access entry and the erasure's own entry: ids only, kept for accountability.
    expect(idLeaks.sort()).toEqual(['audit_log', 'audit_log', 'people']);
    const [note] = await handle.db.select().from(shiftNotes).where(sql`id = ${noteId}`);
    expect(note!.rawText).toBe('Karim a bien travaillé au broyeur. [effacé]. [effacé].');
    expect(note!.draft).toEqual({ observations: [{ personId: '[effacé]', evidence: '[effacé]' }, { personId: world.ids.karim, evidence: 'Karim a bien travaillé' }] });
    const [incident] = await handle.db.select().from(incidents);
    expect(incident).toMatchObject({ personIds: [world.ids.karim], evidence: '[effacé]' });
    expect(after.some((r) => r.table === 'observations' && r.row.includes('Karim a bien travaillé au broyeur'))).toBe(true);
    expect(after.filter((r) => r.table === 'attendance')).toHaveLength(1);
    const deleted = result.value.tables.reduce((n, t) => n + t.deleted, 0);
    expect(deleted).toBeGreaterThanOrEqual(9);
    // One more row: the erasure's own audit entry.
    expect(after.length).toBe(before.length - deleted + 1);
    const [entry] = await new DrizzleAuditTrail(handle.db, clock).list({ subjectPersonId: world.ids.nadia, limit: 1 });
    expect(entry).toMatchObject({ action: 'erase', actorId: world.ids.admin, door: 'cli', resourceType: 'gdpr-export' });
    expect(JSON.stringify(entry)).not.toMatch(/Nadia|Haddad/);
    expect(result.value.tables.find((t) => t.table === 'audit_log')).toEqual({ table: 'audit_log', deleted: 0, anonymised: 0, retained: 1 });
    expect(await build().erasePersonData({ actor: actorOf(world, 'admin', 'admin'), personId: world.ids.nadia })).toMatchObject({ ok: false, code: 'person.already_anonymised' });
  });

  it.each([
    ['a failure in the middle of the erasure (situations)', 'situations', 'delete'],
    ['a failure writing the audit entry', 'audit_log', 'insert'],
  ])('leaves the data and the audit trail both untouched after %s', async (_label, failingTable, operation) => {
    // A real trigger that makes the database refuse one step: the erasure and its audit line are one transaction.
    await handle.db.execute(sql.raw(`create or replace function relais.test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`));
    await handle.db.execute(sql.raw(`create trigger test_refuse before ${operation} on relais.${failingTable} for each row execute function relais.test_refuse()`));
    try {
      const before = await dump(handle);
      await expect(build().erasePersonData({ actor: actorOf(world, 'admin', 'admin'), personId: world.ids.nadia })).rejects.toThrow();
      const after = await dump(handle);
      expect(after).toEqual(before);
      expect(after.some((r) => r.table === 'observations' && r.row.includes('souci de bus'))).toBe(true);
      expect(after.filter((r) => r.table === 'audit_log' && r.row.includes('"action":"erase"'))).toEqual([]);
    } finally {
      await handle.db.execute(sql.raw(`drop trigger test_refuse on relais.${failingTable}`));
      await handle.db.execute(sql.raw('drop function relais.test_refuse()'));
    }
    // Without the failure, both happen.
    expect((await build().erasePersonData({ actor: actorOf(world, 'admin', 'admin'), personId: world.ids.nadia })).ok).toBe(true);
    expect((await dump(handle)).filter((r) => r.table === 'audit_log' && r.row.includes('"action":"erase"'))).toHaveLength(1);
  });

  it('erases an encadrant: his notes stay (about others), signed by an anonymised person', async () => {
    const result = await build().erasePersonData({ actor: actorOf(world, 'dir', 'direction'), personId: world.ids.etiEv });
    if (!result.ok) throw new Error(result.code);
    const after = await dump(handle);
    expect(after.filter((r) => /Bruno|Carrel/.test(r.row))).toEqual([]);
    expect(after.some((r) => r.table === 'observations' && r.row.includes('souci de bus') && r.row.includes('"author_id":null'))).toBe(true);
    expect(after.some((r) => r.table === 'shift_notes' && r.row.includes(world.ids.etiEv))).toBe(true);
  });
});
