import type { RosterEntry } from '../domain/roster.js';
import type { Trade } from '../domain/taxonomy.js';
import type { SessionPlan } from '../learning/session-plan.js';
import type { Result } from '../result.js';

/** What the planner may use: the request, the team, and what Relais already knows. */
export interface PlanInput {
  readonly text: string;
  readonly today: string;
  readonly timezone: string;
  readonly trade: Trade;
  readonly trainerName: string;
  /** Salariés of the trainer's team (active). */
  readonly team: readonly RosterEntry[];
  /** Confirmed latest levels « en cours » of the team, per skill. */
  readonly inProgress: ReadonlyArray<{ personId: string; skillKey: string | null; skillLabel: string; date: string }>;
  /** Recent confirmed incidents of the team. */
  readonly incidents: ReadonlyArray<{ date: string; evidence: string }>;
}

export interface DraftedPlan {
  readonly plan: SessionPlan;
  readonly templateId: string | null;
  readonly topic: string;
}

export type PlanCode = 'session.no_participant' | 'session.no_topic' | 'session.invalid_plan';

/** Writes a fiche de séance: the rules engine (template library) or a language model, same schema. */
export interface SessionPlanner {
  plan(input: PlanInput): Promise<Result<DraftedPlan, PlanCode>>;
}
