import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { MessageSender } from '../core/ports/message-sender.js';
import type { Route } from '../http/http-server.js';
import { createTranslator } from '../i18n/translator.js';
import { createTeamsAuthenticator } from '../platforms/teams/teams-auth.js';
import { createTeamsConnector } from '../platforms/teams/teams-connector.js';
import { teamsRoutes } from '../platforms/teams/teams-routes.js';
import { createTeamsSender } from '../platforms/teams/teams-sender.js';
import { createBotTokenProvider } from '../platforms/teams/teams-token.js';
import type { buildConversation } from './conversation-root.js';

/** The Teams door: its sender (for the outbox) and, once the conversation exists, its route. */
export interface TeamsDoor {
  readonly sender: MessageSender;
  routes(conversation: ReturnType<typeof buildConversation>): Route[];
}

/** Builds the Teams door when `config.teams` is set (TEAMS_APP_ID…), else null. */
export function buildTeamsDoor(config: Config, deps: { readonly clock: Clock; readonly logger: Logger }): TeamsDoor | null {
  const teams = config.teams;
  if (!teams) return null;
  const logger = deps.logger.child({ door: 'teams' });
  const t = createTranslator(config.locale);
  const tokens = teams.appId && teams.appPassword
    ? createBotTokenProvider({ tokenUrl: teams.tokenUrl, appId: teams.appId, appPassword: teams.appPassword, clock: deps.clock })
    : null;
  const connector = createTeamsConnector({ tokens, clock: deps.clock });
  // Looking up an unknown user's e-mail happens while Teams waits for our answer: short timeout.
  const lookups = createTeamsConnector({ tokens, clock: deps.clock, timeoutMs: 3_000 });
  const auth = teams.appId ? createTeamsAuthenticator({ appId: teams.appId, openIdMetadataUrl: teams.openIdMetadataUrl, clock: deps.clock, logger }) : null;
  return {
    sender: createTeamsSender({ connector, t, logger }),
    routes: (conversation) => {
      const identities = conversation.uow.stores.identities;
      return teamsRoutes({
        t, clock: deps.clock, logger, auth, allowUnauthenticated: teams.allowUnauthenticated, tenantId: teams.tenantId,
        conversation: conversation.conversation,
        intake: conversation.intake,
        notify: (messages) => conversation.uow.stores.outbox.enqueue(messages),
        rememberUser: async (user, directChannel) => {
          await conversation.useCases.identifyUser({
            user: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId }, door: 'teams', directChannel,
            ...(user.email ? { email: user.email } : {}), ...(user.displayName ? { displayName: user.displayName } : {}),
          });
        },
        refreshChannel: async (place) => {
          if (place.reference) await identities.refreshChannelReference('teams', place.workspaceId, place.conversationId, place.reference);
        },
        emailOf: async (user, where) => {
          if (await identities.findPersonByPlatformUser(user)) return undefined;
          const member = await lookups.member(where.serviceUrl, where.conversationId, where.memberId);
          if (!member.ok) return undefined;
          return member.value.email ?? (member.value.userPrincipalName?.includes('@') ? member.value.userPrincipalName : undefined);
        },
      });
    },
  };
}
