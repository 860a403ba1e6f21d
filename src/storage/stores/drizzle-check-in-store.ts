import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import { nextCheckInState, type CheckInState } from '../../core/checkins/check-in-state.js';
import type { CheckIn, CheckInStore } from '../../core/ports/check-in-store.js';
import type { Executor } from '../database.js';
import { checkIns } from '../schema/index.js';

const toCheckIn = (row: typeof checkIns.$inferSelect): CheckIn => ({
  personId: row.personId, date: row.date, teamId: row.teamId, state: row.state as CheckInState, openedAt: row.openedAt, updatedAt: row.updatedAt,
});

export class DrizzleCheckInStore implements CheckInStore {
  constructor(private readonly db: Executor) {}

  /** Compare-and-set on the state: two instances applying events at once both end on a legal state. */
  async record(input: Parameters<CheckInStore['record']>[0]): Promise<{ state: CheckInState | null; changed: boolean }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(input.personId, input.date);
      const next = nextCheckInState(current?.state ?? null, input.event);
      if (next === null) return { state: current?.state ?? null, changed: false };
      if (current === null) {
        const inserted = await this.db.insert(checkIns).values({
          personId: input.personId, date: input.date, teamId: input.teamId, state: next,
          openedAt: input.event === 'open' ? input.at : null, updatedAt: input.at,
        }).onConflictDoNothing().returning({ state: checkIns.state });
        if (inserted.length > 0) return { state: next, changed: true };
        continue;
      }
      const updated = await this.db.update(checkIns).set({ state: next, updatedAt: input.at })
        .where(and(eq(checkIns.personId, input.personId), eq(checkIns.date, input.date), eq(checkIns.state, current.state)))
        .returning({ state: checkIns.state });
      if (updated.length > 0) return { state: next, changed: next !== current.state };
    }
    const settled = await this.get(input.personId, input.date);
    return { state: settled?.state ?? null, changed: false };
  }

  async get(personId: string, date: string): Promise<CheckIn | null> {
    const [row] = await this.db.select().from(checkIns).where(and(eq(checkIns.personId, personId), eq(checkIns.date, date))).limit(1);
    return row ? toCheckIn(row) : null;
  }

  async openBefore(date: string): Promise<CheckIn[]> {
    const rows = await this.db.select().from(checkIns).where(and(eq(checkIns.state, 'opened'), lt(checkIns.date, date)));
    return rows.map(toCheckIn);
  }

  async ofTeam(teamId: string, from: string, to: string): Promise<CheckIn[]> {
    const rows = await this.db.select().from(checkIns)
      .where(and(eq(checkIns.teamId, teamId), gte(checkIns.date, from), lte(checkIns.date, to)))
      .orderBy(asc(checkIns.date), asc(checkIns.personId));
    return rows.map(toCheckIn);
  }
}
