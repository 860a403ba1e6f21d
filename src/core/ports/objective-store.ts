import type { ActionStatus, ObjectiveStatus } from '../domain/taxonomy.js';
import type { DueObjective, HistoryEntry, Objective } from '../objectives/objective.js';

export interface NewObjective {
  readonly personId: string;
  readonly theme: string;
  readonly label: string;
  readonly dueOn: string | null;
  readonly consentAt: Date | null;
  readonly bilanId: string | null;
  readonly createdBy: string;
  /** From the injected clock, so a summary dated by the same clock sees it. */
  readonly createdAt: Date;
  readonly history: readonly HistoryEntry[];
  readonly actions: ReadonlyArray<{ readonly label: string; readonly dueOn: string | null; readonly history: readonly HistoryEntry[] }>;
}

export interface ObjectivePatch {
  readonly status?: ObjectiveStatus;
  readonly label?: string;
  readonly dueOn?: string | null;
  readonly consentAt?: Date;
}

/** Carnet de bord objectives and their actions, with their history. */
export interface ObjectiveStore {
  create(objective: NewObjective): Promise<Objective>;
  get(objectiveId: string): Promise<Objective | null>;
  /** Applies the patch and appends the history entries, in one statement. */
  update(objectiveId: string, patch: ObjectivePatch, entries: readonly HistoryEntry[]): Promise<Objective>;
  addAction(objectiveId: string, action: { label: string; dueOn: string | null }, entry: HistoryEntry): Promise<Objective>;
  updateAction(actionId: string, status: ActionStatus, entry: HistoryEntry): Promise<Objective | null>;
  /** Objectives in progress due on or before `until` (YYYY-MM-DD) in a structure, earliest first. */
  listDue(structureId: string, until: string, today: string): Promise<DueObjective[]>;
}
