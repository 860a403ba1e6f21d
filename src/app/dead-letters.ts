import { noteDestination, noteKeys } from '../core/domain/note-keys.js';
import type { Logger } from '../core/ports/logger.js';
import type { NotePresenter } from '../core/ports/note-presenter.js';
import type { UnitOfWork } from '../core/ports/unit-of-work.js';
import type { Incoming } from '../conversation/incoming.js';
import { placeOf } from '../conversation/conversation.js';
import { errorReply } from '../conversation/replies.js';
import type { Translate } from '../i18n/translator.js';

/**
 * An incoming event failed every retry. A note is never lost: it is kept,
 * flagged "needs attention" (listed in "mes notes"), and the author is told.
 */
export async function handleDeadIncoming(deps: {
  kind: string; payload: Record<string, unknown>; error: string; uow: UnitOfWork; presenter: NotePresenter; logger: Logger; t: Translate;
}): Promise<void> {
  if (deps.kind !== 'incoming') return;
  const incoming = deps.payload as unknown as Incoming;
  deps.logger.error({ platform: incoming.user.platform, event: incoming.id }, 'inbox.dead_letter');
  await deps.uow.transaction(async (s) => {
    const note = await s.notes.findByEvent(incoming.user.platform, incoming.id);
    if (note && (note.status === 'received' || note.status === 'needs_attention')) {
      await s.notes.updateNote(note.id, note.version, { status: 'needs_attention' });
      await s.outbox.enqueue([{ key: noteKeys.final(note.id, 'failed'), destination: noteDestination(note), reply: deps.presenter.failed(note), replaces: noteKeys.received(note.id) }]);
      return;
    }
    await s.outbox.enqueue([{ key: `reply:${incoming.id}:failed`, destination: placeOf(incoming), reply: errorReply('generic', deps.t) }]);
  });
}
