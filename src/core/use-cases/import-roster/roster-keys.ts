import type { RosterRow } from '../../roster/roster-row.js';

const simplify = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The file's id when it has one, else a key from the name, so re-imports match the same person. */
export function rosterKeyOf(row: Pick<RosterRow, 'id' | 'firstName' | 'lastName'>): string {
  if (row.id !== null) return row.id;
  return `nom:${simplify(`${row.firstName} ${row.lastName}`).replace(/ /g, '-')}`;
}

/** A referent column may hold an id, a full name or a unique first name. */
export function resolveReferent(
  value: string, people: ReadonlyArray<{ key: string; firstName: string; lastName: string }>,
): string | null {
  const byKey = people.find((p) => p.key === value);
  if (byKey) return byKey.key;
  const v = simplify(value);
  const full = people.filter((p) => simplify(`${p.firstName} ${p.lastName}`) === v || simplify(`${p.lastName} ${p.firstName}`) === v);
  if (full.length === 1) return full[0]!.key;
  const first = people.filter((p) => simplify(p.firstName) === v);
  return first.length === 1 ? first[0]!.key : null;
}
