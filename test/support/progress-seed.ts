import type { Actor } from '../../src/core/domain/actor.js';
import type { Role } from '../../src/core/domain/taxonomy.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import {
  alerts, attendance, bilans, incidents, objectiveActions, objectives, observations, people, shiftNotes, situations, skillEvaluations,
  structures, teams,
} from '../../src/storage/schema/index.js';

/** A small structure with two teams, two CIPs, direction and salariés, written straight to the tables. */
export interface World {
  readonly structureId: string;
  readonly otherStructureId: string;
  readonly teams: { readonly ev: string; readonly rc: string };
  readonly ids: Record<'cip1' | 'cip2' | 'dir' | 'etiEv' | 'etiRc' | 'admin' | 'nadia' | 'karim' | 'outsider', string>;
}

export async function seedWorld(handle: DatabaseHandle): Promise<World> {
  const db = handle.db;
  const [s] = await db.insert(structures).values({ name: 'ACI Test' }).returning();
  const [other] = await db.insert(structures).values({ name: 'Autre SIAE' }).returning();
  const [ev] = await db.insert(teams).values({ structureId: s!.id, key: 'espaces-verts', name: 'Espaces verts', activity: 'espaces_verts' }).returning();
  const [rc] = await db.insert(teams).values({ structureId: s!.id, key: 'recyclerie', name: 'Recyclerie', activity: 'recyclerie' }).returning();
  const person = async (key: string, firstName: string, lastName: string, role: Role, extra: Partial<typeof people.$inferInsert> = {}) => {
    const [row] = await db.insert(people).values({ structureId: s!.id, rosterKey: key, firstName, lastName, role, ...extra }).returning();
    return row!.id;
  };
  const cip1 = await person('c1', 'Claire', 'Fontaine', 'cip');
  const cip2 = await person('c2', 'Paul', 'Roux', 'cip');
  const dir = await person('d1', 'Martine', 'Lebrun', 'direction');
  const admin = await person('a1', 'Alain', 'Admin', 'admin');
  const etiEv = await person('e1', 'Bruno', 'Carrel', 'encadrant', { teamId: ev!.id });
  const etiRc = await person('e2', 'Sonia', 'Berthier', 'encadrant', { teamId: rc!.id });
  const nadia = await person('s1', 'Nadia', 'Haddad', 'salarie', {
    teamId: ev!.id, referentCipId: cip1, contractStart: '2026-03-02', contractEnd: '2027-03-01', aliases: ['Nad'],
  });
  const karim = await person('s2', 'Karim', 'Benali', 'salarie', { teamId: rc!.id, referentCipId: cip2, contractStart: '2026-05-04', contractEnd: '2026-11-30' });
  const [out] = await db.insert(people).values({ structureId: other!.id, rosterKey: 'x1', firstName: 'Hors', lastName: 'Champ', role: 'direction' }).returning();
  return {
    structureId: s!.id, otherStructureId: other!.id, teams: { ev: ev!.id, rc: rc!.id },
    ids: { cip1, cip2, dir, etiEv, etiRc, admin, nadia, karim, outsider: out!.id },
  };
}

export const actorOf = (world: World, who: keyof World['ids'], role: Role, teamId: string | null = null): Actor => ({
  personId: world.ids[who], role, structureId: who === 'outsider' ? world.otherStructureId : world.structureId, teamId, door: 'cli',
});

let noteCounter = 0;
/** A shift note of the given status for a team and date. */
export async function note(handle: DatabaseHandle, world: World, date: string, status: string, authorId = world.ids.etiEv, teamId = world.teams.ev): Promise<string> {
  noteCounter += 1;
  const [row] = await handle.db.insert(shiftNotes).values({
    structureId: world.structureId, teamId, authorId, shiftDate: date, status, platform: 'test', platformEventId: `evt-${noteCounter}-${Math.random()}`,
  }).returning();
  return row!.id;
}

export { alerts, attendance, bilans, incidents, objectiveActions, objectives, observations, situations, skillEvaluations };
