import { primaryKey, text } from 'drizzle-orm/pg-core';
import { at, createdAt, relais, updatedAt } from './common.js';

/**
 * A chat workspace Relais was installed in through OAuth (Slack distribution).
 * Tokens are encrypted at rest with AES-256-GCM (`storage/token-cipher.ts`,
 * key SLACK_TOKEN_KEY): the columns hold `v1:<iv>:<tag>:<ciphertext>`.
 */
export const installations = relais.table('installations', {
  platform: text('platform').notNull(),
  workspaceId: text('workspace_id').notNull(),
  enterpriseId: text('enterprise_id'),
  workspaceName: text('workspace_name'),
  botToken: text('bot_token').notNull(),
  botUserId: text('bot_user_id'),
  botId: text('bot_id'),
  /** Token rotation: the refresh token and when the bot token expires. */
  refreshToken: text('refresh_token'),
  expiresAt: at('expires_at'),
  scopes: text('scopes'),
  installedBy: text('installed_by'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.platform, t.workspaceId] })]);
