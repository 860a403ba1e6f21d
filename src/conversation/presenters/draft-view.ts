import type { RosterEntry } from '../../core/domain/roster.js';
import type { NoteDraft, ShiftNote } from '../../core/domain/shift-note.js';
import type { ShiftNoteExtraction } from '../../core/extraction/shift-note-extraction.js';
import type { Block } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatQuantity, nameOf, shorten } from '../format.js';

/** Lines per section shown in a chat message; the form shows everything. */
export const MAX_LINES_PER_SECTION = 25;

export function attendanceCounts(x: ShiftNoteExtraction) {
  const count = (s: string) => x.attendance.filter((a) => a.status === s).length;
  return { present: count('present'), absent: count('absent'), late: count('late'), left: count('left_early') };
}

/** The draft's content blocks, numbered per section so users can say "enlève la 2e observation". */
export function draftBlocks(note: ShiftNote, draft: NoteDraft, roster: readonly RosterEntry[], t: Translate, locale: Locale): Block[] {
  const x = draft.extraction;
  const blocks: Block[] = [];
  if (draft.transcript) blocks.push({ type: 'text', text: t('note.draft.voice', { text: shorten(draft.transcript, 600) }) });
  const empty = x.attendance.length + x.production.length + x.observations.length + x.incidents.length + x.alerts.length === 0;
  if (empty) {
    blocks.push({ type: 'text', text: t('note.draft.nothing') });
    return blocks;
  }
  if (x.attendance.length > 0) {
    const present = x.attendance.filter((a) => a.status === 'present').map((a) => nameOf(roster, a.person, t).split(' ')[0]);
    const lines = x.attendance.map((a, i) => ({ a, n: i + 1 })).filter(({ a }) => a.status !== 'present').map(({ a, n }) => {
      const details = [t(`attendance.${a.status}`), a.minutes !== null ? t('note.draft.minutes', { minutes: a.minutes }) : '',
        a.excused === null ? '' : t(`excused.${a.excused}`)].filter(Boolean).join(', ');
      return `${n}. ${t('note.draft.attendance_line', { name: nameOf(roster, a.person, t), status: details })}`;
    });
    blocks.push({ type: 'list', title: t('section.attendance'), items: [{ title: t('note.draft.counts', attendanceCounts(x)), lines: [
      ...(present.length ? [t('note.draft.present_list', { names: present.join(', ') })] : []), ...lines] }] });
  }
  if (x.production.length > 0) {
    blocks.push({ type: 'list', title: t('section.production'), items: [{ title: '', lines: capped(x.production.map((p, i) => (p.quantity === null
      ? t('note.draft.production_unquantified', { n: i + 1, activity: p.activity })
      : t('note.draft.production_line', { n: i + 1, activity: p.activity, quantity: formatQuantity(p.quantity, locale), unit: p.unit ? t(`unit.${p.unit}`) : '' }))), t) }] });
  }
  if (x.observations.length > 0) {
    const byPerson = new Map<string, string[]>();
    x.observations.forEach((o, i) => {
      const line = t('note.draft.observation_line', { n: i + 1, category: t(`category.${o.category}`), polarity: t(`polarity.${o.polarity}`), evidence: shorten(o.evidence) });
      byPerson.set(o.person, [...(byPerson.get(o.person) ?? []), line]);
    });
    const items = [...byPerson].map(([person, lines]) => ({ title: nameOf(roster, person, t), lines: capped(lines, t) }));
    blocks.push({ type: 'list', title: t('section.observations'), items: items.slice(0, MAX_LINES_PER_SECTION) });
  }
  if (x.incidents.length > 0) {
    blocks.push({ type: 'list', title: t('section.incidents'), items: [{ title: '', lines: capped(x.incidents.map((inc, i) => t('note.draft.incident_line', {
      n: i + 1, kind: t(`incident.${inc.kind}`), evidence: shorten(inc.evidence),
      persons: inc.persons.length ? ` (${inc.persons.map((p) => nameOf(roster, p, t)).join(', ')})` : '',
    })), t) }] });
  }
  if (x.alerts.length > 0) {
    blocks.push({ type: 'list', title: t('section.alerts'), items: [{ title: '', lines: capped(x.alerts.map((a, i) => t('note.draft.alert_line', {
      n: i + 1, topic: topicLabel(a.topic, t), name: nameOf(roster, a.person, t), evidence: shorten(a.evidence),
    })), t) }] });
  }
  if (x.unknownNames.length > 0) blocks.push({ type: 'context', text: t('note.draft.unknown_names', { names: x.unknownNames.join(', ') }) });
  return blocks;
}

export const topicLabel = (topic: string, t: Translate): string =>
  (topic === 'securite' || topic === 'violence' ? t(`topic.${topic}`) : t(`category.${topic}`));

function capped(lines: string[], t: Translate): string[] {
  if (lines.length <= MAX_LINES_PER_SECTION) return lines;
  return [...lines.slice(0, MAX_LINES_PER_SECTION), t('note.draft.more', { count: lines.length - MAX_LINES_PER_SECTION })];
}
