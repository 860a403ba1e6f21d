import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../src/core/domain/actor.js';
import { createListAuditLog } from '../../src/core/use-cases/list-audit-log/list-audit-log.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleAuditTrail } from '../../src/storage/audit/drizzle-audit-trail.js';
import { canonicalJson, chainHash } from '../../src/storage/audit/audit-hash.js';
import { auditLog } from '../../src/storage/schema/index.js';
import { FakeClock } from '../support/fake-clock.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
});

describe.each(databaseTargets())('audit trail on $name', ({ open }) => {
  let handle: DatabaseHandle;
  let world: World;
  const clock = new FakeClock('2026-11-20T09:00:00.123Z');
  let cip: Actor;

  beforeAll(async () => {
    handle = await open();
  });
  beforeEach(async () => {
    await truncateAll(handle);
    world = await seedWorld(handle);
    cip = actorOf(world, 'cip1', 'cip');
  });
  afterAll(async () => handle.close());

  const fill = async (trail: DrizzleAuditTrail) => {
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await trail.record({ actor: cip, action: 'read', resourceType: 'progress-summary', subjectPersonId: i % 2 === 0 ? world.ids.nadia : world.ids.karim, details: { z: i, a: { b: 'x' } } });
    }
  };

  it('chains every entry to the previous one and verifies the whole log', async () => {
    const trail = new DrizzleAuditTrail(handle.db, clock);
    expect(await trail.verify()).toEqual({ ok: true, checked: 0 });
    await fill(trail);
    // Concurrent appends still form one chain.
    await Promise.all([1, 2, 3, 4].map((i) => trail.record({ actor: cip, action: 'write', resourceType: 'shift-note', resourceId: `n${i}`, subjectPersonId: world.ids.nadia })));
    expect(await trail.verify()).toEqual({ ok: true, checked: 9 });
    const rows = (await handle.db.execute(sql`select prev_hash, hash from relais.audit_log order by seq`)) as unknown as { rows: Array<{ prev_hash: string; hash: string }> };
    rows.rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows.rows[i]!.hash));
  });

  it.each([
    ['a changed subject', 2, sql`update relais.audit_log set subject_person_id = 'someone-else' where seq = (select min(seq) + 2 from relais.audit_log)`],
    ['changed details', 2, sql`update relais.audit_log set details = '{"z": 99}'::jsonb where seq = (select min(seq) + 2 from relais.audit_log)`],
    ['a deleted entry', 3, sql`delete from relais.audit_log where seq = (select min(seq) + 2 from relais.audit_log)`],
    ['a rewritten hash', 2, sql`update relais.audit_log set action = 'nothing', hash = repeat('a', 64) where seq = (select min(seq) + 2 from relais.audit_log)`],
  ] as const)('detects %s', async (_label, offset, tamper) => {
    const trail = new DrizzleAuditTrail(handle.db, clock);
    await fill(trail);
    const [{ first }] = ((await handle.db.execute(sql`select min(seq)::int as first from relais.audit_log`)) as unknown as { rows: Array<{ first: number }> }).rows as [{ first: number }];
    await handle.db.execute(tamper);
    const result = await trail.verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toBe(first + offset);
  });

  it('detects a row rewritten with a correctly recomputed hash at the next entry', async () => {
    const trail = new DrizzleAuditTrail(handle.db, clock);
    await fill(trail);
    const [row] = (await handle.db.select().from(auditLog).orderBy(auditLog.seq).offset(2).limit(1));
    const forged = { ...row!, subjectPersonId: 'someone-else' };
    await handle.db.update(auditLog).set({ subjectPersonId: forged.subjectPersonId, hash: chainHash(row!.prevHash, forged) }).where(eq(auditLog.seq, row!.seq));
    expect(await trail.verify()).toEqual({ ok: false, checked: 3, brokenAt: row!.seq + 1 });
  });

  it('lets direction and admin read it per salarié, never a CIP or an encadrant, and logs the reading', async () => {
    const trail = new DrizzleAuditTrail(handle.db, clock);
    await fill(trail);
    const list = createListAuditLog({ audit: trail });
    const seen = await list({ actor: actorOf(world, 'dir', 'direction'), subjectPersonId: world.ids.nadia });
    if (!seen.ok) throw new Error(seen.code);
    expect(seen.value.map((r) => r.subjectPersonId)).toEqual([world.ids.nadia, world.ids.nadia, world.ids.nadia, world.ids.nadia]);
    expect(seen.value[0]).toMatchObject({ action: 'read', resourceType: 'audit-log', actorId: world.ids.dir });
    expect(seen.value[1]).toMatchObject({ action: 'read', resourceType: 'progress-summary', actorId: world.ids.cip1, door: 'cli', details: { z: 4 } });
    expect((await list({ actor: actorOf(world, 'admin', 'admin') })).ok).toBe(true);
    expect(await list({ actor: cip })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await list({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev) })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await trail.verify()).toMatchObject({ ok: true, checked: 7 });
  });
});
