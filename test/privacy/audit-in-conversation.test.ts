import { auditLog, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleAuditTrail } from '../../src/storage/audit/drizzle-audit-trail.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const extractor = scriptedExtractor((_note, who) => ({
  attendance: [{ person: who('Lucas'), status: 'present', excused: null, minutes: null }],
  observations: [{ person: who('Moussa'), category: 'logement', polarity: 'negative', evidence: 'il dort dans sa voiture' }],
}));

/** Confirming a note and asking for a summary through a door leave ids-only entries in a chain that verifies. */
describe.each(databaseTargets())('audit entries from the conversation on $name', ({ open }) => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor });
  });

  it('logs the confirmation per salarié and the CIP reading a summary', async () => {
    await h.say('demo-eti-ev', "Tout le monde était là. 300 m2 de tonte. Lucas a mis ses EPI. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.");
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
    await h.say('demo-cip', 'Où en est Moussa ?');
    await h.drain();
    const rows = await db.db.select().from(auditLog).orderBy(auditLog.seq);
    const writes = rows.filter((r) => r.action === 'write');
    expect(writes.map((r) => r.subjectPersonId).sort()).toEqual([h.id('demo-s01'), h.id('demo-s03')].sort());
    expect(writes[0]).toMatchObject({ actorId: h.id('demo-eti-ev'), actorRole: 'encadrant', resourceType: 'shift-note', resourceId: note!.id });
    expect(writes[0]!.door).not.toBe('cli');
    expect(rows.some((r) => r.action === 'read' && r.resourceType === 'progress-summary' && r.actorId === h.id('demo-cip') && r.subjectPersonId === h.id('demo-s03'))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/Moussa|Lucas|voiture/);
    expect(await new DrizzleAuditTrail(db.db, { now: () => new Date() }).verify()).toEqual({ ok: true, checked: rows.length });
  });
});
