import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { SEALED, unseal, type SecretBox } from '../crypto/secret-box.js';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type {
  AttendanceExceptionRow, PathRecords, Period, PersonContext, ProgressStore,
} from '../../core/ports/progress-store.js';
import type { Database } from '../database.js';
import {
  alerts, attendance, bilans, incidents, objectiveActions, objectives, observations, people, shiftNotes, situations,
  skillEvaluations, teams,
} from '../schema/index.js';
import { toPerson } from './row-mappers.js';

const author = alias(people, 'author');
const authorName = sql<string | null>`case when ${author.id} is null then null else ${author.firstName} || ' ' || ${author.lastName} end`;
const count = (condition: SQL) => sql<number>`(count(*) filter (where ${condition}))::int`;
const day = (column: PgColumn) => sql<string>`to_char(${column}, 'YYYY-MM-DD')`;
/** Records from a shift note count once the note is confirmed; records entered directly have no note. */
const confirmed = or(isNull(shiftNotes.id), eq(shiftNotes.status, 'confirmed'))!;

/** Reads a salarié's path with one query per kind of record, each on a (person, date) index. */
export class DrizzleProgressStore implements ProgressStore {
  constructor(private readonly db: Database, private readonly box: SecretBox | null = null) {}

  async findPerson(personId: string): Promise<PersonContext | null> {
    const [row] = await this.db.select({ p: people, teamName: teams.name, timezone: teams.timezone })
      .from(people).leftJoin(teams, eq(teams.id, people.teamId)).where(eq(people.id, personId)).limit(1);
    if (!row) return null;
    return { person: toPerson(row.p), teamName: row.teamName, timezone: row.timezone, exitCategory: row.p.exitCategory };
  }

  async namesOf(personIds: readonly string[]): Promise<Record<string, string>> {
    if (personIds.length === 0) return {};
    const rows = await this.db.select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
      .from(people).where(inArray(people.id, [...personIds]));
    return Object.fromEntries(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
  }

  async loadRecords(personId: string, period: Period): Promise<PathRecords> {
    const [attendanceMonths, attendanceExceptions, observationRows, skillRows, situationRows, objectiveRows, incidentRows, alertRows, bilanRows] =
      await Promise.all([
        this.attendanceMonths(personId, period), this.attendanceExceptions(personId, period), this.observations(personId, period),
        this.skillEvaluations(personId, period), this.situations(personId), this.objectives(personId, period.to),
        this.incidents(personId, period), this.alerts(personId, period), this.bilans(personId, period.to),
      ]);
    return {
      attendanceMonths, attendanceExceptions, situations: situationRows,
      skillEvaluations: skillRows.map((r) => ({
        ...r,
        observedFact: r.observedFact === null ? null : unseal(this.box, r.observedFact, SEALED.evaluationFact),
        selfAssessment: r.selfAssessment === null ? null : unseal(this.box, r.selfAssessment, SEALED.evaluationSelfAssessment),
      })), objectives: objectiveRows, incidents: incidentRows,
      observations: observationRows.map((r) => ({ ...r, evidence: unseal(this.box, r.evidence, SEALED.observationEvidence) })),
      alerts: alertRows.map((r) => ({ ...r, evidence: unseal(this.box, r.evidence, SEALED.alertEvidence) })),
      bilans: bilanRows.map((r) => ({ ...r, salarieView: r.salarieView === null ? null : unseal(this.box, r.salarieView, SEALED.bilanSalarieView) })),
    };
  }

  private attendanceMonths(personId: string, period: Period) {
    const month = sql<string>`to_char(${attendance.date}, 'YYYY-MM')`;
    return this.db.select({
      month, days: sql<number>`count(*)::int`,
      present: count(sql`${attendance.status} = 'present'`), late: count(sql`${attendance.status} = 'late'`),
      leftEarly: count(sql`${attendance.status} = 'left_early'`), absent: count(sql`${attendance.status} = 'absent'`),
      excusedAbsences: count(sql`${attendance.status} = 'absent' and ${attendance.excused} is true`),
    }).from(attendance).leftJoin(shiftNotes, eq(shiftNotes.id, attendance.noteId))
      .where(and(eq(attendance.personId, personId), gte(attendance.date, period.from), lte(attendance.date, period.to), confirmed))
      .groupBy(month).orderBy(month);
  }

  private async attendanceExceptions(personId: string, period: Period): Promise<AttendanceExceptionRow[]> {
    const rows = await this.db.select({
      id: attendance.id, date: attendance.date, status: attendance.status, minutes: attendance.minutes, excused: attendance.excused,
      authorId: shiftNotes.authorId, authorName,
    }).from(attendance).leftJoin(shiftNotes, eq(shiftNotes.id, attendance.noteId)).leftJoin(author, eq(author.id, shiftNotes.authorId))
      .where(and(eq(attendance.personId, personId), gte(attendance.date, period.from), lte(attendance.date, period.to),
        ne(attendance.status, 'present'), confirmed))
      .orderBy(asc(attendance.date), asc(attendance.id));
    return rows.map((r) => ({ ...r, status: r.status as AttendanceExceptionRow['status'] }));
  }

  private observations(personId: string, period: Period) {
    const authorId = sql<string | null>`coalesce(${observations.authorId}, ${shiftNotes.authorId})`;
    return this.db.select({
      id: observations.id, date: observations.date, category: observations.category, polarity: observations.polarity,
      evidence: observations.evidence, sensitivity: observations.sensitivity, authorId, authorName,
    }).from(observations).leftJoin(shiftNotes, eq(shiftNotes.id, observations.noteId))
      .leftJoin(author, eq(author.id, authorId))
      .where(and(eq(observations.personId, personId), gte(observations.date, period.from), lte(observations.date, period.to), confirmed))
      .orderBy(asc(observations.date), asc(observations.id));
  }

  private skillEvaluations(personId: string, period: Period) {
    return this.db.select({
      id: skillEvaluations.id, date: skillEvaluations.date, skillLabel: skillEvaluations.skillLabel, dimension: skillEvaluations.dimension,
      level: skillEvaluations.level, observedFact: skillEvaluations.observedFact, selfAssessment: skillEvaluations.selfAssessment,
      authorId: skillEvaluations.evaluatorId, authorName,
    }).from(skillEvaluations).leftJoin(author, eq(author.id, skillEvaluations.evaluatorId))
      .where(and(eq(skillEvaluations.personId, personId), eq(skillEvaluations.status, 'confirmed'),
        gte(skillEvaluations.date, period.from), lte(skillEvaluations.date, period.to)))
      .orderBy(asc(skillEvaluations.date), asc(skillEvaluations.id));
  }

  private situations(personId: string) {
    return this.db.select({
      id: situations.id, date: day(situations.updatedAt), theme: situations.theme, kind: situations.kind, label: situations.label,
      status: situations.status, intensity: situations.intensity, authorId: situations.authorId, authorName,
    }).from(situations).leftJoin(author, eq(author.id, situations.authorId))
      .where(eq(situations.personId, personId)).orderBy(asc(situations.theme), asc(situations.createdAt), asc(situations.id));
  }

  private async objectives(personId: string, until: string) {
    const rows = await this.db.select({
      id: objectives.id, date: day(objectives.createdAt), theme: objectives.theme, label: objectives.label, status: objectives.status,
      dueOn: objectives.dueOn, consentGiven: objectives.consentGiven, consentOn: day(objectives.consentAt),
      authorId: objectives.createdBy, authorName,
    }).from(objectives).leftJoin(author, eq(author.id, objectives.createdBy))
      .where(and(eq(objectives.personId, personId), lte(sql`${objectives.createdAt}::date`, until)))
      .orderBy(asc(objectives.createdAt), asc(objectives.id));
    if (rows.length === 0) return [];
    const actions = await this.db.select({
      id: objectiveActions.id, objectiveId: objectiveActions.objectiveId, date: day(objectiveActions.createdAt),
      label: objectiveActions.label, status: objectiveActions.status, dueOn: objectiveActions.dueOn,
    }).from(objectiveActions).where(inArray(objectiveActions.objectiveId, rows.map((r) => r.id)))
      .orderBy(asc(objectiveActions.createdAt), asc(objectiveActions.id));
    return rows.map((o) => ({ ...o, actions: actions.filter((a) => a.objectiveId === o.id) }));
  }

  private incidents(personId: string, period: Period) {
    return this.db.select({
      id: incidents.id, date: incidents.date, kind: incidents.kind, evidence: incidents.evidence, authorId: shiftNotes.authorId, authorName,
    }).from(incidents).leftJoin(shiftNotes, eq(shiftNotes.id, incidents.noteId)).leftJoin(author, eq(author.id, shiftNotes.authorId))
      .where(and(sql`${incidents.personIds} @> ${JSON.stringify([personId])}::jsonb`, gte(incidents.date, period.from),
        lte(incidents.date, period.to), confirmed))
      .orderBy(asc(incidents.date), asc(incidents.id));
  }

  private alerts(personId: string, period: Period) {
    return this.db.select({
      id: alerts.id, date: alerts.date, topic: alerts.topic, evidence: alerts.evidence, status: alerts.status,
      authorId: shiftNotes.authorId, authorName,
    }).from(alerts).leftJoin(shiftNotes, eq(shiftNotes.id, alerts.noteId)).leftJoin(author, eq(author.id, shiftNotes.authorId))
      .where(and(eq(alerts.personId, personId), gte(alerts.date, period.from), lte(alerts.date, period.to), confirmed))
      .orderBy(asc(alerts.date), asc(alerts.id));
  }

  private bilans(personId: string, until: string) {
    return this.db.select({
      id: bilans.id, date: bilans.date, kind: bilans.kind, participants: bilans.participants, salarieView: bilans.salarieView,
      salarieAgreement: bilans.salarieAgreement, exitCategory: bilans.exitCategory, authorId: bilans.createdBy, authorName,
    }).from(bilans).leftJoin(author, eq(author.id, bilans.createdBy))
      .where(and(eq(bilans.personId, personId), lte(bilans.date, until)))
      .orderBy(asc(bilans.date), asc(bilans.id));
  }
}
