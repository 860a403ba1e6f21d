import type { Person, Team } from '../../domain/organisation.js';
import { guessTrade } from '../../domain/trade.js';
import type { PersonFields, RosterChanges, RosterStore } from '../../ports/roster-store.js';
import { ok, type Result } from '../../result.js';
import { validateRosterRow, type RawRosterRow, type RosterRow } from '../../roster/roster-row.js';
import { rosterKeyOf, resolveReferent } from './roster-keys.js';

export interface ImportRosterInput {
  readonly lines: ReadonlyArray<{ readonly line: number; readonly raw: RawRosterRow }>;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RejectedLine {
  readonly line: number;
  /** Catalog key suffix: missing_name, unknown_role, duplicate_id, bad_date, bad_email. */
  readonly reason: string;
  readonly value?: string;
  readonly other?: number;
}

export interface ImportRosterReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedLine[];
  /** People imported with a referent that matches nobody (kept, referent left empty). */
  readonly warnings: readonly RejectedLine[];
  readonly teams: readonly string[];
}

/**
 * Imports a roster file's lines: idempotent (keyed on the file's id, or on the
 * name when there is none), valid lines import even when others are rejected,
 * and the store applies everything in one transaction.
 */
export function createImportRoster(deps: { readonly rosterStore: RosterStore }) {
  return async function importRoster(input: ImportRosterInput): Promise<Result<ImportRosterReport, never>> {
    const structure = await deps.rosterStore.defaultStructure();
    const [teams, existing] = await Promise.all([
      deps.rosterStore.listTeams(structure.id),
      deps.rosterStore.listPeople(structure.id),
    ]);
    const rejected: RejectedLine[] = [];
    const accepted: Array<{ line: number; row: RosterRow; key: string }> = [];
    const seenKeys = new Map<string, number>();
    for (const { line, raw } of input.lines) {
      const checked = validateRosterRow(raw);
      if (!checked.ok) {
        rejected.push({ line, reason: checked.reason, ...(checked.reason === 'unknown_role' ? { value: raw.role ?? '' } : {}) });
        continue;
      }
      const key = rosterKeyOf(checked.row);
      const previous = seenKeys.get(key);
      if (previous !== undefined) {
        rejected.push({ line, reason: 'duplicate_id', value: key, other: previous });
        continue;
      }
      seenKeys.set(key, line);
      accepted.push({ line, row: checked.row, key });
    }

    const warnings: RejectedLine[] = [];
    const everyone = [...existing.map((p) => ({ key: p.rosterKey, firstName: p.firstName, lastName: p.lastName })),
      ...accepted.map((a) => ({ key: a.key, firstName: a.row.firstName, lastName: a.row.lastName }))];
    const fields = accepted.map(({ line, row, key }): PersonFields => {
      let referentRosterKey: string | null = null;
      if (row.referent !== null) {
        referentRosterKey = resolveReferent(row.referent, everyone);
        if (referentRosterKey === null) warnings.push({ line, reason: 'unknown_referent', value: row.referent });
      }
      return {
        rosterKey: key, firstName: row.firstName, lastName: row.lastName, aliases: row.aliases, role: row.role,
        teamKey: row.team, referentRosterKey, email: row.email, phone: row.phone,
        contractStart: row.contractStart, contractEnd: row.contractEnd,
      };
    });

    const changes = planChanges(structure.id, teams, existing, fields, accepted.map((a) => a.row));
    if (changes.teamsToCreate.length + changes.peopleToCreate.length + changes.peopleToUpdate.length > 0) {
      await deps.rosterStore.applyRosterChanges(changes, input.onProgress);
    }
    return ok({
      created: changes.peopleToCreate.length,
      updated: changes.peopleToUpdate.length,
      unchanged: fields.length - changes.peopleToCreate.length - changes.peopleToUpdate.length,
      rejected,
      warnings,
      teams: [...new Set([...teams.map((t) => t.name), ...changes.teamsToCreate.map((t) => t.name)])].sort(),
    });
  };
}

function planChanges(
  structureId: string, teams: readonly Team[], existing: readonly Person[], fields: readonly PersonFields[], rows: readonly RosterRow[],
): RosterChanges {
  const teamKeys = new Set(teams.map((t) => t.key));
  const teamsToCreate = new Map<string, { key: string; name: string; activity: ReturnType<typeof guessTrade> }>();
  rows.forEach((row) => {
    if (row.team !== null && !teamKeys.has(row.team) && !teamsToCreate.has(row.team)) {
      const name = row.teamName ?? row.team;
      teamsToCreate.set(row.team, { key: row.team, name, activity: guessTrade(name) });
    }
  });
  const teamKeyById = new Map(teams.map((t) => [t.id, t.key]));
  const byKey = new Map(existing.map((p) => [p.rosterKey, p]));
  const keyById = new Map(existing.map((p) => [p.id, p.rosterKey]));
  const peopleToCreate: PersonFields[] = [];
  const peopleToUpdate: Array<PersonFields & { id: string }> = [];
  for (const f of fields) {
    const current = byKey.get(f.rosterKey);
    if (current === undefined) {
      peopleToCreate.push(f);
      continue;
    }
    const currentFields: PersonFields = {
      rosterKey: current.rosterKey, firstName: current.firstName, lastName: current.lastName, aliases: current.aliases,
      role: current.role, teamKey: current.teamId === null ? null : teamKeyById.get(current.teamId) ?? null,
      referentRosterKey: current.referentCipId === null ? null : keyById.get(current.referentCipId) ?? null,
      email: current.email, phone: current.phone, contractStart: current.contractStart, contractEnd: current.contractEnd,
    };
    // A file without a referent column keeps the referent set in Relais.
    const incoming = f.referentRosterKey === null ? { ...f, referentRosterKey: currentFields.referentRosterKey } : f;
    if (JSON.stringify(currentFields) !== JSON.stringify(incoming)) peopleToUpdate.push({ ...incoming, id: current.id });
  }
  return { structureId, teamsToCreate: [...teamsToCreate.values()], peopleToCreate, peopleToUpdate };
}
