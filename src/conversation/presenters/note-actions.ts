import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { Block } from '../../core/messages/reply.js';
import type { Translate } from '../../i18n/translator.js';

/** Action ids of the draft's buttons; the value is the note id. */
export const NOTE_ACTIONS = { confirm: 'note.confirm', edit: 'note.edit', discard: 'note.discard', submitForm: 'note.form', show: 'note.show' } as const;

export function noteActions(note: ShiftNote, t: Translate): Block {
  return {
    type: 'actions',
    elements: [
      { type: 'button', action: NOTE_ACTIONS.confirm, label: t('note.button.confirm'), value: note.id, style: 'primary' },
      { type: 'button', action: NOTE_ACTIONS.edit, label: t('note.button.edit'), value: note.id },
      {
        type: 'button', action: NOTE_ACTIONS.discard, label: t('note.button.discard'), value: note.id, style: 'danger',
        confirm: { title: t('note.discard.confirm_title'), text: t('note.discard.confirm_text'), yes: t('note.discard.confirm_yes'), no: t('note.discard.confirm_no') },
      },
    ],
  };
}
