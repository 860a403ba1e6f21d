import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createBuildDailyDigest } from '../core/use-cases/build-daily-digest/build-daily-digest.js';
import { createBuildWeeklyDigest } from '../core/use-cases/build-weekly-digest/build-weekly-digest.js';
import { createManageTeamSettings } from '../core/use-cases/manage-team-settings/manage-team-settings.js';
import { createDigestFeature } from '../conversation/digests/digest-feature.js';
import { createDigestPresenter } from '../conversation/presenters/digest-presenter.js';
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
  const presenter = createDigestPresenter(t, config.locale);
  const teamSettings = createManageTeamSettings({ digestStore: store });
  const buildDailyDigest = createBuildDailyDigest({ digestStore: store, presenter });
  const buildWeeklyDigest = createBuildWeeklyDigest({ digestStore: store, presenter });
  const feature = createDigestFeature({
    t, locale: config.locale, teamSettings,
    channelBindings: (teamId) => parts().uow.stores.identities.channelBindings(teamId),
  });
  void context;
  return {
    store, feature,
    presenter,
    useCases: { teamSettings, buildDailyDigest, buildWeeklyDigest },
    attach(parts: ConversationParts): void {
      conversation = parts;
    },
  };
}
