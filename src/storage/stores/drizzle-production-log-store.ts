import { and, asc, count, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AttendanceRow, IncidentRow, ProductionLogStore, ProductionRow, SessionHeldRow } from '../../core/ports/production-log-store.js';
import type { Database } from '../database.js';
import { attendance, incidents, learningSessionParticipants, learningSessions, people, productionEntries, shiftNotes, teams } from '../schema/index.js';

/** The production log's reads: joined to their note so only confirmed records count. */
export class DrizzleProductionLogStore implements ProductionLogStore {
  constructor(private readonly db: Database) {}

  async attendance(structureId: string, from: string, to: string, teamId?: string): Promise<AttendanceRow[]> {
    const where: SQL[] = [eq(shiftNotes.structureId, structureId), eq(shiftNotes.status, 'confirmed'), gte(attendance.date, from), lte(attendance.date, to)];
    if (teamId !== undefined) where.push(eq(attendance.teamId, teamId));
    const rows = await this.db.select({
      personId: attendance.personId, firstName: people.firstName, lastName: people.lastName, teamId: attendance.teamId,
      referentCipId: people.referentCipId, date: attendance.date, status: attendance.status, excused: attendance.excused,
      minutes: attendance.minutes, hoursWorked: attendance.hoursWorked,
    }).from(attendance).innerJoin(shiftNotes, eq(shiftNotes.id, attendance.noteId)).innerJoin(people, eq(people.id, attendance.personId))
      .where(and(...where)).orderBy(asc(people.lastName), asc(people.firstName), asc(attendance.date));
    return rows.map((r) => ({ ...r, status: r.status as AttendanceRow['status'] }));
  }

  async production(structureId: string, from: string, to: string, teamId?: string): Promise<ProductionRow[]> {
    const where: SQL[] = [eq(shiftNotes.structureId, structureId), eq(shiftNotes.status, 'confirmed'), gte(productionEntries.date, from), lte(productionEntries.date, to)];
    if (teamId !== undefined) where.push(eq(productionEntries.teamId, teamId));
    return this.db.select({
      teamId: productionEntries.teamId, date: productionEntries.date, activity: productionEntries.activity,
      quantity: productionEntries.quantity, unit: productionEntries.unit, site: productionEntries.site,
    }).from(productionEntries).innerJoin(shiftNotes, eq(shiftNotes.id, productionEntries.noteId))
      .where(and(...where)).orderBy(asc(productionEntries.date), asc(productionEntries.activity));
  }

  async incidents(structureId: string, from: string, to: string, teamId?: string): Promise<IncidentRow[]> {
    const where: SQL[] = [eq(shiftNotes.structureId, structureId), eq(shiftNotes.status, 'confirmed'), gte(incidents.date, from), lte(incidents.date, to)];
    if (teamId !== undefined) where.push(eq(incidents.teamId, teamId));
    return this.db.select({ teamId: incidents.teamId, date: incidents.date, kind: incidents.kind })
      .from(incidents).innerJoin(shiftNotes, eq(shiftNotes.id, incidents.noteId)).where(and(...where)).orderBy(asc(incidents.date));
  }

  async sessionsHeld(structureId: string, from: string, to: string, teamId?: string): Promise<SessionHeldRow[]> {
    const where: SQL[] = [eq(teams.structureId, structureId), eq(learningSessions.status, 'done'), gte(learningSessions.date, from), lte(learningSessions.date, to)];
    if (teamId !== undefined) where.push(eq(learningSessions.teamId, teamId));
    const rows = await this.db.select({
      id: learningSessions.id, teamId: learningSessions.teamId, date: learningSessions.date, topic: learningSessions.topic,
      durationMinutes: learningSessions.durationMinutes, firstName: people.firstName, lastName: people.lastName,
    }).from(learningSessions).innerJoin(teams, eq(teams.id, learningSessions.teamId)).innerJoin(people, eq(people.id, learningSessions.trainerId))
      .where(and(...where)).orderBy(asc(learningSessions.date), asc(learningSessions.topic));
    if (rows.length === 0) return [];
    const counts = await this.db.select({ sessionId: learningSessionParticipants.sessionId, n: count() }).from(learningSessionParticipants)
      .innerJoin(learningSessions, eq(learningSessions.id, learningSessionParticipants.sessionId))
      .innerJoin(teams, eq(teams.id, learningSessions.teamId))
      .where(and(...where)).groupBy(learningSessionParticipants.sessionId);
    const bySession = new Map(counts.map((c) => [c.sessionId, Number(c.n)]));
    return rows.map((r) => ({
      teamId: r.teamId, date: r.date!, topic: r.topic, durationMinutes: r.durationMinutes,
      participants: bySession.get(r.id) ?? 0, trainerName: `${r.firstName} ${r.lastName}`,
    }));
  }
}
