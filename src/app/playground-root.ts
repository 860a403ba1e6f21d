import type { Config } from '../config/load-config.js';
import type { Logger } from '../core/ports/logger.js';
import type { RosterStore } from '../core/ports/roster-store.js';
import type { Route } from '../http/http-server.js';
import { playgroundRoutes } from '../platforms/playground/playground-routes.js';
import type { buildConversation } from './conversation-root.js';

/** Mounts the playground door on the shared server. */
export function buildPlaygroundRoutes(
  config: Config, conversation: ReturnType<typeof buildConversation>, roster: RosterStore, logger: Logger,
): Route[] {
  const structure = () => roster.defaultStructure();
  return playgroundRoutes({
    t: conversation.t,
    token: config.playground.token,
    conversation: conversation.conversation,
    intake: conversation.intake,
    transcript: conversation.transcript,
    logger: logger.child({ door: 'playground' }),
    directory: {
      people: async () => roster.listPeople((await structure()).id),
      teams: async () => roster.listTeams((await structure()).id),
      link: (personId) => conversation.uow.stores.identities.linkPlatformUser({ platform: 'playground', workspaceId: '', userId: personId }, personId, { linkedBy: 'playground' }),
    },
  });
}
