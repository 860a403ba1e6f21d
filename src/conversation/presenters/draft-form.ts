import type { RosterEntry } from '../../core/domain/roster.js';
import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { Form } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate, formatQuantity, nameOf } from '../format.js';
import { NOTE_ACTIONS } from './note-actions.js';

/**
 * The edit form: one text area per section, one line per record, pre-filled.
 * Plain lines work the same in a Slack modal, a Teams card and the playground.
 */
export function draftForm(note: ShiftNote, roster: readonly RosterEntry[], t: Translate, locale: Locale): Form {
  const x = note.draft!.extraction;
  const name = (id: string | null) => nameOf(roster, id, t);
  const attendance = x.attendance.map((a) => {
    const parts = [t(`attendance.${a.status}`)];
    if (a.excused !== null) parts.push(t(`excused.${a.excused}`));
    if (a.minutes !== null) parts.push(`${a.minutes} min`);
    return `${name(a.person)} : ${parts.join(' ')}`;
  });
  const production = x.production.map((p) => `${p.activity} : ${p.quantity === null ? '' : formatQuantity(p.quantity, locale)} ${p.unit ? t(`unit.${p.unit}`) : ''}`.trim());
  const observations = x.observations.map((o) => `${name(o.person)} · ${t(`category.${o.category}`)} · ${t(`polarity.${o.polarity}`)} · ${o.evidence}`);
  const incidents = x.incidents.map((i) => `${t(`incident.${i.kind}`)} : ${i.evidence}`);
  const alerts = x.alerts.map((a) => `${name(a.person)} · ${a.topic === 'securite' || a.topic === 'violence' ? t(`topic.${a.topic}`) : t(`category.${a.topic}`)} · ${a.evidence}`);
  const input = (fieldName: string, lines: string[]) => ({
    type: 'input' as const, name: fieldName, label: t(`note.form.${fieldName}`), multiline: true, value: lines.join('\n'), required: false,
  });
  return {
    action: NOTE_ACTIONS.submitForm,
    value: `${note.id}:${note.version}`,
    title: t('note.form.title', { date: formatDate(note.shiftDate, locale) }),
    submitLabel: t('note.form.submit'),
    cancelLabel: t('note.form.cancel'),
    cancelAction: NOTE_ACTIONS.show,
    inputs: [input('attendance', attendance), input('production', production), input('observations', observations),
      input('incidents', incidents), input('alerts', alerts)],
  };
}
