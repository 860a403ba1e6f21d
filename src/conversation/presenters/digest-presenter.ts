import type { DailyDigest, WeeklyDigest } from '../../core/digests/digest-facts.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import type { DigestPresenter } from '../../core/ports/digest-presenter.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate, formatQuantity } from '../format.js';
import { dateTimeFormat } from '../../core/intl-cache.js';

/** French (or English) digests and reminders, as neutral replies every door renders. */
export function createDigestPresenter(t: Translate, locale: Locale): DigestPresenter {
  const q = (n: number) => formatQuantity(n, locale);
  const unit = (u: string) => t(`unit.${u}`);
  const shortDate = (d: string) => dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(`${d}T12:00:00Z`));

  function daily(d: DailyDigest): Reply {
    const title = t('digest.title', { team: d.teamName, date: formatDate(d.date, locale) });
    const blocks: Block[] = [{ type: 'header', text: title }];
    if (!d.hasRecords) blocks.push({ type: 'context', text: t('digest.no_notes') });
    if (d.attendance) {
      const a = d.attendance;
      blocks.push({ type: 'fields', fields: [
        { label: t('digest.attendance'), value: t('digest.attendance_line', { present: a.present, total: a.total }) },
        ...(a.absent ? [{ label: '', value: a.absentFirstNames?.length ? t('digest.absent_names', { names: a.absentFirstNames.join(', ') }) : t('digest.absent_count', { count: a.absent }) }] : []),
        ...(a.late ? [{ label: '', value: t('digest.late_count', { count: a.late }) }] : []),
      ] });
    } else if (d.hasRecords) {
      blocks.push({ type: 'context', text: t('digest.no_attendance') });
    }
    const today = d.production.filter((p) => p.day > 0).map((p) => {
      const dayTarget = p.target?.period === 'day' ? p.target.quantity : null;
      return dayTarget !== null
        ? t('digest.production_target_day', { activity: p.activity, quantity: q(p.day), unit: unit(p.unit), target: q(dayTarget) })
        : t('digest.production_line', { activity: p.activity, quantity: q(p.day), unit: unit(p.unit) });
    });
    blocks.push(today.length
      ? { type: 'list', title: t('digest.production'), items: [{ title: '', lines: today }] }
      : { type: 'context', text: t('digest.no_production') });
    const week = d.production.filter((p) => p.weekToDate > 0).map((p) => {
      const weekTarget = p.target ? (p.target.period === 'week' ? p.target.quantity : null) : null;
      return weekTarget !== null
        ? t('digest.week_target_line', { activity: p.activity, quantity: q(p.weekToDate), target: q(weekTarget), unit: unit(p.unit) })
        : t('digest.week_line', { activity: p.activity, quantity: q(p.weekToDate), unit: unit(p.unit) });
    });
    if (week.length) blocks.push({ type: 'list', title: t('digest.week_title'), items: [{ title: '', lines: week }] });
    if (d.highlights.length) {
      blocks.push({ type: 'list', title: t('digest.highlights'), items: [{ title: '', lines: d.highlights.map((h) => t('digest.highlight_line', { name: h.firstName, category: t(`category.${h.category}`) })) }] });
    }
    if (d.upcomingSessions.length) blocks.push({ type: 'context', text: t('digest.sessions', { list: d.upcomingSessions.map(shortDate).join(', ') }) });
    return { text: title, blocks };
  }

  function weekly(w: WeeklyDigest): Reply {
    const title = t('weekly.title', { from: formatDate(w.from, locale), to: formatDate(w.to, locale) });
    const items = w.teams.map((team) => ({
      title: t('weekly.team', { team: team.teamName }),
      lines: [
        ...(team.production.length
          ? team.production.map((p) => p.target !== null
            ? t('digest.week_target_line', { activity: p.activity, quantity: q(p.quantity), target: q(p.target), unit: unit(p.unit) })
            : t('digest.production_line', { activity: p.activity, quantity: q(p.quantity), unit: unit(p.unit) }))
          : [t('weekly.production_none')]),
        team.attendanceDays
          ? t('weekly.attendance_rate', { rate: Math.round((100 * team.presentDays) / team.attendanceDays), present: team.presentDays, days: team.attendanceDays })
          : t('weekly.no_attendance'),
        t('weekly.alerts', { count: team.openAlerts }),
        t('weekly.sessions', { count: team.sessionsHeld }),
        t('weekly.skills', { count: team.skillsValidated }),
        t('weekly.notes_not_sent', { count: team.notesNotSent }),
        ...(team.daysWithoutNote > 0 ? [t('weekly.days_without_note', { count: team.daysWithoutNote })] : []),
      ],
    }));
    return { text: title, blocks: [{ type: 'header', text: title }, { type: 'list', items }] };
  }

  function reminder(input: { firstName: string; personId: string; date: string }): Reply {
    const text = t('reminder.text', { name: input.firstName });
    return {
      text,
      blocks: [
        { type: 'text', text },
        { type: 'actions', elements: [
          { type: 'button', action: 'reminder.write', label: t('reminder.write'), value: input.date, style: 'primary' },
          { type: 'button', action: 'reminder.snooze', label: t('reminder.snooze'), value: input.date },
          { type: 'button', action: 'reminder.off', label: t('reminder.off'), value: input.date },
        ] },
      ],
    };
  }

  return { daily, weekly, reminder };
}
