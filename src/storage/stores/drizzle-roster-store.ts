import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Person, Structure, Team } from '../../core/domain/organisation.js';
import type { PersonFields, RosterChanges, RosterStore } from '../../core/ports/roster-store.js';
import type { Database } from '../database.js';
import { people, structures, teams } from '../schema/index.js';
import { toPerson, toStructure, toTeam } from './row-mappers.js';

const DEFAULT_STRUCTURE_NAME = 'Ma structure';
const BATCH = 200;

export class DrizzleRosterStore implements RosterStore {
  constructor(private readonly db: Database, private readonly defaultTimezone: string) {}

  async defaultStructure(): Promise<Structure> {
    const [first] = await this.db.select().from(structures).orderBy(asc(structures.createdAt)).limit(1);
    if (first) return toStructure(first);
    const [created] = await this.db.insert(structures).values({ name: DEFAULT_STRUCTURE_NAME }).returning();
    return toStructure(created!);
  }

  async updateStructure(id: string, fields: { name: string; kind: string }): Promise<void> {
    await this.db.update(structures).set({ ...fields, updatedAt: new Date() }).where(eq(structures.id, id));
  }

  async listTeams(structureId: string): Promise<Team[]> {
    const rows = await this.db.select().from(teams).where(eq(teams.structureId, structureId)).orderBy(asc(teams.name));
    return rows.map(toTeam);
  }

  async listPeople(structureId: string, filter: { teamKey?: string } = {}): Promise<Person[]> {
    if (filter.teamKey !== undefined) {
      const rows = await this.db.select({ p: people }).from(people)
        .innerJoin(teams, eq(people.teamId, teams.id))
        .where(and(eq(people.structureId, structureId), eq(teams.key, filter.teamKey)));
      return rows.map((r) => toPerson(r.p));
    }
    const rows = await this.db.select().from(people).where(eq(people.structureId, structureId));
    return rows.map(toPerson);
  }

  async applyRosterChanges(changes: RosterChanges, onProgress?: (done: number, total: number) => void): Promise<void> {
    const total = changes.peopleToCreate.length + changes.peopleToUpdate.length;
    await this.db.transaction(async (tx) => {
      if (changes.teamsToCreate.length > 0) {
        await tx.insert(teams).values(changes.teamsToCreate.map((t) => ({
          structureId: changes.structureId, key: t.key, name: t.name, activity: t.activity, timezone: this.defaultTimezone,
        }))).onConflictDoNothing();
      }
      const teamRows = await tx.select({ id: teams.id, key: teams.key }).from(teams).where(eq(teams.structureId, changes.structureId));
      const teamId = new Map(teamRows.map((t) => [t.key, t.id]));
      const values = (f: PersonFields) => ({
        structureId: changes.structureId, rosterKey: f.rosterKey, firstName: f.firstName, lastName: f.lastName,
        aliases: [...f.aliases], role: f.role, teamId: f.teamKey === null ? null : teamId.get(f.teamKey) ?? null,
        email: f.email, phone: f.phone, contractStart: f.contractStart, contractEnd: f.contractEnd,
      });
      let done = 0;
      for (let i = 0; i < changes.peopleToCreate.length; i += BATCH) {
        const batch = changes.peopleToCreate.slice(i, i + BATCH);
        await tx.insert(people).values(batch.map(values));
        done += batch.length;
        onProgress?.(done, total);
      }
      for (const f of changes.peopleToUpdate) {
        await tx.update(people).set({ ...values(f), updatedAt: new Date() }).where(eq(people.id, f.id));
        done += 1;
        if (done % 50 === 0 || done === total) onProgress?.(done, total);
      }
      // Referents last: they may be people created in this same import.
      const withReferent = [...changes.peopleToCreate, ...changes.peopleToUpdate].filter((f) => f.referentRosterKey !== null);
      if (withReferent.length > 0) {
        const keys = [...new Set(withReferent.flatMap((f) => [f.rosterKey, f.referentRosterKey!]))];
        const rows = await tx.select({ id: people.id, key: people.rosterKey }).from(people)
          .where(and(eq(people.structureId, changes.structureId), inArray(people.rosterKey, keys)));
        const idOf = new Map(rows.map((r) => [r.key, r.id]));
        for (const f of withReferent) {
          await tx.update(people).set({ referentCipId: idOf.get(f.referentRosterKey!) ?? null })
            .where(eq(people.id, idOf.get(f.rosterKey)!));
        }
      }
    });
  }
}
