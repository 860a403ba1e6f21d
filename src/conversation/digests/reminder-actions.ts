import type { Clock } from '../../core/ports/clock.js';
import type { DigestStore } from '../../core/ports/digest-store.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { HandlerContext } from '../feature-handler.js';
import { plainReply } from '../replies.js';
import { dateTimeFormat } from '../../core/intl-cache.js';

const SNOOZE_MS = 60 * 60_000;

/** The reminder buttons (write, snooze one hour, switch off) and `/relais rappels oui|non`. */
export function createReminderActions(deps: { store: Pick<DigestStore, 'setReminderPreference' | 'reminderPreferences' | 'teamSchedule'>; clock: Clock; t: Translate; locale: Locale }) {
  const { t } = deps;

  async function localTime(at: Date, teamId: string | null): Promise<string> {
    const team = teamId ? await deps.store.teamSchedule(teamId) : null;
    return dateTimeFormat(deps.locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: team?.timezone ?? 'Europe/Paris' }).format(at);
  }

  async function action(input: { action: string; value?: string }, ctx: HandlerContext): Promise<void> {
    const me = ctx.actor.personId;
    switch (input.action) {
      case 'reminder.write': return ctx.reply(plainReply(t('reminder.write_prompt')), { private: true });
      case 'reminder.snooze': {
        const until = new Date(deps.clock.now().getTime() + SNOOZE_MS);
        await deps.store.setReminderPreference(me, { snoozedUntil: until });
        return ctx.reply(plainReply(t('reminder.snoozed', { time: await localTime(until, ctx.actor.teamId) })), { private: true });
      }
      case 'reminder.off':
        await deps.store.setReminderPreference(me, { off: true, snoozedUntil: null });
        return ctx.reply(plainReply(t('reminder.turned_off')), { private: true });
      default: return ctx.reply(plainReply(t('digest.error.generic')), { private: true });
    }
  }

  async function command(args: string, ctx: HandlerContext): Promise<void> {
    const me = ctx.actor.personId;
    const word = args.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
    if (/^(oui|on|active[rz]?|reactive[rz]?)$/.test(word)) {
      await deps.store.setReminderPreference(me, { off: false });
      return ctx.reply(plainReply(t('reminder.turned_on')), { private: true });
    }
    if (/^(non|off|stop|coupe[rz]?|desactive[rz]?)$/.test(word)) {
      await deps.store.setReminderPreference(me, { off: true, snoozedUntil: null });
      return ctx.reply(plainReply(t('reminder.turned_off')), { private: true });
    }
    const [pref] = await deps.store.reminderPreferences([me]);
    return ctx.reply(plainReply(t(pref?.off ? 'reminder.status_off' : 'reminder.status_on')), { private: true });
  }

  return { action, command };
}
