import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Person } from '../../core/domain/organisation.js';
import type { Trade } from '../../core/domain/taxonomy.js';
import type { SessionPlan } from '../../core/learning/session-plan.js';
import type { SkillDimension, SkillLevel } from '../../core/learning/skill-level.js';
import type { Skill } from '../../core/learning/skills-referential.js';
import type { LearningStore, NewEvaluation, SessionStatus, StoredEvaluation, StoredSession, TeamContext } from '../../core/ports/learning-store.js';
import { seal, SEALED, unseal, type SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../database.js';
import { incidents, learningSessionParticipants, learningSessions, people, shiftNotes, skillEvaluations, skills, structures, teams } from '../schema/index.js';
import { toPerson } from './row-mappers.js';

type SessionRow = typeof learningSessions.$inferSelect;
type EvaluationRow = typeof skillEvaluations.$inferSelect;

export class DrizzleLearningStore implements LearningStore {
  /** `box`: the evaluations' free text (observed fact, self-assessment, next step) is sealed at rest. */
  constructor(private readonly db: Database, private readonly box: SecretBox | null = null) {}

  async team(teamId: string): Promise<TeamContext | null> {
    const [row] = await this.db.select().from(teams).where(eq(teams.id, teamId)).limit(1);
    return row ? { id: row.id, structureId: row.structureId, name: row.name, activity: row.activity as Trade, timezone: row.timezone, romeCode: row.romeCode } : null;
  }

  async structure(structureId: string): Promise<{ name: string; kind: string } | null> {
    const [row] = await this.db.select({ name: structures.name, kind: structures.kind }).from(structures).where(eq(structures.id, structureId)).limit(1);
    return row ?? null;
  }

  async person(personId: string): Promise<Person | null> {
    const [row] = await this.db.select().from(people).where(eq(people.id, personId)).limit(1);
    return row ? toPerson(row) : null;
  }

  async teamMembers(teamId: string): Promise<Person[]> {
    return (await this.db.select().from(people).where(eq(people.teamId, teamId)).orderBy(asc(people.firstName))).map(toPerson);
  }

  async peopleOfStructure(structureId: string): Promise<Person[]> {
    return (await this.db.select().from(people).where(eq(people.structureId, structureId)).orderBy(asc(people.firstName))).map(toPerson);
  }

  async skillsInProgress(personIds: readonly string[]) {
    if (personIds.length === 0) return [];
    const rows = await this.db.select({
      personId: skillEvaluations.personId, skillKey: skills.key, skillLabel: skillEvaluations.skillLabel, level: skillEvaluations.level, date: skillEvaluations.date,
    }).from(skillEvaluations).leftJoin(skills, eq(skills.id, skillEvaluations.skillId))
      .where(and(inArray(skillEvaluations.personId, [...personIds]), eq(skillEvaluations.status, 'confirmed')))
      .orderBy(desc(skillEvaluations.date), desc(skillEvaluations.createdAt));
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) {
      const key = `${r.personId}|${r.skillKey ?? r.skillLabel}`;
      if (!latest.has(key)) latest.set(key, r);
    }
    return [...latest.values()].filter((r) => r.level === 'en_cours')
      .map((r) => ({ personId: r.personId, skillKey: r.skillKey, skillLabel: r.skillLabel, date: r.date }));
  }

  async recentIncidents(teamId: string, since: string) {
    return this.db.select({ date: incidents.date, evidence: incidents.evidence }).from(incidents)
      .leftJoin(shiftNotes, eq(shiftNotes.id, incidents.noteId))
      .where(and(eq(incidents.teamId, teamId), gte(incidents.date, since), sql`(${incidents.noteId} is null or ${shiftNotes.status} = 'confirmed')`))
      .orderBy(desc(incidents.date)).limit(50);
  }

  async createSession(s: Omit<StoredSession, 'id' | 'status'>): Promise<StoredSession> {
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.insert(learningSessions).values({ ...sessionColumns(s), teamId: s.teamId, trainerId: s.trainerId, status: 'draft', engine: s.engine })
        .returning({ id: learningSessions.id });
      if (s.participantIds.length > 0) await tx.insert(learningSessionParticipants).values(s.participantIds.map((personId) => ({ sessionId: row!.id, personId })));
      return row!.id;
    });
    return (await this.getSession(id))!;
  }

  async getSession(id: string): Promise<StoredSession | null> {
    const [row] = await this.db.select().from(learningSessions).where(eq(learningSessions.id, id)).limit(1);
    if (!row) return null;
    return (await this.withParticipants([row]))[0]!;
  }

  async saveSession(s: StoredSession, expectedStatus: SessionStatus): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.update(learningSessions).set({ ...sessionColumns(s), status: s.status, updatedAt: new Date() })
        .where(and(eq(learningSessions.id, s.id), eq(learningSessions.status, expectedStatus))).returning({ id: learningSessions.id });
      if (changed.length === 0) return false;
      await tx.delete(learningSessionParticipants).where(eq(learningSessionParticipants.sessionId, s.id));
      if (s.participantIds.length > 0) await tx.insert(learningSessionParticipants).values(s.participantIds.map((personId) => ({ sessionId: s.id, personId })));
      return true;
    });
  }

  async sessionsOfTrainer(trainerId: string, statuses: readonly SessionStatus[]): Promise<StoredSession[]> {
    const rows = await this.db.select().from(learningSessions)
      .where(and(eq(learningSessions.trainerId, trainerId), inArray(learningSessions.status, [...statuses])))
      .orderBy(sql`${learningSessions.date} desc nulls last`, desc(learningSessions.createdAt)).limit(50);
    return this.withParticipants(rows);
  }

  async scheduledOn(date: string): Promise<StoredSession[]> {
    const rows = await this.db.select().from(learningSessions)
      .where(and(eq(learningSessions.date, date), eq(learningSessions.status, 'scheduled')))
      .orderBy(sql`${learningSessions.startTime} asc nulls last`, asc(learningSessions.createdAt));
    return this.withParticipants(rows);
  }

  async sessionsOfParticipant(personId: string, until: string): Promise<StoredSession[]> {
    const rows = await this.db.select({ s: learningSessions }).from(learningSessions)
      .innerJoin(learningSessionParticipants, eq(learningSessionParticipants.sessionId, learningSessions.id))
      .where(and(eq(learningSessionParticipants.personId, personId), eq(learningSessions.status, 'done'), lte(learningSessions.date, until)))
      .orderBy(asc(learningSessions.date));
    return this.withParticipants(rows.map((r) => r.s));
  }

  async listSkills(teamId: string): Promise<Skill[]> {
    const rows = await this.db.select().from(skills).where(eq(skills.teamId, teamId)).orderBy(asc(skills.label));
    return rows.map((r) => ({
      key: r.key, label: r.label, romeCode: r.romeCode, kind: r.kind as Skill['kind'], cleaDomain: r.cleaDomain, description: r.description,
    }));
  }

  async upsertSkills(teamId: string, list: readonly Skill[], overwrite: boolean) {
    return this.db.transaction(async (tx) => {
      const existing = new Set((await tx.select({ key: skills.key }).from(skills).where(eq(skills.teamId, teamId))).map((r) => r.key));
      let added = 0;
      let updated = 0;
      for (const s of list) {
        const values = { label: s.label, romeCode: s.romeCode, kind: s.kind, cleaDomain: s.cleaDomain, description: s.description };
        if (!existing.has(s.key)) {
          await tx.insert(skills).values({ teamId, key: s.key, ...values });
          existing.add(s.key);
          added += 1;
        } else if (overwrite) {
          await tx.update(skills).set({ ...values, updatedAt: new Date() }).where(and(eq(skills.teamId, teamId), eq(skills.key, s.key)));
          updated += 1;
        }
      }
      return { added, updated };
    });
  }

  async replaceDraftEvaluations(sessionId: string, evaluatorId: string, rows: readonly NewEvaluation[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(skillEvaluations).where(and(eq(skillEvaluations.sessionId, sessionId), eq(skillEvaluations.status, 'draft')));
      const [session] = await tx.select({ teamId: learningSessions.teamId }).from(learningSessions).where(eq(learningSessions.id, sessionId));
      const ids = new Map((await tx.select({ id: skills.id, key: skills.key }).from(skills).where(eq(skills.teamId, session!.teamId))).map((r) => [r.key, r.id]));
      if (rows.length === 0) return;
      await tx.insert(skillEvaluations).values(rows.map((r) => ({
        personId: r.personId, sessionId, skillId: ids.get(r.skillKey) ?? null, skillLabel: r.skillLabel, criterion: r.criterion, level: r.level,
        dimension: r.dimension, ...sealedEvaluationText(r, this.box), evaluatorId, date: r.date, status: 'draft',
      })));
    });
  }

  async evaluations(sessionId: string): Promise<StoredEvaluation[]> {
    const rows = await this.db.select({ e: skillEvaluations, key: skills.key }).from(skillEvaluations).leftJoin(skills, eq(skills.id, skillEvaluations.skillId))
      .where(eq(skillEvaluations.sessionId, sessionId)).orderBy(asc(skillEvaluations.createdAt), asc(skillEvaluations.id));
    return rows.map((r) => toEvaluation(r.e, r.key, this.box));
  }

  async confirmEvaluations(sessionId: string, teamId: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const confirmed = await tx.update(skillEvaluations).set({ status: 'confirmed', confirmedAt: at })
        .where(and(eq(skillEvaluations.sessionId, sessionId), eq(skillEvaluations.status, 'draft'))).returning({ id: skillEvaluations.id });
      if (confirmed.length === 0) return false;
      await tx.update(learningSessions).set({ status: 'done', updatedAt: at }).where(and(eq(learningSessions.id, sessionId), eq(learningSessions.teamId, teamId)));
      return true;
    });
  }

  async skillHistory(personId: string): Promise<StoredEvaluation[]> {
    const rows = await this.db.select({ e: skillEvaluations, key: skills.key }).from(skillEvaluations).leftJoin(skills, eq(skills.id, skillEvaluations.skillId))
      .where(and(eq(skillEvaluations.personId, personId), eq(skillEvaluations.status, 'confirmed')))
      .orderBy(asc(skillEvaluations.date), asc(skillEvaluations.createdAt));
    return rows.map((r) => toEvaluation(r.e, r.key, this.box));
  }

  private async withParticipants(rows: readonly SessionRow[]): Promise<StoredSession[]> {
    if (rows.length === 0) return [];
    const links = await this.db.select().from(learningSessionParticipants).where(inArray(learningSessionParticipants.sessionId, rows.map((r) => r.id)));
    return rows.map((r) => {
      const plan = r.plan as unknown as SessionPlan;
      // Participants in the plan's order.
      const ids = new Set(links.filter((l) => l.sessionId === r.id).map((l) => l.personId));
      const ordered = plan.identification.participants.map((p) => p.personId).filter((p): p is string => p !== null && ids.has(p));
      return { id: r.id, teamId: r.teamId, trainerId: r.trainerId, topic: r.topic, plan, status: r.status as SessionStatus, participantIds: ordered, engine: r.engine };
    });
  }
}

function sessionColumns(s: Pick<StoredSession, 'topic' | 'plan'>) {
  const id = s.plan.identification;
  return {
    topic: s.topic, plan: s.plan as unknown as Record<string, unknown>, date: id.date, startTime: id.startTime, durationMinutes: id.durationMinutes, site: id.site,
  };
}

type EvaluationText = Pick<StoredEvaluation, 'observedFact' | 'selfAssessment' | 'nextStep'>;
const sealOrNull = (box: SecretBox | null, value: string | null, context: string): string | null => (value === null ? null : seal(box, value, context));
const openOrNull = (box: SecretBox | null, value: string | null, context: string): string | null => (value === null ? null : unseal(box, value, context));

/** The free text of an evaluation, as stored: what the salarié said of themself and what the ETI saw are theirs alone. */
export const sealedEvaluationText = (e: EvaluationText, box: SecretBox | null): EvaluationText => ({
  observedFact: sealOrNull(box, e.observedFact, SEALED.evaluationFact),
  selfAssessment: sealOrNull(box, e.selfAssessment, SEALED.evaluationSelfAssessment),
  nextStep: sealOrNull(box, e.nextStep, SEALED.evaluationNextStep),
});

export const openedEvaluationText = (e: EvaluationText, box: SecretBox | null): EvaluationText => ({
  observedFact: openOrNull(box, e.observedFact, SEALED.evaluationFact),
  selfAssessment: openOrNull(box, e.selfAssessment, SEALED.evaluationSelfAssessment),
  nextStep: openOrNull(box, e.nextStep, SEALED.evaluationNextStep),
});

const toEvaluation = (e: EvaluationRow, key: string | null, box: SecretBox | null): StoredEvaluation => ({
  id: e.id, sessionId: e.sessionId, personId: e.personId, skillKey: key ?? '', skillLabel: e.skillLabel, criterion: e.criterion ?? '',
  level: e.level as SkillLevel, dimension: e.dimension as SkillDimension, ...openedEvaluationText(e, box),
  date: e.date, status: e.status as 'draft' | 'confirmed', evaluatorId: e.evaluatorId,
});
