import { sql, type SQL } from 'drizzle-orm';
import type { AuditEvent } from '../../core/ports/audit-trail.js';
import type { ErasureReport, PersonDataSnapshot, PersonDataStore, PersonDataSubject, PersonDataTable } from '../../core/ports/person-data-store.js';
import { appendAuditEntries } from '../audit/drizzle-audit-trail.js';
import { SecretBox } from '../crypto/secret-box.js';
import type { Database, Executor } from '../database.js';
import { jsMentionPattern, mentionTerms, mentioningPassages, postgresMentionPattern, redactMentions, type MentionSource } from './mention-pattern.js';
import { ERASED, PERSON_DATA_COVERAGE, type TableCoverage } from './person-data-coverage.js';

type Row = Record<string, unknown>;

const rowsOf = async (db: Executor, query: SQL): Promise<Row[]> => ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
const table = (name: string): SQL => sql`${sql.identifier('relais')}.${sql.identifier(name)}`;
const column = (name: string): SQL => sql`${sql.identifier(name)}`;
/** A sealed value, as text or as a JSON string: never searched (nor rewritten) as plaintext. */
const SEALED_VALUE = '^"?enc:v1:';

/** Dates as ISO strings, so the export is plain JSON on both drivers. */
function plain(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

interface Person extends PersonDataSubject, MentionSource {}

/** Export and erasure driven by `PERSON_DATA_COVERAGE`: every listed table and column, nothing hard-coded elsewhere. */
export class DrizzlePersonDataStore implements PersonDataStore {
  constructor(private readonly db: Database, private readonly box: SecretBox | null = null) {}

  async findSubject(personId: string): Promise<PersonDataSubject | null> {
    const person = await this.person(this.db, personId);
    if (person === null) return null;
    const { aliases: _aliases, email: _email, ...subject } = person;
    return subject;
  }

  async collect(personId: string): Promise<PersonDataSnapshot> {
    const person = await this.person(this.db, personId);
    if (person === null) throw new Error('person not found');
    const terms = mentionTerms(person);
    const pgPattern = postgresMentionPattern(terms);
    const jsPattern = jsMentionPattern(terms);
    const tables: PersonDataTable[] = [];
    for (const coverage of PERSON_DATA_COVERAGE) {
      const rows = await this.collectTable(coverage, person.id, pgPattern, jsPattern);
      if (rows.length > 0) tables.push({ table: coverage.table, rows });
    }
    const { aliases: _aliases, email: _email, ...subject } = person;
    return { subject, tables };
  }

  async erase(personId: string, at: Date, audit?: (report: ErasureReport) => readonly AuditEvent[]): Promise<ErasureReport> {
    return this.db.transaction(async (tx) => {
      const db = tx as unknown as Executor;
      const person = await this.person(db, personId);
      if (person === null) throw new Error('person not found');
      const terms = mentionTerms(person);
      const patterns = { pg: postgresMentionPattern(terms), js: jsMentionPattern(terms) };
      const report: Array<ErasureReport['tables'][number]> = [];
      for (const coverage of PERSON_DATA_COVERAGE) {
        report.push({ table: coverage.table, ...await this.eraseTable(db, coverage, person.id, patterns, at) });
      }
      const erased: ErasureReport = { personId, tables: report.filter((t) => t.deleted + t.anonymised + t.retained > 0) };
      if (audit !== undefined) await appendAuditEntries(db, at, audit(erased));
      return erased;
    });
  }

  /** Sealed columns opened for the person's own copy; dates as ISO strings. */
  private readable(tableName: string, row: Row): Row {
    return Object.fromEntries(Object.entries(plain(row)).map(([k, v]) => {
      if (typeof v !== 'string' || !SecretBox.isEncrypted(v) || this.box === null) return [k, v];
      return [k, this.box.decrypt(v, `${tableName}.${k}`)];
    }));
  }

  /**
   * Rows whose column is sealed (free text of notes and drafts, when a key is set), with the
   * column opened (and parsed, for JSON): PostgreSQL cannot look for a name inside them.
   */
  private async sealedRows(db: Executor, tableName: string, name: string, json: boolean, key: string): Promise<Row[]> {
    if (this.box === null) return [];
    const c = column(name);
    const where = json ? sql`jsonb_typeof(${c}) = 'string' and ${c} #>> '{}' like 'enc:%'` : sql`${c} like 'enc:%'`;
    const rows = await rowsOf(db, sql`select ${column(key)} as ${column(key)}, ${json ? sql`${c} #>> '{}'` : c} as v from ${table(tableName)} where ${where}`);
    return rows.map((row) => {
      const opened = this.box!.decrypt(String(row['v']), `${tableName}.${name}`);
      return { [key]: row[key], [name]: json ? JSON.parse(opened) as unknown : opened };
    });
  }

  private async person(db: Executor, personId: string): Promise<Person | null> {
    const [row] = await rowsOf(db, sql`select id, structure_id, team_id, referent_cip_id, role, first_name, last_name, aliases, email, status
      from relais.people where id = ${personId}`);
    if (row === undefined) return null;
    return {
      id: String(row['id']), structureId: String(row['structure_id']), teamId: (row['team_id'] as string | null) ?? null,
      referentCipId: (row['referent_cip_id'] as string | null) ?? null, role: String(row['role']),
      firstName: String(row['first_name']), lastName: String(row['last_name']), status: String(row['status']),
      aliases: Array.isArray(row['aliases']) ? (row['aliases'] as unknown[]).map(String) : [], email: (row['email'] as string | null) ?? null,
    };
  }

  private async collectTable(coverage: TableCoverage, personId: string, pgPattern: string, jsPattern: RegExp): Promise<Row[]> {
    const byKey = new Map<string, Row>();
    const merge = (row: Row, extra: Row) => {
      const key = `${String(row[coverage.key])}`;
      byKey.set(key, { ...byKey.get(key), ...extra });
    };
    const t = table(coverage.table);
    const plain = (row: Row): Row => this.readable(coverage.table, row);
    for (const [name, treatment] of Object.entries(coverage.columns)) {
      const c = column(name);
      switch (treatment.kind) {
        case 'identity':
          if (name === 'id') for (const row of await rowsOf(this.db, sql`select * from ${t} where ${c} = ${personId}`)) merge(row, plain(row));
          break;
        case 'subject':
        case 'retained':
          for (const row of await rowsOf(this.db, sql`select * from ${t} where ${c} = ${personId}`)) merge(row, plain(row));
          break;
        case 'idList':
          for (const row of await rowsOf(this.db, sql`select * from ${t} where ${c} @> jsonb_build_array(${personId}::text)`)) merge(row, plain(row));
          break;
        case 'actor':
          for (const row of await rowsOf(this.db, sql`select * from ${t} where ${c} = ${personId}`)) {
            merge(row, { [coverage.key]: row[coverage.key], [name]: personId, ...('created_at' in row ? { created_at: plain(row)['created_at'] } : {}) });
          }
          break;
        case 'mentions': {
          const text = treatment.json ? sql`${c}::text` : c;
          const found = [
            ...await rowsOf(this.db, sql`select * from ${t} where ${text} ~ ${pgPattern} and ${text} !~ ${SEALED_VALUE}`),
            ...await this.sealedRows(this.db, coverage.table, name, treatment.json, coverage.key),
          ];
          for (const row of found) {
            const passages = mentioningPassages(row[name], jsPattern);
            if (passages.length === 0) continue;
            const existing = byKey.get(String(row[coverage.key]));
            // A row about the person is already exported whole.
            if (existing !== undefined && name in existing) continue;
            merge(row, { [coverage.key]: row[coverage.key], [name]: passages });
          }
          break;
        }
      }
    }
    return [...byKey.values()];
  }

  private async eraseTable(db: Executor, coverage: TableCoverage, personId: string, patterns: { pg: string; js: RegExp }, at: Date) {
    const counts = { deleted: 0, anonymised: 0, retained: 0 };
    const t = table(coverage.table);
    const key = column(coverage.key);
    const entries = Object.entries(coverage.columns);
    const count = (rows: Row[]) => rows.length;
    // Rows about the person go first, so that the steps below only touch other people's rows.
    for (const [name, treatment] of entries) {
      if (treatment.kind === 'subject') counts.deleted += count(await rowsOf(db, sql`delete from ${t} where ${column(name)} = ${personId} returning ${key}`));
    }
    for (const [name, treatment] of entries) {
      const c = column(name);
      switch (treatment.kind) {
        case 'actor':
          if (treatment.nullable) counts.anonymised += count(await rowsOf(db, sql`update ${t} set ${c} = null where ${c} = ${personId} returning ${key}`));
          else counts.retained += count(await rowsOf(db, sql`select ${key} from ${t} where ${c} = ${personId}`));
          break;
        case 'idList':
          counts.anonymised += count(await rowsOf(db, sql`update ${t} set ${c} = ${c} - ${personId}::text where ${c} @> jsonb_build_array(${personId}::text) returning ${key}`));
          break;
        case 'mentions': {
          // PostgreSQL preselects, JavaScript rewrites: every sentence (or JSON string) naming the person goes.
          const text = treatment.json ? sql`${c}::text` : c;
          const where = sql`${text} ~ ${patterns.pg} and ${text} !~ ${SEALED_VALUE}`;
          for (const row of await rowsOf(db, sql`select ${key} as k, ${c} as v from ${t} where ${where}`)) {
            const redacted = redactMentions(row['v'], patterns.js, ERASED);
            if (JSON.stringify(redacted) === JSON.stringify(row['v'])) continue;
            const value = treatment.json ? sql`${JSON.stringify(redacted)}::jsonb` : sql`${redacted as string}`;
            await db.execute(sql`update ${t} set ${c} = ${value} where ${key} = ${row['k']}`);
            counts.anonymised += 1;
          }
          // Sealed values cannot be searched in SQL: opened here, rewritten, sealed again.
          for (const row of await this.sealedRows(db, coverage.table, name, treatment.json, coverage.key)) {
            const redacted = redactMentions(row[name], patterns.js, ERASED);
            if (JSON.stringify(redacted) === JSON.stringify(row[name])) continue;
            const sealed = this.box!.encrypt(treatment.json ? JSON.stringify(redacted) : redacted as string, `${coverage.table}.${name}`);
            await db.execute(treatment.json
              ? sql`update ${t} set ${c} = to_jsonb(${sealed}::text) where ${key} = ${row[coverage.key]}`
              : sql`update ${t} set ${c} = ${sealed} where ${key} = ${row[coverage.key]}`);
            counts.anonymised += 1;
          }
          break;
        }
        case 'retained':
          counts.retained += count(await rowsOf(db, sql`select ${key} from ${t} where ${c} = ${personId}`));
          break;
        default:
          break;
      }
    }
    if (entries.some(([, treatment]) => treatment.kind === 'identity')) {
      counts.anonymised += count(await rowsOf(db, sql`update relais.people set
          first_name = ${'Personne'}, last_name = ${'anonymisée'}, aliases = '[]'::jsonb, email = null, phone = null,
          roster_key = ${`anonymise-${personId}`}, status = 'anonymised', contract_start = null, contract_end = null,
          exit_date = null, last_contact_on = null, updated_at = ${at.toISOString()}
        where id = ${personId} returning id`));
    }
    return counts;
  }
}
