import { and, asc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { AttendanceRow, IncidentRow, ProductionLogStore, ProductionRow } from '../../core/ports/production-log-store.js';
import type { Database } from '../database.js';
import { attendance, incidents, people, productionEntries, shiftNotes } from '../schema/index.js';

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
}
