/** A salarié's past records written in bulk: the demo structure's history and the benchmark's seed. */
export interface HistoryPlan {
  readonly notes: ReadonlyArray<{ id: string; structureId: string; teamId: string; authorId: string; shiftDate: string; status: string }>;
  readonly attendance: ReadonlyArray<{ noteId: string; personId: string; teamId: string; date: string; status: string; excused: boolean | null; minutes: number | null }>;
  readonly observations: ReadonlyArray<{ noteId: string | null; personId: string; authorId: string; date: string; category: string; polarity: string; evidence: string; sensitivity: string }>;
  readonly skillEvaluations: ReadonlyArray<{
    personId: string; skillLabel: string; level: string; observedFact: string | null; selfAssessment: string | null; evaluatorId: string; date: string; status: string;
  }>;
  readonly situations: ReadonlyArray<{ personId: string; theme: string; kind: string; label: string; status: string; intensity: string | null; authorId: string }>;
  readonly objectives: ReadonlyArray<{
    id: string; personId: string; theme: string; label: string; status: string; dueOn: string | null; consentAt: Date | null; createdBy: string; createdAt: Date;
    actions: ReadonlyArray<{ label: string; status: string; dueOn: string | null }>;
  }>;
  readonly incidents: ReadonlyArray<{ noteId: string; teamId: string; date: string; kind: string; personIds: string[]; evidence: string }>;
  readonly alerts: ReadonlyArray<{ noteId: string; personId: string; date: string; topic: string; evidence: string; status: string }>;
  readonly bilans: ReadonlyArray<{
    personId: string; kind: string; date: string; participants: string[]; salarieView: string | null; salarieAgreement: boolean | null; createdBy: string;
  }>;
}

export interface PathHistoryWriter {
  /** True when the structure already has shift notes (seeding again would duplicate history). */
  hasHistory(structureId: string): Promise<boolean>;
  /** Writes everything in one transaction, in large batches. */
  write(plan: HistoryPlan, onProgress?: (done: number, total: number) => void): Promise<void>;
}
