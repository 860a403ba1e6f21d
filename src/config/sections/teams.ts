import { read, readBoolean, readUrl, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';
import type { RunMode } from './core.js';

/** Microsoft Teams bot credentials (Teams Developer Portal or Azure Bot registration). */
export interface TeamsConfig {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
  /** Development only: accept activities without a Bot Framework token. Refused in production. */
  readonly allowUnauthenticated: boolean;
  /** Where the Bot Framework publishes its token issuer and signing keys (OpenID metadata). */
  readonly openIdMetadataUrl: string;
  /** Client-credentials endpoint that gives the bot its token for the Bot Connector. */
  readonly tokenUrl: string;
}

export const DEFAULT_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const tokenUrlFor = (tenant: string): string => `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const teamsVariables: readonly VariableSpec[] = [
  { name: 'TEAMS_APP_ID', help: 'config.var.TEAMS_APP_ID' },
  { name: 'TEAMS_APP_PASSWORD', secret: true, help: 'config.var.TEAMS_APP_PASSWORD' },
  { name: 'TEAMS_TENANT_ID', help: 'config.var.TEAMS_TENANT_ID' },
  { name: 'TEAMS_ALLOW_UNAUTHENTICATED', default: 'false', help: 'config.var.TEAMS_ALLOW_UNAUTHENTICATED' },
  { name: 'TEAMS_OPENID_METADATA_URL', default: DEFAULT_OPENID_METADATA_URL, help: 'config.var.TEAMS_OPENID_METADATA_URL' },
  { name: 'TEAMS_TOKEN_URL', default: tokenUrlFor('botframework.com'), help: 'config.var.TEAMS_TOKEN_URL' },
];

export function parseTeamsConfig(env: Env, mode: RunMode, problems: ConfigProblem[]): TeamsConfig | null {
  const appId = read(env, 'TEAMS_APP_ID');
  const appPassword = read(env, 'TEAMS_APP_PASSWORD');
  const tenantId = read(env, 'TEAMS_TENANT_ID');
  const allowUnauthenticated = readBoolean(env, 'TEAMS_ALLOW_UNAUTHENTICATED', false, problems);
  const openIdMetadataUrl = readUrl(env, 'TEAMS_OPENID_METADATA_URL', problems, ['https:', 'http:']) ?? DEFAULT_OPENID_METADATA_URL;
  // A single-tenant bot gets its token from its own tenant; a multi-tenant one from botframework.com.
  const tokenUrl = readUrl(env, 'TEAMS_TOKEN_URL', problems, ['https:', 'http:']) ?? tokenUrlFor(tenantId ?? 'botframework.com');
  if (allowUnauthenticated && mode === 'production') {
    problems.push({ variable: 'TEAMS_ALLOW_UNAUTHENTICATED', code: 'config.problem.teams_unauthenticated_production' });
  }
  if (appId === undefined && appPassword === undefined && !allowUnauthenticated) return null;
  if (appId !== undefined && !GUID.test(appId)) problems.push({ variable: 'TEAMS_APP_ID', code: 'config.problem.teams_app_id' });
  if (!allowUnauthenticated) {
    if (appId === undefined) problems.push({ variable: 'TEAMS_APP_ID', code: 'config.problem.teams_incomplete' });
    if (appPassword === undefined) problems.push({ variable: 'TEAMS_APP_PASSWORD', code: 'config.problem.teams_incomplete' });
  }
  return { appId, appPassword, tenantId, allowUnauthenticated, openIdMetadataUrl, tokenUrl };
}
