import type { ActionStatus, ObjectiveStatus } from '../domain/taxonomy.js';

/** One line of an objective's or an action's history: who changed what, when. */
export interface HistoryEntry {
  readonly at: string;
  readonly by: string;
  readonly change: 'created' | 'status' | 'label' | 'due' | 'consent' | 'action_added';
  readonly from?: string | boolean | null;
  readonly to?: string | boolean | null;
}

export interface ObjectiveAction {
  readonly id: string;
  readonly label: string;
  readonly status: ActionStatus;
  readonly dueOn: string | null;
  readonly history: readonly HistoryEntry[];
}

/** A Carnet de bord objective: a theme, a label, a status, the salarié's consent, actions under it. */
export interface Objective {
  readonly id: string;
  readonly personId: string;
  readonly theme: string;
  readonly label: string;
  readonly status: ObjectiveStatus;
  readonly dueOn: string | null;
  readonly consentGiven: boolean;
  readonly consentAt: string | null;
  readonly bilanId: string | null;
  readonly createdBy: string | null;
  readonly history: readonly HistoryEntry[];
  readonly actions: readonly ObjectiveAction[];
}

/** A due objective, with what a reminder needs. */
export interface DueObjective {
  readonly objectiveId: string;
  readonly personId: string;
  readonly personName: string;
  readonly teamId: string | null;
  readonly referentCipId: string | null;
  readonly theme: string;
  readonly label: string;
  readonly dueOn: string;
  readonly overdue: boolean;
}
