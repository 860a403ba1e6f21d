import type { RosterEntry } from '../../core/domain/roster.js';
import { sensitivityOf } from '../../core/domain/sensitivity.js';
import type { ShiftNote } from '../../core/domain/shift-note.js';
import { confidentialWords } from '../../core/domain/confidential-words.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { firstNameOf, formatDate, formatQuantity } from '../format.js';

const MAX_HIGHLIGHTS = 5;

/**
 * The neutral team-channel summary. Built only from counts, production and the
 * categories of positive team-level observations, with first names: no quote,
 * no frein, no health or justice, no alert, no incident detail can reach it.
 */
export function teamSummaryReply(note: ShiftNote, roster: readonly RosterEntry[], teamName: string, t: Translate, locale: Locale): Reply {
  const x = note.draft!.extraction;
  const title = t('summary.title', { team: teamName, date: formatDate(note.shiftDate, locale) });
  const teamSize = roster.filter((p) => p.team === note.teamId && p.role === 'salarie').length;
  const present = x.attendance.filter((a) => a.status === 'present' || a.status === 'late' || a.status === 'left_early').length;
  const absent = x.attendance.filter((a) => a.status === 'absent').length;
  const late = x.attendance.filter((a) => a.status === 'late').length;
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (x.attendance.length > 0) {
    blocks.push({ type: 'fields', fields: [
      { label: t('section.attendance'), value: t('summary.attendance', { present, total: Math.max(teamSize, present + absent) }) },
      ...(absent ? [{ label: '', value: t('summary.absent', { count: absent }) }] : []),
      ...(late ? [{ label: '', value: t('summary.late', { count: late }) }] : []),
    ] });
  }
  const confidential = new Set([...(note.draft!.confidentialWords ?? []), ...confidentialWords(x)]);
  const production = x.production.filter((p) => p.quantity !== null && p.unit !== null)
    .map((p) => `${sanitizeActivity(p.activity, confidential)} — ${formatQuantity(p.quantity!, locale)} ${t(`unit.${p.unit}`)}`);
  blocks.push(production.length
    ? { type: 'list', title: t('summary.production'), items: [{ title: '', lines: production }] }
    : { type: 'context', text: t('summary.no_production') });
  const highlights = x.observations
    .filter((o) => o.polarity === 'positive' && sensitivityOf(o.category) === 'team')
    .map((o) => ({ name: firstNameOf(roster, o.person), category: t(`category.${o.category}`) }))
    .filter((h): h is { name: string; category: string } => h.name !== null)
    .slice(0, MAX_HIGHLIGHTS);
  if (highlights.length) {
    blocks.push({ type: 'list', title: t('summary.highlights'), items: [{ title: '', lines: highlights.map((h) => t('summary.highlight_line', h)) }] });
  }
  if (x.incidents.length) {
    const kinds = [...new Set(x.incidents.map((i) => i.kind))].map((k) => t(`incident.${k}`));
    blocks.push({ type: 'context', text: t('summary.incidents', { list: kinds.join(', ') }) });
  }
  return { text: title, blocks };
}

/**
 * Activities are short trade words; anything longer is cut so no sentence of the
 * note travels, and a word that also appears in a frein or an alert is dropped.
 */
export function sanitizeActivity(activity: string, confidential: ReadonlySet<string> = new Set()): string {
  const words = activity.replace(/[^\p{L}\p{N}' -]/gu, ' ').split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !confidential.has(w.toLowerCase())).slice(0, 4).join(' ');
  return kept === '' ? '—' : kept;
}
