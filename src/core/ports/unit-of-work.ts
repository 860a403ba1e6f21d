import type { CheckInStore } from './check-in-store.js';
import type { IdentityStore } from './identity-store.js';
import type { Inbox } from './inbox.js';
import type { NoteStore } from './note-store.js';
import type { Outbox } from './outbox.js';

/** The stores a use case may use inside one transaction. */
export interface TransactionalStores {
  readonly notes: NoteStore;
  readonly identities: IdentityStore;
  readonly outbox: Outbox;
  readonly inbox: Inbox;
  /** End-of-shift check-ins, moved on by the note's life (issue #13). */
  readonly checkIns: CheckInStore;
}

/**
 * Runs work atomically: records and the messages announcing them are written
 * together or not at all (transactional outbox).
 */
export interface UnitOfWork {
  readonly stores: TransactionalStores;
  transaction<T>(work: (stores: TransactionalStores) => Promise<T>): Promise<T>;
}
