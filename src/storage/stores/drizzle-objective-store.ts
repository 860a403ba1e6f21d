import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ActionStatus, ObjectiveStatus } from '../../core/domain/taxonomy.js';
import type { DueObjective, HistoryEntry, Objective } from '../../core/objectives/objective.js';
import type { NewObjective, ObjectivePatch, ObjectiveStore } from '../../core/ports/objective-store.js';
import type { Database } from '../database.js';
import { objectiveActions, objectives, people } from '../schema/index.js';

type ObjectiveRow = typeof objectives.$inferSelect;
type ActionRow = typeof objectiveActions.$inferSelect;
const history = (h: unknown): HistoryEntry[] => (Array.isArray(h) ? h as HistoryEntry[] : []);
const appendHistory = (entries: readonly HistoryEntry[]) => sql`${objectives.history} || ${JSON.stringify(entries)}::jsonb`;

export class DrizzleObjectiveStore implements ObjectiveStore {
  constructor(private readonly db: Database) {}

  async create(o: NewObjective): Promise<Objective> {
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(objectives).values({
        personId: o.personId, theme: o.theme, label: o.label, dueOn: o.dueOn, consentGiven: o.consentAt !== null, consentAt: o.consentAt,
        bilanId: o.bilanId, createdBy: o.createdBy, createdAt: o.createdAt, updatedAt: o.createdAt, history: [...o.history] as unknown as Array<Record<string, unknown>>,
      }).returning({ id: objectives.id });
      if (o.actions.length > 0) {
        await tx.insert(objectiveActions).values(o.actions.map((a, i) => ({
          // A millisecond apart: actions keep the order they were given in.
          objectiveId: row!.id, label: a.label, dueOn: a.dueOn, createdAt: new Date(o.createdAt.getTime() + i), updatedAt: o.createdAt, history: [...a.history] as unknown as Array<Record<string, unknown>>,
        })));
      }
      return row!.id;
    });
    return (await this.get(id))!;
  }

  async get(objectiveId: string): Promise<Objective | null> {
    const [row] = await this.db.select().from(objectives).where(eq(objectives.id, objectiveId));
    if (!row) return null;
    const actions = await this.db.select().from(objectiveActions).where(eq(objectiveActions.objectiveId, objectiveId))
      .orderBy(asc(objectiveActions.createdAt), asc(objectiveActions.id));
    return toObjective(row, actions);
  }

  async update(objectiveId: string, patch: ObjectivePatch, entries: readonly HistoryEntry[]): Promise<Objective> {
    await this.db.update(objectives).set({
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.label === undefined ? {} : { label: patch.label }),
      ...(patch.dueOn === undefined ? {} : { dueOn: patch.dueOn }),
      ...(patch.consentAt === undefined ? {} : { consentGiven: true, consentAt: patch.consentAt }),
      history: appendHistory(entries), updatedAt: new Date(),
    }).where(eq(objectives.id, objectiveId));
    return (await this.get(objectiveId))!;
  }

  async addAction(objectiveId: string, action: { label: string; dueOn: string | null }, entry: HistoryEntry): Promise<Objective> {
    await this.db.transaction(async (tx) => {
      const at = new Date(entry.at);
      await tx.insert(objectiveActions).values({ objectiveId, label: action.label, dueOn: action.dueOn, createdAt: at, updatedAt: at, history: [{ ...entry, to: 'en_projet' }] });
      await tx.update(objectives).set({ history: appendHistory([entry]), updatedAt: new Date() }).where(eq(objectives.id, objectiveId));
    });
    return (await this.get(objectiveId))!;
  }

  async updateAction(actionId: string, status: ActionStatus, entry: HistoryEntry): Promise<Objective | null> {
    const [row] = await this.db.update(objectiveActions).set({
      status, history: sql`${objectiveActions.history} || ${JSON.stringify([entry])}::jsonb`, updatedAt: new Date(),
    }).where(eq(objectiveActions.id, actionId)).returning({ objectiveId: objectiveActions.objectiveId });
    return row ? this.get(row.objectiveId) : null;
  }

  async listDue(structureId: string, until: string, today: string): Promise<DueObjective[]> {
    const rows = await this.db.select({
      objectiveId: objectives.id, personId: objectives.personId, theme: objectives.theme, label: objectives.label, dueOn: objectives.dueOn,
      firstName: people.firstName, lastName: people.lastName, teamId: people.teamId, referentCipId: people.referentCipId,
    }).from(objectives).innerJoin(people, eq(people.id, objectives.personId))
      .where(and(eq(objectives.status, 'en_cours'), lte(objectives.dueOn, until), eq(people.structureId, structureId), inArray(people.status, ['active'])))
      .orderBy(asc(objectives.dueOn), asc(objectives.id));
    return rows.map((r) => ({
      objectiveId: r.objectiveId, personId: r.personId, personName: `${r.firstName} ${r.lastName}`, teamId: r.teamId, referentCipId: r.referentCipId,
      theme: r.theme, label: r.label, dueOn: r.dueOn!, overdue: r.dueOn! < today,
    }));
  }
}

function toObjective(row: ObjectiveRow, actions: readonly ActionRow[]): Objective {
  return {
    id: row.id, personId: row.personId, theme: row.theme, label: row.label, status: row.status as ObjectiveStatus, dueOn: row.dueOn,
    consentGiven: row.consentGiven, consentAt: row.consentAt?.toISOString() ?? null, bilanId: row.bilanId, createdBy: row.createdBy,
    history: history(row.history),
    actions: actions.map((a) => ({ id: a.id, label: a.label, status: a.status as ActionStatus, dueOn: a.dueOn, history: history(a.history) })),
  };
}
