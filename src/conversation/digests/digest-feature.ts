import type { Reply } from '../../core/messages/reply.js';
import type { ChannelBinding } from '../../core/ports/identity-store.js';
import type { createManageTeamSettings } from '../../core/use-cases/manage-team-settings/manage-team-settings.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import type { Intent } from '../intent/intent.js';
import { teamSettingsReply } from '../presenters/team-settings.js';
import { plainReply } from '../replies.js';

export interface DigestFeatureDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly teamSettings: ReturnType<typeof createManageTeamSettings>;
  readonly channelBindings: (teamId: string) => Promise<ChannelBinding[]>;
  /** Preview or post a team's daily digest; absent until the digest use cases are wired. */
  readonly digest?: (input: { ctx: HandlerContext; args: string; post: boolean }) => Promise<void>;
  readonly reminders?: (input: { ctx: HandlerContext; args: string }) => Promise<void>;
  readonly reminderAction?: (action: { action: string; value?: string }, ctx: HandlerContext) => Promise<void>;
}

/** Turns a use-case error code into French, with its details. */
export function digestErrorReply(code: string, t: Translate, details?: Readonly<Record<string, unknown>>): Reply {
  const params = Object.fromEntries(Object.entries(details ?? {}).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  const key = `digest.error.${code}`;
  const text = t(key, params);
  return plainReply(text === key ? t('digest.error.generic') : text);
}

/**
 * `/relais équipe réglages [équipe] [clé=valeur …]`, `/relais digest aperçu|publier [équipe] [date]`,
 * `/relais rappels oui|non` and the reminder buttons.
 */
export function createDigestFeature(deps: DigestFeatureDeps): FeatureHandler {
  const { t, locale } = deps;

  async function settings(args: string, ctx: HandlerContext): Promise<void> {
    // `[équipe] clé=valeur …`: a leading word without `=` names the team.
    const firstPair = args.search(/[\p{L}_.-]+\s*=/u);
    const teamKey = (firstPair < 0 ? args : args.slice(0, firstPair)).trim();
    const changes = firstPair < 0 ? '' : args.slice(firstPair);
    const result = changes
      ? await deps.teamSettings.update({ actor: ctx.actor, changes, ...(teamKey ? { teamKey } : {}) })
      : await deps.teamSettings.show({ actor: ctx.actor, ...(teamKey ? { teamKey } : {}) });
    if (!result.ok) return ctx.reply(digestErrorReply(result.code, t, result.details), { private: true });
    const channels = (await deps.channelBindings(result.value.id)).map((b) => `${b.platform} ${b.channelId}`);
    return ctx.reply(teamSettingsReply(result.value, channels, t, locale, changes ? t('settings.saved') : undefined), { private: true });
  }

  return {
    intents: ['schedule'],
    actionPrefixes: ['reminder.'],
    async handleIntent(intent: Intent, ctx: HandlerContext) {
      if (intent.kind !== 'schedule') return;
      switch (intent.command) {
        case 'team-settings': return settings(intent.args, ctx);
        case 'digest-preview': case 'digest-post':
          if (deps.digest) return deps.digest({ ctx, args: intent.args, post: intent.command === 'digest-post' });
          return ctx.reply(plainReply(t('feature.not_ready')));
        case 'reminders':
          if (deps.reminders) return deps.reminders({ ctx, args: intent.args });
          return ctx.reply(plainReply(t('feature.not_ready')));
      }
    },
    async handleAction(action, ctx) {
      if (deps.reminderAction) return deps.reminderAction(action, ctx);
    },
  };
}
