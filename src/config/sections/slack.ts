import { read, readInteger, readUrl, type ConfigProblem, type Env, type VariableSpec } from '../variable.js';

/**
 * Slack runs in one of three ways:
 * - Socket Mode (bot token + app token; no public URL needed),
 * - HTTP on the shared server (bot token + signing secret),
 * - OAuth distribution to many workspaces (client id/secret + signing secret + state secret).
 */
export interface SlackConfig {
  readonly mode: 'socket' | 'http' | 'oauth';
  readonly botToken: string | undefined;
  readonly appToken: string | undefined;
  readonly signingSecret: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly stateSecret: string | undefined;
  readonly apiUrl: string;
  /** AES-256-GCM key (32 bytes) encrypting the workspaces' tokens at rest (OAuth mode). */
  readonly tokenKey: Buffer | undefined;
  /** Least time between two messages Relais posts in one channel (Slack allows about one per second). */
  readonly channelIntervalMs: number;
}

export const slackVariables: readonly VariableSpec[] = [
  { name: 'SLACK_BOT_TOKEN', secret: true, help: 'config.var.SLACK_BOT_TOKEN' },
  { name: 'SLACK_APP_TOKEN', secret: true, help: 'config.var.SLACK_APP_TOKEN' },
  { name: 'SLACK_SIGNING_SECRET', secret: true, help: 'config.var.SLACK_SIGNING_SECRET' },
  { name: 'SLACK_CLIENT_ID', help: 'config.var.SLACK_CLIENT_ID' },
  { name: 'SLACK_CLIENT_SECRET', secret: true, help: 'config.var.SLACK_CLIENT_SECRET' },
  { name: 'SLACK_STATE_SECRET', secret: true, help: 'config.var.SLACK_STATE_SECRET' },
  { name: 'SLACK_TOKEN_KEY', secret: true, help: 'config.var.SLACK_TOKEN_KEY' },
  { name: 'SLACK_API_URL', default: 'https://slack.com/api/', help: 'config.var.SLACK_API_URL' },
  { name: 'SLACK_CHANNEL_INTERVAL_MS', default: '1000', help: 'config.var.SLACK_CHANNEL_INTERVAL_MS' },
];

export function parseSlackConfig(env: Env, problems: ConfigProblem[]): SlackConfig | null {
  const botToken = read(env, 'SLACK_BOT_TOKEN');
  const appToken = read(env, 'SLACK_APP_TOKEN');
  const signingSecret = read(env, 'SLACK_SIGNING_SECRET');
  const clientId = read(env, 'SLACK_CLIENT_ID');
  const clientSecret = read(env, 'SLACK_CLIENT_SECRET');
  const stateSecret = read(env, 'SLACK_STATE_SECRET');
  const apiUrl = readUrl(env, 'SLACK_API_URL', problems, ['https:', 'http:']) ?? 'https://slack.com/api/';
  const channelIntervalMs = readInteger(env, 'SLACK_CHANNEL_INTERVAL_MS', 1000, problems, { min: 0, max: 60_000 });
  const rawKey = read(env, 'SLACK_TOKEN_KEY');
  let tokenKey: Buffer | undefined;
  if (rawKey !== undefined) {
    tokenKey = /^[0-9a-f]{64}$/i.test(rawKey) ? Buffer.from(rawKey, 'hex') : Buffer.from(rawKey, 'base64');
    if (tokenKey.length !== 32) {
      problems.push({ variable: 'SLACK_TOKEN_KEY', code: 'config.problem.slack_token_key' });
      tokenKey = undefined;
    }
  }
  const any = [botToken, appToken, signingSecret, clientId, clientSecret].some((v) => v !== undefined);
  if (!any) return null;

  if (botToken !== undefined && !botToken.startsWith('xoxb-')) {
    problems.push({ variable: 'SLACK_BOT_TOKEN', code: 'config.problem.slack_bot_token' });
  }
  if (appToken !== undefined && !appToken.startsWith('xapp-')) {
    problems.push({ variable: 'SLACK_APP_TOKEN', code: 'config.problem.slack_app_token' });
  }
  let mode: SlackConfig['mode'];
  if (clientId !== undefined || clientSecret !== undefined) {
    mode = 'oauth';
    if (clientId === undefined) problems.push({ variable: 'SLACK_CLIENT_ID', code: 'config.problem.slack_oauth_incomplete' });
    if (clientSecret === undefined) problems.push({ variable: 'SLACK_CLIENT_SECRET', code: 'config.problem.slack_oauth_incomplete' });
    if (stateSecret === undefined) problems.push({ variable: 'SLACK_STATE_SECRET', code: 'config.problem.slack_oauth_incomplete' });
    if (signingSecret === undefined) problems.push({ variable: 'SLACK_SIGNING_SECRET', code: 'config.problem.slack_signing_secret' });
    if (rawKey === undefined) problems.push({ variable: 'SLACK_TOKEN_KEY', code: 'config.problem.slack_token_key' });
  } else if (appToken !== undefined) {
    mode = 'socket';
    if (botToken === undefined) problems.push({ variable: 'SLACK_BOT_TOKEN', code: 'config.problem.slack_bot_token_missing' });
  } else {
    mode = 'http';
    if (botToken === undefined) problems.push({ variable: 'SLACK_BOT_TOKEN', code: 'config.problem.slack_bot_token_missing' });
    if (signingSecret === undefined) problems.push({ variable: 'SLACK_SIGNING_SECRET', code: 'config.problem.slack_signing_secret' });
  }
  return { mode, botToken, appToken, signingSecret, clientId, clientSecret, stateSecret, apiUrl, tokenKey, channelIntervalMs };
}
