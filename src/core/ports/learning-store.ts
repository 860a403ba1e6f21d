import type { Person } from '../domain/organisation.js';
import type { Trade } from '../domain/taxonomy.js';
import type { SessionPlan } from '../learning/session-plan.js';
import type { SkillDimension, SkillLevel } from '../learning/skill-level.js';
import type { Skill } from '../learning/skills-referential.js';

export type SessionStatus = 'draft' | 'scheduled' | 'done' | 'cancelled';

export interface TeamContext {
  readonly id: string;
  readonly structureId: string;
  readonly name: string;
  readonly activity: Trade;
  readonly timezone: string;
  readonly romeCode: string | null;
}

export interface StoredSession {
  readonly id: string;
  readonly teamId: string;
  readonly trainerId: string;
  readonly topic: string;
  readonly plan: SessionPlan;
  readonly status: SessionStatus;
  readonly participantIds: readonly string[];
  readonly engine: string | null;
}

export interface NewEvaluation {
  readonly personId: string;
  readonly skillKey: string;
  readonly skillLabel: string;
  readonly criterion: string;
  readonly level: SkillLevel;
  readonly dimension: SkillDimension;
  readonly observedFact: string | null;
  readonly selfAssessment: string | null;
  readonly nextStep: string | null;
  readonly date: string;
}

export interface StoredEvaluation extends NewEvaluation {
  readonly id: string;
  readonly sessionId: string | null;
  readonly status: 'draft' | 'confirmed';
  readonly evaluatorId: string | null;
}

/** Learning sessions, the skills referential and the skills history (tables of `storage/schema/learning.ts`). */
export interface LearningStore {
  team(teamId: string): Promise<TeamContext | null>;
  structure(structureId: string): Promise<{ name: string; kind: string } | null>;
  person(personId: string): Promise<Person | null>;
  teamMembers(teamId: string): Promise<Person[]>;
  peopleOfStructure(structureId: string): Promise<Person[]>;
  /** Latest confirmed level per person and skill, kept when it is « en cours ». */
  skillsInProgress(personIds: readonly string[]): Promise<Array<{ personId: string; skillKey: string | null; skillLabel: string; date: string }>>;
  recentIncidents(teamId: string, since: string): Promise<Array<{ date: string; evidence: string }>>;

  createSession(s: Omit<StoredSession, 'id' | 'status'>): Promise<StoredSession>;
  getSession(id: string): Promise<StoredSession | null>;
  /** Compare-and-set on the status read: false when someone else changed it meanwhile. */
  saveSession(s: StoredSession, expectedStatus: SessionStatus): Promise<boolean>;
  /** The trainer's sessions, newest date first. */
  sessionsOfTrainer(trainerId: string, statuses: readonly SessionStatus[]): Promise<StoredSession[]>;
  /** Scheduled sessions on a date, for the reminder the day before (digests). */
  scheduledOn(date: string): Promise<StoredSession[]>;
  /** Done sessions a person took part in, up to a date. */
  sessionsOfParticipant(personId: string, until: string): Promise<StoredSession[]>;

  listSkills(teamId: string): Promise<Skill[]>;
  /** Adds skills the referential lacks (by key); returns how many were added and updated. */
  upsertSkills(teamId: string, skills: readonly Skill[], overwrite: boolean): Promise<{ added: number; updated: number }>;

  /** Replaces the session's draft evaluations (confirmed ones are never touched). */
  replaceDraftEvaluations(sessionId: string, evaluatorId: string, rows: readonly NewEvaluation[]): Promise<void>;
  evaluations(sessionId: string): Promise<StoredEvaluation[]>;
  /** Confirms the drafts and marks the session done, in one transaction; false when there was no draft. */
  confirmEvaluations(sessionId: string, teamId: string, at: Date): Promise<boolean>;
  /** Confirmed skills history of a person, oldest first. */
  skillHistory(personId: string): Promise<StoredEvaluation[]>;
}
