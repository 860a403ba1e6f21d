import type { RosterEntry } from '../../core/domain/roster.js';
import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { AlertRecord } from '../../core/extraction/shift-note-extraction.js';
import type { Block, Reply } from '../../core/messages/reply.js';
import type { NotePresenter } from '../../core/ports/note-presenter.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import { formatDate, nameOf, shorten } from '../format.js';
import { noteActions } from './note-actions.js';
import { questionBlocks } from './question-blocks.js';
import { attendanceCounts, draftBlocks, topicLabel } from './draft-view.js';
import { teamSummaryReply } from './team-summary.js';

/** French (or English) views of a note at each step of the daily loop. */
export function createNotePresenter(t: Translate, locale: Locale): NotePresenter {
  const date = (note: ShiftNote) => formatDate(note.shiftDate, locale);
  const marker = (note: ShiftNote): Reply['marker'] => {
    const d = note.draft;
    if (!d) return undefined;
    return d.engine === 'llm' ? 'ai' : d.degraded ? 'ai-degraded' : 'rules';
  };
  return {
    received: () => ({ text: t('note.received'), blocks: [{ type: 'text', text: t('note.received') }] }),
    draft: (note, roster) => {
      const m = marker(note);
      const blocks: Block[] = [
        { type: 'header', text: t('note.draft.title', { date: date(note) }) },
        ...(m ? [{ type: 'context' as const, text: t(`note.marker.${m}`) }] : []),
        ...draftBlocks(note, note.draft!, roster, t, locale),
        ...questionBlocks(note, roster, t, locale),
        noteActions(note, t),
        { type: 'context', text: t('note.draft.hint') },
      ];
      return { text: t('note.draft.title', { date: date(note) }), blocks, ...(m ? { marker: m } : {}) };
    },
    confirmed: (note, roster) => {
      const x = note.draft!.extraction;
      const blocks: Block[] = [
        { type: 'header', text: t('note.confirmed.title', { date: date(note) }) },
        ...draftBlocks(note, note.draft!, roster, t, locale),
        { type: 'context', text: t('note.confirmed.summary_sent') },
        ...(x.alerts.length ? [{ type: 'context' as const, text: t('note.confirmed.alerts_sent', { count: x.alerts.length }) }] : []),
      ];
      return { text: t('note.confirmed.title', { date: date(note) }), blocks };
    },
    discarded: () => ({ text: t('note.discarded'), blocks: [{ type: 'text', text: t('note.discarded') }] }),
    teamSummary: (note, roster, teamName) => teamSummaryReply(note, roster, teamName, t, locale),
    alert: (note, alert, roster) => alertReply(note, alert, roster, t, date(note)),
    cancelled: (note) => ({ text: t('note.cancelled', { date: date(note) }), blocks: [{ type: 'text', text: t('note.cancelled', { date: date(note) }) }] }),
    summaryWithdrawn: (note) => ({ text: t('summary.withdrawn', { date: date(note) }), blocks: [{ type: 'context', text: t('summary.withdrawn', { date: date(note) }) }] }),
    failed: (note) => ({ text: t('note.failed', { date: date(note) }), blocks: [{ type: 'text', text: t('note.failed', { date: date(note) }) }] }),
  };
}

function alertReply(note: ShiftNote, alert: AlertRecord, roster: readonly RosterEntry[], t: Translate, date: string): Reply {
  const title = t('alert.title', { topic: topicLabel(alert.topic, t) });
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: `${t('alert.body', { author: nameOf(roster, note.authorId, t), date })}\n> ${shorten(alert.evidence, 500)}` },
      { type: 'fields', fields: [{ label: t('alert.subject', { name: '' }).replace(/ *:? *$/, ''), value: nameOf(roster, alert.person, t) }] },
      { type: 'actions', elements: [{ type: 'button', action: 'alert.ack', label: t('alert.button.ack'), value: note.id, style: 'primary' }] },
    ],
  };
}

export { attendanceCounts };
