import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { Reply } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate } from '../format.js';

/** "mes notes de la semaine": status of each note, so nothing acknowledged goes missing. */
export function listNotesReply(listed: { notes: readonly ShiftNote[]; from: string; to: string }, t: Translate, locale: Locale): Reply {
  const title = t('notes.list.title', { from: formatDate(listed.from, locale), to: formatDate(listed.to, locale) });
  if (listed.notes.length === 0) return { text: title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t('notes.list.empty') }] };
  const lines = listed.notes.slice(0, 40).map((n) => {
    const x = n.draft?.extraction;
    const summary = x ? ` (${x.attendance.length} ${t('section.attendance').toLowerCase()}, ${x.production.length} ${t('section.production').toLowerCase()}, ${x.observations.length} ${t('section.observations').toLowerCase()})` : '';
    return t('notes.list.line', { date: formatDate(n.shiftDate, locale), status: t(`notes.status.${n.status}`), summary });
  });
  return { text: title, blocks: [{ type: 'header', text: title }, { type: 'list', items: [{ title: '', lines }] }] };
}
