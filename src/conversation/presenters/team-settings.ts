import type { TeamSchedule } from '../../core/ports/digest-store.js';
import type { Reply } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatQuantity } from '../format.js';

/** A team's schedule as the encadrant reads it, with the command to change it. */
export function teamSettingsReply(team: TeamSchedule, channels: readonly string[], t: Translate, locale: Locale, intro?: string): Reply {
  const s = team.settings;
  const yesNo = (b: boolean) => t(b ? 'settings.yes' : 'settings.no');
  const title = t('settings.title', { team: team.name });
  const targets = Object.entries(s.targets).map(([activity, target]) => t('settings.target_line', {
    activity, quantity: formatQuantity(target.quantity, locale), unit: t(`unit.${target.unit}`), period: t(`settings.period.${target.period}`),
  }));
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      ...(intro ? [{ type: 'text' as const, text: intro }] : []),
      { type: 'fields', fields: [
        { label: t('settings.shift_end'), value: s.shiftEnd },
        { label: t('settings.digest_time'), value: s.digestTime },
        { label: t('settings.timezone'), value: team.timezone },
        { label: t('settings.working_days'), value: s.workingDays.map((d) => t(`day.${d}`)).join(', ') },
        { label: t('settings.digest_enabled'), value: yesNo(s.digestEnabled) },
        { label: t('settings.audience'), value: t(`settings.audience.${s.audience}`) },
        { label: t('settings.channels'), value: channels.length ? channels.join(', ') : t('settings.no_channel') },
        { label: t('settings.absence_names'), value: yesNo(s.absenceFirstNames) },
        { label: t('settings.reminders'), value: yesNo(s.remindersEnabled) },
        { label: t('settings.reminder_time'), value: s.reminderTime },
        { label: t('settings.quiet_hours'), value: `${s.quietStart} – ${s.quietEnd}` },
        { label: t('settings.check_in'), value: yesNo(s.checkInEnabled) },
        { label: t('settings.late_minutes'), value: yesNo(s.trackLatenessMinutes) },
      ] },
      ...(s.guidingQuestions.length ? [{ type: 'list' as const, title: t('settings.guiding_questions'), items: [{ title: '', lines: s.guidingQuestions }] }] : []),
      { type: 'list', title: t('settings.targets'), items: [{ title: '', lines: targets.length ? targets : [t('settings.no_targets')] }] },
      { type: 'context', text: t('settings.help') },
    ],
  };
}
