import type { Actor } from '../../domain/actor.js';
import { applySettingsChanges, parseSettingsChanges, type SettingsEditError } from '../../digests/settings-edit.js';
import { authorize, type AuthorizationCode } from '../../policy/authorize.js';
import type { DigestStore, TeamSchedule } from '../../ports/digest-store.js';
import { err, ok, type Result } from '../../result.js';

export type TeamSettingsError = AuthorizationCode | 'team.unknown' | 'team.required' | SettingsEditError | 'settings.bad_timezone';

/** Finds the team a request is about: the encadrant's own, or the one named (key or name). */
export async function resolveTeam(store: DigestStore, actor: Actor, teamKey?: string): Promise<Result<TeamSchedule, 'team.unknown' | 'team.required'>> {
  const teams = await store.teamSchedulesOf(actor.structureId);
  const wanted = teamKey?.trim().toLowerCase();
  if (wanted) {
    const team = teams.find((t) => t.key === wanted || t.name.toLowerCase() === wanted || t.id === teamKey);
    return team ? ok(team) : err('team.unknown', { teams: teams.map((t) => t.key).join(', ') });
  }
  const own = actor.teamId ? teams.find((t) => t.id === actor.teamId) : teams.length === 1 ? teams[0] : undefined;
  return own ? ok(own) : err('team.required', { teams: teams.map((t) => t.key).join(', ') });
}

const isTimezone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * `/relais équipe réglages [équipe] [clé=valeur …]`: shows a team's schedule and
 * digest settings, or changes them (all changes or none).
 */
export function createManageTeamSettings(deps: { readonly digestStore: DigestStore }) {
  async function show(input: { actor: Actor; teamKey?: string }): Promise<Result<TeamSchedule, TeamSettingsError>> {
    const team = await resolveTeam(deps.digestStore, input.actor, input.teamKey);
    if (!team.ok) return team;
    const allowed = authorize(input.actor, 'read', 'team-settings', { structureId: team.value.structureId, teamId: team.value.id });
    return allowed.ok ? team : allowed;
  }

  async function update(input: { actor: Actor; teamKey?: string; changes: string }): Promise<Result<TeamSchedule, TeamSettingsError>> {
    const team = await resolveTeam(deps.digestStore, input.actor, input.teamKey);
    if (!team.ok) return team;
    const allowed = authorize(input.actor, 'write', 'team-settings', { structureId: team.value.structureId, teamId: team.value.id });
    if (!allowed.ok) return allowed;
    const parsed = parseSettingsChanges(input.changes);
    if ('error' in parsed) return err(parsed.error, parsed.key ? { key: parsed.key } : undefined);
    let timezone = team.value.timezone;
    for (const change of parsed.changes) {
      if (change.field !== 'timezone') continue;
      if (!isTimezone(change.value)) return err('settings.bad_timezone', { key: change.value });
      timezone = change.value;
    }
    let settings;
    try {
      settings = applySettingsChanges(team.value.settings, parsed.changes);
    } catch {
      return err('settings.bad_value');
    }
    await deps.digestStore.saveTeamSettings(team.value.id, settings, timezone);
    return ok({ ...team.value, settings, timezone });
  }

  return { show, update };
}
