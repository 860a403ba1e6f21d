import type { IdentityStore } from '../core/ports/identity-store.js';
import type { NotePresenter } from '../core/ports/note-presenter.js';
import type { NoteStore } from '../core/ports/note-store.js';
import type { Outbox } from '../core/ports/outbox.js';
import type { createBindTeamChannel } from '../core/use-cases/bind-team-channel/bind-team-channel.js';
import type { createCancelShiftNote } from '../core/use-cases/cancel-shift-note/cancel-shift-note.js';
import type { createCaptureShiftNote } from '../core/use-cases/capture-shift-note/capture-shift-note.js';
import type { createConfirmShiftNote } from '../core/use-cases/confirm-shift-note/confirm-shift-note.js';
import type { createDiscardShiftNote } from '../core/use-cases/discard-shift-note/discard-shift-note.js';
import type { createEditShiftNote } from '../core/use-cases/edit-shift-note/edit-shift-note.js';
import type { createIdentifyUser, createLinkIdentity } from '../core/use-cases/identify-user/identify-user.js';
import type { createListShiftNotes } from '../core/use-cases/list-shift-notes/list-shift-notes.js';
import type { Locale, Translate } from '../i18n/translator.js';
import type { FeatureHandler } from './feature-handler.js';

/** Everything the conversation layer calls: use cases, read stores for names, the outbox. */
export interface ConversationDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly presenter: NotePresenter;
  readonly outbox: Outbox;
  readonly notes: NoteStore;
  readonly identities: IdentityStore;
  readonly useCases: {
    readonly identifyUser: ReturnType<typeof createIdentifyUser>;
    readonly linkIdentity: ReturnType<typeof createLinkIdentity>;
    readonly captureShiftNote: ReturnType<typeof createCaptureShiftNote>;
    readonly editShiftNote: ReturnType<typeof createEditShiftNote>;
    readonly confirmShiftNote: ReturnType<typeof createConfirmShiftNote>;
    readonly discardShiftNote: ReturnType<typeof createDiscardShiftNote>;
    readonly cancelShiftNote: ReturnType<typeof createCancelShiftNote>;
    readonly listShiftNotes: ReturnType<typeof createListShiftNotes>;
    readonly bindTeamChannel: ReturnType<typeof createBindTeamChannel>;
  };
  /** Features that plug in their own intents (learning sessions, summaries…). */
  readonly features?: readonly FeatureHandler[];
}
