/**
 * How every column that can hold a person's data is exported and erased
 * (GDPR articles 15 and 17). The one list: `DrizzlePersonData` interprets it,
 * and `test/privacy/person-data-coverage.test.ts` fails when a table of the
 * Drizzle schema holds person data that is not listed here.
 *
 * Adding a table that references people? Add an entry below, choosing for each
 * such column one of the treatments:
 * - `identity`: the person's own row (people.id): exported, then anonymised;
 * - `subject`: the row is about the person: exported, then deleted;
 * - `actor`: the person wrote or did it, the row is about someone else: exported,
 *   then the column is set to null (`nullable: true`) or kept pointing at the
 *   anonymised person (`nullable: false`);
 * - `idList`: a JSON array of people ids: exported, then the id is removed;
 * - `mentions`: free text or JSON that may name the person: the matching passages
 *   are exported, then the name and id are replaced by « [effacé] »;
 * - `row`: more personal data of the row's subject (an account id, a display name),
 *   exported and erased with the row that another column selects;
 * - `retained`: kept on erasure for a stated legal reason (exported all the same).
 * A column the name test mistakes for a person (a worker id) goes in `NOT_PERSON_DATA`.
 */
export type ColumnTreatment =
  | { readonly kind: 'identity' }
  | { readonly kind: 'subject' }
  | { readonly kind: 'actor'; readonly nullable: boolean }
  | { readonly kind: 'idList' }
  | { readonly kind: 'mentions'; readonly json: boolean }
  | { readonly kind: 'row' }
  | { readonly kind: 'retained'; readonly reason: string };

export interface TableCoverage {
  /** SQL table name in the `relais` schema. */
  readonly table: string;
  /** Primary key column, to report and scrub rows one by one. */
  readonly key: string;
  /** SQL column name → treatment. */
  readonly columns: Readonly<Record<string, ColumnTreatment>>;
}

const subject = { kind: 'subject' } as const;
const row = { kind: 'row' } as const;
const actorNull = { kind: 'actor', nullable: true } as const;
const actorKept = { kind: 'actor', nullable: false } as const;
const text = { kind: 'mentions', json: false } as const;
const json = { kind: 'mentions', json: true } as const;

/** Replaces a person's name and id in free text on erasure. */
export const ERASED = '[effacé]';

export const PERSON_DATA_COVERAGE: readonly TableCoverage[] = [
  {
    table: 'people', key: 'id',
    columns: { id: { kind: 'identity' }, first_name: { kind: 'identity' }, last_name: { kind: 'identity' }, email: { kind: 'identity' }, phone: { kind: 'identity' }, referent_cip_id: actorNull },
  },
  { table: 'platform_identities', key: 'id', columns: { person_id: subject, user_id: row, display_name: row, linked_by: actorNull } },
  { table: 'shift_notes', key: 'id', columns: { author_id: actorKept, raw_text: text, draft: json } },
  { table: 'attendance', key: 'id', columns: { person_id: subject } },
  { table: 'observations', key: 'id', columns: { person_id: subject, author_id: actorNull, evidence: text } },
  { table: 'incidents', key: 'id', columns: { person_ids: { kind: 'idList' }, evidence: text } },
  { table: 'production_entries', key: 'id', columns: { site: text } },
  { table: 'alerts', key: 'id', columns: { person_id: subject, acknowledged_by: actorNull, evidence: text } },
  { table: 'learning_sessions', key: 'id', columns: { trainer_id: actorKept, plan: json } },
  { table: 'learning_session_participants', key: 'session_id', columns: { person_id: subject } },
  { table: 'skill_evaluations', key: 'id', columns: { person_id: subject, evaluator_id: actorNull, observed_fact: text, self_assessment: text, next_step: text } },
  { table: 'situations', key: 'id', columns: { person_id: subject, author_id: actorNull, details: text } },
  { table: 'objectives', key: 'id', columns: { person_id: subject, created_by: actorNull, history: json } },
  { table: 'bilans', key: 'id', columns: { person_id: subject, participants: { kind: 'idList' }, created_by: actorNull, content: json } },
  { table: 'inbox', key: 'id', columns: { payload: json } },
  { table: 'outbox', key: 'id', columns: { destination: json, payload: json } },
  { table: 'playground_messages', key: 'id', columns: { author: subject, conversation_id: text, text, reply: json } },
  { table: 'reminder_preferences', key: 'person_id', columns: { person_id: subject } },
  // One row per encadrant and day: the date tells the rows of one person apart.
  { table: 'check_ins', key: 'date', columns: { person_id: subject } },
  {
    table: 'audit_log', key: 'seq',
    columns: {
      actor_id: { kind: 'retained', reason: 'audit.accountability' },
      subject_person_id: { kind: 'retained', reason: 'audit.accountability' },
    },
  },
];

/** `table.column` → why a column whose name looks personal holds no person. */
export const NOT_PERSON_DATA: Readonly<Record<string, string>> = {
  'inbox.locked_by': 'worker instance id',
  'outbox.locked_by': 'worker instance id',
  'schedule_runs.claimed_by': 'worker instance id',
  'audit_log.actor_role': 'a role name',
  'installations.bot_user_id': "the bot's own Slack user",
  'installations.installed_by': 'the Slack account of the workspace admin who installed the app (workspace configuration, never a salarié)',
};
