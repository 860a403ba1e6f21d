import { and, desc, eq } from 'drizzle-orm';
import { bilanContentSchema, type BilanKind, type BilanRecord, type ValidBilan } from '../../core/bilans/bilan.js';
import type { BilanStore } from '../../core/ports/bilan-store.js';
import type { Database } from '../database.js';
import { bilans, people } from '../schema/index.js';

type Row = typeof bilans.$inferSelect;

const toRecord = (r: Row): BilanRecord => {
  const content = bilanContentSchema.safeParse(r.content);
  return {
    id: r.id, personId: r.personId, createdBy: r.createdBy, kind: r.kind as BilanKind, date: r.date, participants: r.participants,
    content: content.success ? content.data : { needs: [], outcomes: [], nextSteps: [] },
    salarieView: r.salarieView, salarieAgreement: r.salarieAgreement, exitCategory: r.exitCategory as BilanRecord['exitCategory'],
  };
};

export class DrizzleBilanStore implements BilanStore {
  constructor(private readonly db: Database) {}

  async record(personId: string, bilan: ValidBilan, createdBy: string): Promise<BilanRecord> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(bilans).values({
        personId, kind: bilan.kind, date: bilan.date, participants: [...bilan.participants], content: bilan.content,
        salarieView: bilan.salarieView, salarieAgreement: bilan.salarieAgreement, exitCategory: bilan.exitCategory, createdBy,
      }).returning();
      if (bilan.kind === 'sortie') {
        await tx.update(people).set({ status: 'exited', exitDate: bilan.date, exitCategory: bilan.exitCategory, updatedAt: new Date() })
          .where(eq(people.id, personId));
      }
      return toRecord(row!);
    });
  }

  async latest(personId: string, kind: BilanKind): Promise<BilanRecord | null> {
    const [row] = await this.db.select().from(bilans).where(and(eq(bilans.personId, personId), eq(bilans.kind, kind)))
      .orderBy(desc(bilans.date), desc(bilans.createdAt)).limit(1);
    return row ? toRecord(row) : null;
  }
}
