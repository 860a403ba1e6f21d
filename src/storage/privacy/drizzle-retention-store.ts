import { sql } from 'drizzle-orm';
import type { ExpiredPerson, RetentionStore } from '../../core/ports/retention-store.js';
import type { Database } from '../database.js';

type Row = Record<string, unknown>;
const PURGED = JSON.stringify({ purged: true });

export class DrizzleRetentionStore implements RetentionStore {
  constructor(private readonly db: Database) {}

  async expiredPeople(cutoffDate: string): Promise<ExpiredPerson[]> {
    const result = (await this.db.execute(sql`
      select id, structure_id, roster_key, reference::text as reference from (
        select p.id, p.structure_id, p.roster_key, greatest(
          p.last_contact_on, p.exit_date, p.contract_end, p.created_at::date,
          (select max(a.date) from relais.attendance a where a.person_id = p.id),
          (select max(o.date) from relais.observations o where o.person_id = p.id)
        ) as reference
        from relais.people p
        where p.role = 'salarie' and p.status <> 'anonymised'
      ) candidates
      where reference < ${cutoffDate}::date
      order by reference, id`)) as unknown as { rows: Row[] };
    return result.rows.map((r) => ({
      id: String(r['id']), structureId: String(r['structure_id']), rosterKey: String(r['roster_key']), referenceDate: String(r['reference']),
    }));
  }

  async purgeNoteTexts(cutoff: Date, at: Date, dryRun: boolean): Promise<number> {
    const expired = sql`raw_text is not null and (confirmed_at < ${cutoff.toISOString()} or discarded_at < ${cutoff.toISOString()})`;
    const result = (await this.db.execute(dryRun
      ? sql`select id from relais.shift_notes where ${expired}`
      : sql`update relais.shift_notes set raw_text = null, text_purged_at = ${at.toISOString()}, updated_at = ${at.toISOString()} where ${expired} returning id`,
    )) as unknown as { rows: Row[] };
    return result.rows.length;
  }

  async purgeInboxPayloads(cutoff: Date, dryRun: boolean): Promise<number> {
    const expired = sql`status in ('done', 'dead') and coalesce(finished_at, created_at) < ${cutoff.toISOString()} and payload <> ${PURGED}::jsonb`;
    const result = (await this.db.execute(dryRun
      ? sql`select id from relais.inbox where ${expired}`
      : sql`update relais.inbox set payload = ${PURGED}::jsonb where ${expired} returning id`,
    )) as unknown as { rows: Row[] };
    return result.rows.length;
  }
}
