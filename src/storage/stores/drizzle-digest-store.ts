import { and, asc, eq, gt, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { DigestPeriod, DigestStore, ReminderPreference, TeamDigestRecords, TeamSchedule, TeamWeekFigures } from '../../core/ports/digest-store.js';
import { readTeamSettings, type TeamSettings } from '../../core/digests/team-settings.js';
import type { AttendanceStatus, Polarity, Unit } from '../../core/domain/taxonomy.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../database.js';
import {
  alerts, attendance, checkIns, incidents, learningSessions, observations, people, productionEntries, reminderPreferences, shiftNotes,
  skillEvaluations, teams,
} from '../schema/index.js';

/** Records from a shift note count once the note is confirmed; records entered directly have no note. */
const confirmed = or(isNull(shiftNotes.id), eq(shiftNotes.status, 'confirmed'))!;

const words = (quotes: readonly string[]): string[] =>
  [...new Set(quotes.flatMap((q) => q.toLowerCase().split(/[^\p{L}\p{N}']+/u)).filter((w) => w.length > 2))];

export class DrizzleDigestStore implements DigestStore {
  constructor(private readonly db: Database) {}

  async listTeamSchedules(): Promise<TeamSchedule[]> {
    const rows = await this.db.select().from(teams).orderBy(asc(teams.createdAt), asc(teams.id));
    return rows.map(toSchedule);
  }

  async teamSchedule(teamId: string): Promise<TeamSchedule | null> {
    const [row] = await this.db.select().from(teams).where(eq(teams.id, teamId)).limit(1);
    return row ? toSchedule(row) : null;
  }

  async teamSchedulesOf(structureId: string): Promise<TeamSchedule[]> {
    const rows = await this.db.select().from(teams).where(eq(teams.structureId, structureId)).orderBy(asc(teams.name));
    return rows.map(toSchedule);
  }

  async saveTeamSettings(teamId: string, settings: TeamSettings, timezone: string): Promise<void> {
    await this.db.update(teams).set({ settings: settings as unknown as Record<string, unknown>, timezone, updatedAt: new Date() })
      .where(eq(teams.id, teamId));
  }

  async teamRecords(teamId: string, period: DigestPeriod): Promise<TeamDigestRecords> {
    const inPeriod = (column: PgColumn) => and(gte(column, period.from), lte(column, period.to));
    const [att, prod, obs, quotes, alertQuotes, incidentQuotes, sessions, members] = await Promise.all([
      this.db.select({ personId: attendance.personId, date: attendance.date, status: attendance.status })
        .from(attendance).leftJoin(shiftNotes, eq(shiftNotes.id, attendance.noteId))
        .where(and(eq(attendance.teamId, teamId), inPeriod(attendance.date), confirmed)),
      this.db.select({ date: productionEntries.date, activity: productionEntries.activity, quantity: productionEntries.quantity, unit: productionEntries.unit })
        .from(productionEntries).leftJoin(shiftNotes, eq(shiftNotes.id, productionEntries.noteId))
        .where(and(eq(productionEntries.teamId, teamId), inPeriod(productionEntries.date), confirmed))
        .orderBy(asc(productionEntries.date), asc(productionEntries.createdAt)),
      // No evidence column is read: a quote cannot reach a digest.
      this.db.select({ personId: observations.personId, date: observations.date, category: observations.category, polarity: observations.polarity })
        .from(observations).innerJoin(people, eq(people.id, observations.personId)).leftJoin(shiftNotes, eq(shiftNotes.id, observations.noteId))
        .where(and(eq(people.teamId, teamId), inPeriod(observations.date), eq(observations.sensitivity, 'team'),
          eq(observations.polarity, 'positive'), confirmed))
        .orderBy(asc(observations.date), asc(observations.createdAt)),
      this.db.select({ evidence: observations.evidence })
        .from(observations).innerJoin(people, eq(people.id, observations.personId))
        .where(and(eq(people.teamId, teamId), inPeriod(observations.date), ne(observations.sensitivity, 'team'))),
      this.db.select({ evidence: alerts.evidence })
        .from(alerts).innerJoin(people, eq(people.id, alerts.personId))
        .where(and(eq(people.teamId, teamId), inPeriod(alerts.date))),
      this.db.select({ evidence: incidents.evidence })
        .from(incidents).where(and(eq(incidents.teamId, teamId), inPeriod(incidents.date))),
      this.db.select({ date: learningSessions.date }).from(learningSessions)
        .where(and(eq(learningSessions.teamId, teamId), gt(learningSessions.date, period.to), inArray(learningSessions.status, ['scheduled', 'draft'])))
        .orderBy(asc(learningSessions.date)).limit(5),
      this.db.select({ id: people.id, firstName: people.firstName, role: people.role }).from(people)
        .where(and(eq(people.teamId, teamId), eq(people.status, 'active'))),
    ]);
    return {
      attendance: att.map((a) => ({ ...a, status: a.status as AttendanceStatus })),
      production: prod.map((p) => ({ ...p, unit: p.unit as Unit | null })),
      positiveObservations: obs.map((o) => ({ ...o, polarity: o.polarity as Polarity })),
      confidentialWords: words([...quotes, ...alertQuotes, ...incidentQuotes].map((q) => q.evidence)),
      upcomingSessions: sessions.filter((s): s is { date: string } => s.date !== null),
      members,
    };
  }

  async teamWeekFigures(teamId: string, period: DigestPeriod): Promise<TeamWeekFigures> {
    const count = sql<number>`count(*)::int`;
    const [[att], [openAlerts], [sessions], [skills], [notes], [missed]] = await Promise.all([
      this.db.select({ days: count, present: sql<number>`(count(*) filter (where ${attendance.status} <> 'absent'))::int` })
        .from(attendance).leftJoin(shiftNotes, eq(shiftNotes.id, attendance.noteId))
        .where(and(eq(attendance.teamId, teamId), gte(attendance.date, period.from), lte(attendance.date, period.to), confirmed)),
      this.db.select({ n: count }).from(alerts).innerJoin(people, eq(people.id, alerts.personId))
        .where(and(eq(people.teamId, teamId), eq(alerts.status, 'open'))),
      this.db.select({ n: count }).from(learningSessions)
        .where(and(eq(learningSessions.teamId, teamId), eq(learningSessions.status, 'done'), gte(learningSessions.date, period.from), lte(learningSessions.date, period.to))),
      this.db.select({ n: count }).from(skillEvaluations).innerJoin(people, eq(people.id, skillEvaluations.personId))
        .where(and(eq(people.teamId, teamId), eq(skillEvaluations.status, 'confirmed'), inArray(skillEvaluations.level, ['acquis', 'maitrise']),
          gte(skillEvaluations.date, period.from), lte(skillEvaluations.date, period.to))),
      this.db.select({
        confirmed: sql<number>`(count(*) filter (where ${shiftNotes.status} = 'confirmed'))::int`,
        notSent: sql<number>`(count(*) filter (where ${shiftNotes.status} in ('received', 'draft', 'needs_attention')))::int`,
      }).from(shiftNotes).where(and(eq(shiftNotes.teamId, teamId), gte(shiftNotes.shiftDate, period.from), lte(shiftNotes.shiftDate, period.to))),
      this.db.select({ n: count }).from(checkIns)
        .where(and(eq(checkIns.teamId, teamId), eq(checkIns.state, 'skipped'), gte(checkIns.date, period.from), lte(checkIns.date, period.to))),
    ]);
    return {
      attendanceDays: att?.days ?? 0, presentDays: att?.present ?? 0, openAlerts: openAlerts?.n ?? 0, sessionsHeld: sessions?.n ?? 0,
      skillsValidated: skills?.n ?? 0, notesNotSent: notes?.notSent ?? 0, confirmedNotes: notes?.confirmed ?? 0,
      daysWithoutNote: missed?.n ?? 0,
    };
  }

  async authorsWithNote(teamId: string, date: string): Promise<string[]> {
    const rows = await this.db.selectDistinct({ authorId: shiftNotes.authorId }).from(shiftNotes)
      .where(and(eq(shiftNotes.teamId, teamId), eq(shiftNotes.shiftDate, date), ne(shiftNotes.status, 'discarded')));
    return rows.map((r) => r.authorId);
  }

  async reminderPreferences(personIds: readonly string[]): Promise<ReminderPreference[]> {
    if (personIds.length === 0) return [];
    const rows = await this.db.select().from(reminderPreferences).where(inArray(reminderPreferences.personId, [...personIds]));
    return rows.map((r) => ({ personId: r.personId, off: r.off, snoozedUntil: r.snoozedUntil }));
  }

  async setReminderPreference(personId: string, change: { off?: boolean; snoozedUntil?: Date | null }): Promise<void> {
    const set = { ...(change.off !== undefined ? { off: change.off } : {}), ...(change.snoozedUntil !== undefined ? { snoozedUntil: change.snoozedUntil } : {}), updatedAt: new Date() };
    await this.db.insert(reminderPreferences).values({ personId, ...set }).onConflictDoUpdate({ target: reminderPreferences.personId, set });
  }

  async dueSnoozes(now: Date) {
    const rows = await this.db.select({ personId: reminderPreferences.personId, teamId: people.teamId, snoozedUntil: reminderPreferences.snoozedUntil, off: reminderPreferences.off })
      .from(reminderPreferences).innerJoin(people, eq(people.id, reminderPreferences.personId))
      .where(lte(reminderPreferences.snoozedUntil, now));
    return rows.filter((r): r is typeof r & { snoozedUntil: Date } => r.snoozedUntil !== null);
  }
}

function toSchedule(row: typeof teams.$inferSelect): TeamSchedule {
  return { id: row.id, structureId: row.structureId, key: row.key, name: row.name, timezone: row.timezone, settings: readTeamSettings(row.settings) };
}
