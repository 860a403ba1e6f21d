import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate, isoWeekday } from '../../domain/business-date.js';
import { authorize } from '../../policy/authorize.js';
import type { Clock } from '../../ports/clock.js';
import type { ProductionLogStore } from '../../ports/production-log-store.js';
import type { RosterStore } from '../../ports/roster-store.js';
import { hoursWorked, totalsByUnit } from '../../production/hours-worked.js';
import { targetProgress, type TargetProgress } from '../../production/target-progress.js';
import { readTeamSettings } from '../../digests/team-settings.js';
import { err, ok, type Result } from '../../result.js';

export interface ProductionLog {
  readonly team: { readonly id: string; readonly name: string };
  readonly from: string;
  readonly to: string;
  /** Per activity (and site), totals per unit over the period, and per day. */
  readonly activities: ReadonlyArray<{ readonly activity: string; readonly totals: ReadonlyArray<{ unit: string | null; quantity: number }>; readonly days: number }>;
  readonly days: ReadonlyArray<{ readonly date: string; readonly lines: ReadonlyArray<{ activity: string; quantity: number | null; unit: string | null }> }>;
  /** Hours worked per salarié over the period. */
  readonly hours: ReadonlyArray<{ readonly personId: string; readonly name: string; readonly hours: number; readonly daysPresent: number; readonly absences: number; readonly lateness: number }>;
  readonly incidents: number;
  /** Progress against the team's production targets over the period. */
  readonly targets: readonly TargetProgress[];
  /** Learning sessions held in the period. */
  readonly sessionsHeld: number;
}

export type ProductionLogError = 'access.denied' | 'team.unknown' | 'team.needed';

/** The week (Monday to today) or any period of a team's production log, from confirmed notes only. */
export function createBuildProductionLog(deps: {
  readonly store: ProductionLogStore;
  readonly rosterStore: Pick<RosterStore, 'listTeams'>;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly workdayHours: number;
}) {
  return async function buildProductionLog(input: { actor: Actor; teamId?: string; from?: string; to?: string }): Promise<Result<ProductionLog, ProductionLogError>> {
    const teams = await deps.rosterStore.listTeams(input.actor.structureId);
    const teamId = input.teamId ?? input.actor.teamId ?? (teams.length === 1 ? teams[0]!.id : undefined);
    if (teamId === undefined) return err('team.needed', { teams: teams.map((t) => t.name).join(', ') });
    const team = teams.find((t) => t.id === teamId);
    if (!team) return err('team.unknown');
    const allowed = authorize(input.actor, 'read', 'production', { structureId: input.actor.structureId, teamId });
    if (!allowed.ok) return err('access.denied', { role: input.actor.role });
    const today = businessDate(deps.clock.now(), deps.defaultTimezone);
    const to = input.to ?? today;
    const from = input.from ?? addDays(to, 1 - isoWeekday(to));
    const [attendance, production, incidents, sessions] = await Promise.all([
      deps.store.attendance(input.actor.structureId, from, to, teamId),
      deps.store.production(input.actor.structureId, from, to, teamId),
      deps.store.incidents(input.actor.structureId, from, to, teamId),
      deps.store.sessionsHeld(input.actor.structureId, from, to, teamId),
    ]);
    const byActivity = new Map<string, typeof production>();
    for (const p of production) {
      const key = p.site ? `${p.activity} (${p.site})` : p.activity;
      byActivity.set(key, [...(byActivity.get(key) ?? []), p]);
    }
    const byDay = new Map<string, typeof production>();
    for (const p of production) byDay.set(p.date, [...(byDay.get(p.date) ?? []), p]);
    const byPerson = new Map<string, typeof attendance>();
    for (const a of attendance) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
    return ok({
      team: { id: team.id, name: team.name }, from, to,
      activities: [...byActivity].map(([activity, rows]) => ({ activity, totals: totalsByUnit(rows), days: new Set(rows.map((r) => r.date)).size })),
      days: [...byDay].map(([date, rows]) => ({ date, lines: rows.map((r) => ({ activity: r.activity, quantity: r.quantity, unit: r.unit })) })),
      hours: [...byPerson].map(([personId, rows]) => ({
        personId, name: `${rows[0]!.firstName} ${rows[0]!.lastName}`,
        hours: Math.round(rows.reduce((sum, r) => sum + hoursWorked(r, deps.workdayHours), 0) * 100) / 100,
        daysPresent: rows.filter((r) => r.status !== 'absent').length,
        absences: rows.filter((r) => r.status === 'absent').length,
        lateness: rows.filter((r) => r.status === 'late').length,
      })),
      incidents: incidents.length,
      targets: targetProgress(readTeamSettings(team.settings), production, from, to),
      sessionsHeld: sessions.length,
    });
  };
}
