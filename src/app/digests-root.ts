import { randomUUID } from 'node:crypto';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createBuildDailyDigest } from '../core/use-cases/build-daily-digest/build-daily-digest.js';
import { createBuildWeeklyDigest } from '../core/use-cases/build-weekly-digest/build-weekly-digest.js';
import { createManageTeamSettings } from '../core/use-cases/manage-team-settings/manage-team-settings.js';
import { createDigestFeature } from '../conversation/digests/digest-feature.js';
import { createDigestCommands } from '../conversation/digests/digest-commands.js';
import { createReminderActions } from '../conversation/digests/reminder-actions.js';
import { createCheckInFeature } from '../conversation/checkins/check-in-feature.js';
import { checkInReply } from '../conversation/checkins/check-in-reply.js';
import { DrizzleCheckInStore } from '../storage/stores/drizzle-check-in-store.js';
import { createDigestPresenter } from '../conversation/presenters/digest-presenter.js';
import { createTranslator } from '../i18n/translator.js';
import type { IngressGate } from '../jobs/ingress-gate.js';
import { createScheduler, type SchedulerDeps } from '../jobs/scheduler.js';
import { textReply } from '../core/messages/reply.js';
import { formatDate } from '../i18n/format.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DrizzleDigestStore } from '../storage/stores/drizzle-digest-store.js';
import type { buildConversation } from './conversation-root.js';

type ConversationParts = ReturnType<typeof buildConversation>;

/**
 * Team settings, digests and reminders (issue #10). The conversation feature is
 * built before the conversation it plugs into, so it reaches the conversation's
 * stores and outbox through `attach`, called by the composition root.
 */
export function buildDigests(config: Config, database: DatabaseHandle, context: {
  clock: Clock; logger: Logger; workerId?: string;
  /** The scheduler gives way to requests being acknowledged. */
  ingress?: IngressGate;
  /** Séances planned on a date, for the reminder the day before (from the learning store). */
  sessionsOn?: SchedulerDeps['sessionsOn'];
}) {
  const t = createTranslator(config.locale);
  const store = new DrizzleDigestStore(database.db);
  let conversation: ConversationParts | null = null;
  const parts = (): ConversationParts => {
    if (!conversation) throw new Error('digests: conversation not attached');
    return conversation;
  };
  const presenter = createDigestPresenter(t, config.locale);
  const teamSettings = createManageTeamSettings({ digestStore: store });
  const buildDailyDigest = createBuildDailyDigest({ digestStore: store, presenter, clock: context.clock });
  const buildWeeklyDigest = createBuildWeeklyDigest({ digestStore: store, presenter });
  const reminderActions = createReminderActions({ store, clock: context.clock, t, locale: config.locale });
  const feature = createDigestFeature({
    t, locale: config.locale, teamSettings,
    channelBindings: (teamId) => parts().uow.stores.identities.channelBindings(teamId),
    reminders: ({ ctx, args }) => reminderActions.command(args, ctx),
    digest: (input) => digestCommand(input),
    reminderAction: (action, ctx) => reminderActions.action(action, ctx),
  });
  const checkIns = new DrizzleCheckInStore(database.db);
  const checkInFeature = createCheckInFeature({
    t, locale: config.locale, clock: context.clock, checkIns,
    capture: (input) => parts().useCases.captureShiftNote(input),
    snooze: (personId, until) => store.setReminderPreference(personId, { snoozedUntil: until }),
    timezoneOf: async (teamId) => (teamId ? (await store.teamSchedule(teamId))?.timezone : undefined) ?? config.defaultTimezone,
  });
  let scheduler: ReturnType<typeof createScheduler> | null = null;
  /** The scheduler of this instance (built on first use, once the conversation is attached). */
  const schedulerOf = (): ReturnType<typeof createScheduler> => scheduler ??= createScheduler({
    db: database.db, store, clock: context.clock, logger: context.logger,
    workerId: context.workerId ?? `scheduler-${randomUUID().slice(0, 8)}`,
    ...(context.ingress ? { giveWay: () => context.ingress!.giveWay() } : {}),
    catchUpMinutes: config.scheduler.catchUpMinutes, weeklyDigestTime: config.scheduler.weeklyDigestTime,
    playground: config.playground.enabled,
    onOutbox: () => parts().workers.outbox.wake(),
    dailyDigest: async (team, date) => {
      const built = await buildDailyDigest.forTeam(team, date);
      return built.digest.hasRecords ? built.reply : null;
    },
    weeklyDigest: async (structureId, period) => (await buildWeeklyDigest.forStructure(structureId, period)).reply,
    reminder: (input) => presenter.reminder(input),
    checkIn: (input) => checkInReply({ firstName: input.firstName, teamName: input.team.name, date: input.date, guidingQuestions: input.team.settings.guidingQuestions }, t),
    ...(context.sessionsOn ? { sessionsOn: context.sessionsOn } : {}),
    sessionReminder: (input) => textReply(t('reminder.session', {
      date: formatDate(input.date, config.locale), time: input.startTime ? t('reminder.session_time', { time: input.startTime }) : '',
      topic: input.topic, participants: input.participants.join(', '),
    })),
  });
  const digestCommand = createDigestCommands({
    t, locale: config.locale, clock: context.clock, buildDailyDigest,
    post: (team, date, reply, by) => schedulerOf().postDaily(team, date, reply, by),
  });
  return {
    store, feature, checkInFeature,
    presenter,
    useCases: { teamSettings, buildDailyDigest, buildWeeklyDigest },
    scheduler: schedulerOf,
    attach(parts: ConversationParts): void {
      conversation = parts;
    },
  };
}
