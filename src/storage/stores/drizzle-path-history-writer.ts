import { eq } from 'drizzle-orm';
import type { HistoryPlan, PathHistoryWriter } from '../../core/ports/path-history-writer.js';
import { seal, SEALED, type SecretBox } from '../crypto/secret-box.js';
import type { Database } from '../database.js';
import {
  alerts, attendance, bilans, incidents, objectiveActions, objectives, observations, shiftNotes, situations, skillEvaluations,
} from '../schema/index.js';
import { sealedBilanColumns } from './drizzle-bilan-store.js';
import { sealedEvaluationText } from './drizzle-learning-store.js';

/** Rows per insert: well under PostgreSQL's 65,535 parameters for the widest table. */
const BATCH = 2000;

/** Writes a demo path history, sealing the same columns as the live stores do (freins, health, justice, alerts). */
export class DrizzlePathHistoryWriter implements PathHistoryWriter {
  constructor(private readonly db: Database, private readonly box: SecretBox | null = null) {}

  async hasHistory(structureId: string): Promise<boolean> {
    const [row] = await this.db.select({ id: shiftNotes.id }).from(shiftNotes).where(eq(shiftNotes.structureId, structureId)).limit(1);
    return row !== undefined;
  }

  async write(plan: HistoryPlan, onProgress?: (done: number, total: number) => void): Promise<void> {
    const actions = plan.objectives.flatMap((o) => o.actions.map((a) => ({ objectiveId: o.id, label: a.label, status: a.status, dueOn: a.dueOn })));
    const jobs: Array<[string, readonly Record<string, unknown>[]]> = [
      ['notes', plan.notes.map((n) => ({ ...n, platform: 'demo', platformEventId: `demo-${n.id}`, source: 'text', confirmedAt: n.status === 'confirmed' ? new Date(`${n.shiftDate}T16:00:00Z`) : null }))],
      ['attendance', plan.attendance],
      ['observations', plan.observations.map((o) => (o.sensitivity === 'team' ? o : { ...o, evidence: seal(this.box, o.evidence, SEALED.observationEvidence) }))],
      ['skills', plan.skillEvaluations.map((e) => ({ ...e, ...sealedEvaluationText({ observedFact: e.observedFact, selfAssessment: e.selfAssessment, nextStep: null }, this.box), confirmedAt: e.status === 'confirmed' ? new Date(`${e.date}T16:00:00Z`) : null }))],
      // A planned situation has a theme label and no free-text details (the sealed column stays empty).
      ['situations', plan.situations],
      ['objectives', plan.objectives.map(({ actions: _actions, ...o }) => ({ ...o, consentGiven: o.consentAt !== null, history: [{ at: o.createdAt.toISOString(), by: o.createdBy, change: 'created', to: 'en_cours' }] }))],
      ['actions', actions], ['incidents', plan.incidents],
      ['alerts', plan.alerts.map((a) => ({ ...a, evidence: seal(this.box, a.evidence, SEALED.alertEvidence) }))], ['bilans', plan.bilans.map((b) => ({ ...b, ...sealedBilanColumns({ content: { needs: [], outcomes: [], nextSteps: [] }, salarieView: b.salarieView }, this.box) }))],
    ];
    const tables = {
      notes: shiftNotes, attendance, observations, skills: skillEvaluations, situations, objectives, actions: objectiveActions, incidents, alerts, bilans,
    } as const;
    const total = jobs.reduce((n, [, rows]) => n + rows.length, 0);
    let done = 0;
    await this.db.transaction(async (tx) => {
      for (const [name, rows] of jobs) {
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          await tx.insert(tables[name as keyof typeof tables]).values(batch as never);
          done += batch.length;
          onProgress?.(done, total);
        }
      }
    });
  }
}
