import type { Actor } from '../../domain/actor.js';
import type { Team } from '../../domain/organisation.js';
import { authorize } from '../../policy/authorize.js';
import type { IdentityStore } from '../../ports/identity-store.js';
import type { RosterStore } from '../../ports/roster-store.js';
import { err, ok, type Result } from '../../result.js';

export interface BindTeamChannelInput {
  readonly actor: Actor;
  readonly platform: string;
  readonly workspaceId: string;
  readonly channelId: string;
  /** The team key when the actor is not an encadrant ("espaces-verts"); an encadrant binds their own team. */
  readonly teamKey?: string;
  readonly purpose?: 'team' | 'direction';
  /** What the platform needs to post there later (Teams conversation reference). */
  readonly reference?: Record<string, unknown> | null;
}

export type BindError = 'access.denied' | 'team.unknown' | 'team.required';

/** `/relais équipe lier #canal`: the team's summaries go to this channel from now on. */
export function createBindTeamChannel(deps: { readonly identities: IdentityStore; readonly rosterStore: RosterStore }) {
  return async function bindTeamChannel(input: BindTeamChannelInput): Promise<Result<Team, BindError>> {
    const { actor } = input;
    const teams = await deps.rosterStore.listTeams(actor.structureId);
    let team: Team | undefined;
    if (input.teamKey) team = teams.find((t) => t.key === input.teamKey || t.name.toLowerCase() === input.teamKey!.toLowerCase());
    else if (actor.teamId) team = teams.find((t) => t.id === actor.teamId);
    else return err('team.required', { teams: teams.map((t) => t.key).join(', ') });
    if (!team) return err('team.unknown', { teams: teams.map((t) => t.key).join(', ') });
    const allowed = authorize(actor, 'write', 'team-settings', { structureId: team.structureId, teamId: team.id });
    if (!allowed.ok) return allowed;
    await deps.identities.bindChannel({
      teamId: team.id, platform: input.platform, workspaceId: input.workspaceId, channelId: input.channelId,
      purpose: input.purpose ?? 'team', reference: input.reference ?? null,
    });
    return ok(team);
  };
}
