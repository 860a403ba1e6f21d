import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createManageTeamSettings } from '../core/use-cases/manage-team-settings/manage-team-settings.js';
import { createDigestFeature } from '../conversation/digests/digest-feature.js';
import { createTranslator } from '../i18n/translator.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DrizzleDigestStore } from '../storage/stores/drizzle-digest-store.js';
import type { buildConversation } from './conversation-root.js';

type ConversationParts = ReturnType<typeof buildConversation>;

/**
 * Team settings, digests and reminders (issue #10). The conversation feature is
 * built before the conversation it plugs into, so it reaches the conversation's
 * stores and outbox through `attach`, called by the composition root.
 */
export function buildDigests(config: Config, database: DatabaseHandle, context: { clock: Clock; logger: Logger }) {
  const t = createTranslator(config.locale);
  const store = new DrizzleDigestStore(database.db);
  let conversation: ConversationParts | null = null;
  const parts = (): ConversationParts => {
    if (!conversation) throw new Error('digests: conversation not attached');
    return conversation;
  };
  const teamSettings = createManageTeamSettings({ digestStore: store });
  const feature = createDigestFeature({
    t, locale: config.locale, teamSettings,
    channelBindings: (teamId) => parts().uow.stores.identities.channelBindings(teamId),
  });
  void context;
  return {
    store, feature,
    useCases: { teamSettings },
    attach(parts: ConversationParts): void {
      conversation = parts;
    },
  };
}
