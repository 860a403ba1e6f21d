import { sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../database.js';
import { SEALED, type SecretBox } from './secret-box.js';

/** Every sealed column, with the rows that must be sealed (team-level observations stay readable). */
const SEALED_COLUMNS: ReadonlyArray<{ readonly table: string; readonly column: string; readonly context: string; readonly where: SQL; readonly json?: boolean }> = [
  { table: 'observations', column: 'evidence', context: SEALED.observationEvidence, where: sql`sensitivity <> 'team'` },
  { table: 'alerts', column: 'evidence', context: SEALED.alertEvidence, where: sql`true` },
  { table: 'situations', column: 'details', context: SEALED.situationDetails, where: sql`details is not null` },
  { table: 'shift_notes', column: 'raw_text', context: SEALED.noteText, where: sql`raw_text is not null` },
  // The draft is jsonb: sealed, it is one JSON string; still plaintext, an object.
  { table: 'shift_notes', column: 'draft', context: SEALED.noteDraft, where: sql`draft is not null`, json: true },
  { table: 'bilans', column: 'salarie_view', context: SEALED.bilanSalarieView, where: sql`salarie_view is not null` },
  { table: 'bilans', column: 'content', context: SEALED.bilanContent, where: sql`true`, json: true },
  { table: 'skill_evaluations', column: 'observed_fact', context: SEALED.evaluationFact, where: sql`observed_fact is not null` },
  { table: 'skill_evaluations', column: 'self_assessment', context: SEALED.evaluationSelfAssessment, where: sql`self_assessment is not null` },
  { table: 'skill_evaluations', column: 'next_step', context: SEALED.evaluationNextStep, where: sql`next_step is not null` },
];

/**
 * `relais keys rotate`: re-encrypts with the current key every sealed value that
 * uses an older key or is still plaintext, in one transaction per column.
 */
export async function rotateKeys(db: Database, box: SecretBox): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const c of SEALED_COLUMNS) {
    counts[c.context] = await db.transaction(async (tx) => {
      const ex = tx as unknown as Executor;
      const t = sql`${sql.identifier('relais')}.${sql.identifier(c.table)}`;
      const col = sql`${sql.identifier(c.column)}`;
      const rows = ((await ex.execute(sql`select id, ${col} as v from ${t} where ${c.where} for update`)) as unknown as { rows: Array<{ id: string; v: unknown }> }).rows;
      let changed = 0;
      for (const row of rows) {
        const stored = typeof row.v === 'string' ? row.v : JSON.stringify(row.v);
        if (!box.needsRotation(stored)) continue;
        const sealed = box.encrypt(box.decrypt(stored, c.context), c.context);
        await ex.execute(c.json
          ? sql`update ${t} set ${col} = to_jsonb(${sealed}::text) where id = ${row.id}`
          : sql`update ${t} set ${col} = ${sealed} where id = ${row.id}`);
        changed += 1;
      }
      return changed;
    });
  }
  return counts;
}
