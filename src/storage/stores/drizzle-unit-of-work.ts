import type { Clock } from '../../core/ports/clock.js';
import type { TransactionalStores, UnitOfWork } from '../../core/ports/unit-of-work.js';
import { DrizzleInbox } from '../../jobs/drizzle-inbox.js';
import { DrizzleOutbox } from '../../jobs/drizzle-outbox.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Database, Executor } from '../database.js';
import { DrizzleCheckInStore } from './drizzle-check-in-store.js';
import { DrizzleIdentityStore } from './drizzle-identity-store.js';
import { DrizzleNoteStore } from './drizzle-note-store.js';

export interface UnitOfWorkOptions {
  readonly playground: boolean;
  /** Work is due "now" by the application's clock, so tests on a fake clock see it. */
  readonly clock: Clock;
  /** Called after a successful commit that enqueued work, to wake the workers. */
  readonly onInbox?: () => void;
  readonly onOutbox?: () => void;
  /** Seals sensitive quotes at rest (issue #11). */
  readonly secretBox?: SecretBox | null;
}

export class DrizzleUnitOfWork implements UnitOfWork {
  readonly stores: TransactionalStores;

  constructor(private readonly db: Database, private readonly options: UnitOfWorkOptions) {
    this.stores = this.storesFor(db, true);
  }

  async transaction<T>(work: (stores: TransactionalStores) => Promise<T>): Promise<T> {
    let inbox = false;
    let outbox = false;
    const result = await this.db.transaction(async (tx) => work(this.storesFor(tx as unknown as Executor, false, {
      inbox: () => { inbox = true; },
      outbox: () => { outbox = true; },
    })));
    if (inbox) this.options.onInbox?.();
    if (outbox) this.options.onOutbox?.();
    return result;
  }

  private storesFor(db: Executor, direct: boolean, mark?: { inbox: () => void; outbox: () => void }): TransactionalStores {
    const identities = new DrizzleIdentityStore(db);
    return {
      notes: new DrizzleNoteStore(db, this.options.secretBox ?? null),
      identities,
      checkIns: new DrizzleCheckInStore(db),
      inbox: new DrizzleInbox(db, this.options.clock, direct ? this.options.onInbox : mark?.inbox),
      outbox: new DrizzleOutbox(db, identities, { playground: this.options.playground, clock: this.options.clock, onEnqueued: direct ? this.options.onOutbox : mark?.outbox }),
    };
  }
}
