import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../src/storage/schema/index.js';
import { NOT_PERSON_DATA, PERSON_DATA_COVERAGE } from '../../src/storage/privacy/person-data-coverage.js';

/** Column names that say "this holds a person" even without a foreign key. */
const PERSONAL_NAME = /(^|_)(person|people|author|actor|trainer|evaluator|participants?|cip|subject|user)(_|$)|_by$|^(first_name|last_name|email|phone|display_name)$/;

interface SchemaTable {
  readonly name: string;
  readonly columns: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  /** Columns that reference people or whose name says they hold a person. */
  readonly personal: readonly string[];
}

function schemaTables(): SchemaTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableConfig(t));
  return tables.map((config) => {
    const referencing = new Set(config.foreignKeys.flatMap((fk) => {
      const ref = fk.reference();
      return getTableConfig(ref.foreignTable).name === 'people' ? ref.columns.map((c) => c.name) : [];
    }));
    const personal = config.columns.map((c) => c.name).filter((name) => referencing.has(name) || PERSONAL_NAME.test(name) || (config.name === 'people' && name === 'id'));
    return { name: config.name, columns: config.columns.map((c) => ({ name: c.name, type: c.getSQLType() })), personal };
  });
}

describe('GDPR coverage of the schema (src/storage/privacy/person-data-coverage.ts)', () => {
  const tables = schemaTables();
  const coverage = new Map(PERSON_DATA_COVERAGE.map((c) => [c.table, c]));

  it('finds the schema and the person columns it is meant to find', () => {
    expect(tables.length).toBeGreaterThan(15);
    const observations = tables.find((t) => t.name === 'observations');
    expect(observations?.personal).toEqual(expect.arrayContaining(['person_id', 'author_id']));
    expect(tables.find((t) => t.name === 'objectives')?.personal).toContain('created_by');
  });

  it('says how to export and erase every column that holds a person, in every table', () => {
    const missing = tables.flatMap((t) => {
      const listed = coverage.get(t.name)?.columns ?? {};
      const uncovered = t.personal.filter((c) => !(c in listed) && NOT_PERSON_DATA[`${t.name}.${c}`] === undefined);
      return uncovered.length === 0 ? [] : [
        `relais.${t.name} holds person data in ${uncovered.join(', ')}: add { table: '${t.name}', key: '…', columns: { ${uncovered.map((c) => `${c}: …`).join(', ')} } } ` +
        'to PERSON_DATA_COVERAGE in src/storage/privacy/person-data-coverage.ts (identity, subject, actor, idList, mentions, row or retained; or NOT_PERSON_DATA when it holds no person), so that `relais gdpr export` and `relais gdpr erase` handle it.',
      ];
    });
    expect(missing).toEqual([]);
  });

  it('lists only tables and columns that exist, with a key and the right column types', () => {
    const problems: string[] = [];
    for (const entry of PERSON_DATA_COVERAGE) {
      const table = tables.find((t) => t.name === entry.table);
      if (table === undefined) {
        problems.push(`${entry.table}: no such table in the schema (renamed or dropped? update person-data-coverage.ts)`);
        continue;
      }
      const type = (name: string) => table.columns.find((c) => c.name === name)?.type;
      if (type(entry.key) === undefined) problems.push(`${entry.table}.${entry.key}: key column missing`);
      for (const [name, treatment] of Object.entries(entry.columns)) {
        const t = type(name);
        if (t === undefined) problems.push(`${entry.table}.${name}: no such column`);
        else if (treatment.kind === 'idList' && t !== 'jsonb') problems.push(`${entry.table}.${name}: idList needs a jsonb array, found ${t}`);
        else if (treatment.kind === 'mentions' && (treatment.json ? t !== 'jsonb' : t !== 'text')) problems.push(`${entry.table}.${name}: mentions json=${String(treatment.json)} but the column is ${t}`);
        else if (treatment.kind === 'identity' && entry.table !== 'people') problems.push(`${entry.table}.${name}: identity is for the people table only`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps free-text tables that may name anyone in the list', () => {
    for (const name of ['inbox', 'outbox', 'shift_notes', 'playground_messages']) {
      expect(Object.values(coverage.get(name)?.columns ?? {}).some((t) => t.kind === 'mentions')).toBe(true);
    }
  });
});
