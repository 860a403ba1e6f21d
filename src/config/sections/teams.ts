import { read, readBoolean, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';
import type { RunMode } from './core.js';

/** Microsoft Teams bot credentials (Teams Developer Portal or Azure Bot registration). */
export interface TeamsConfig {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  /** Development only: accept activities without a Bot Framework token. Refused in production. */
  readonly allowUnauthenticated: boolean;
}

export const teamsVariables: readonly VariableSpec[] = [
  { name: 'TEAMS_APP_ID', help: 'config.var.TEAMS_APP_ID' },
  { name: 'TEAMS_APP_PASSWORD', secret: true, help: 'config.var.TEAMS_APP_PASSWORD' },
  { name: 'TEAMS_TENANT_ID', help: 'config.var.TEAMS_TENANT_ID' },
  { name: 'TEAMS_ALLOW_UNAUTHENTICATED', default: 'false', help: 'config.var.TEAMS_ALLOW_UNAUTHENTICATED' },
];

export function parseTeamsConfig(env: Env, mode: RunMode, problems: ConfigProblem[]): TeamsConfig | null {
  const appId = read(env, 'TEAMS_APP_ID');
  const appPassword = read(env, 'TEAMS_APP_PASSWORD');
  const tenantId = read(env, 'TEAMS_TENANT_ID');
  const allowUnauthenticated = readBoolean(env, 'TEAMS_ALLOW_UNAUTHENTICATED', false, problems);
  if (allowUnauthenticated && mode === 'production') {
    problems.push({ variable: 'TEAMS_ALLOW_UNAUTHENTICATED', code: 'config.problem.teams_unauthenticated_production' });
  }
  if (appId === undefined && appPassword === undefined && !allowUnauthenticated) return null;
  if (!allowUnauthenticated) {
    if (appId === undefined) problems.push({ variable: 'TEAMS_APP_ID', code: 'config.problem.teams_incomplete' });
    if (appPassword === undefined) problems.push({ variable: 'TEAMS_APP_PASSWORD', code: 'config.problem.teams_incomplete' });
  }
  return { appId, appPassword, tenantId, allowUnauthenticated };
}
