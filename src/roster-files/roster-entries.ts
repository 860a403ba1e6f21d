import type { RosterEntry } from '../core/domain/roster.js';
import { rosterKeyOf } from '../core/use-cases/import-roster/roster-keys.js';
import { validateRosterRow } from '../core/roster/roster-row.js';
import { readRosterFile } from './read-roster-file.js';

export type RosterEntriesResult =
  | { ok: true; entries: RosterEntry[] }
  | { ok: false; error: { code: string; params: Record<string, string> } };

/** Reads a roster file straight into extraction entries (ids as in the file), without a database. */
export async function rosterEntriesFromFile(path: string): Promise<RosterEntriesResult> {
  const file = await readRosterFile(path);
  if (!file.ok) {
    const { code, ...rest } = file.error;
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(rest)) params[k] = Array.isArray(v) ? v.join(', ') : String(v);
    return { ok: false, error: { code, params } };
  }
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  for (const { raw } of file.content.rows) {
    const checked = validateRosterRow(raw);
    if (!checked.ok) continue;
    const id = rosterKeyOf(checked.row);
    if (seen.has(id)) continue;
    seen.add(id);
    const { firstName, lastName, aliases, team, role } = checked.row;
    entries.push({ id, firstName, lastName, aliases, team, role });
  }
  if (entries.length === 0) return { ok: false, error: { code: 'roster.file_empty', params: { path } } };
  return { ok: true, entries };
}
