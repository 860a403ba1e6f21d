/** An item of durable work received from a door. */
export interface InboxItem {
  /** Idempotency key: the platform's event id (or message id). A redelivery is dropped. */
  readonly dedupeKey: string;
  readonly kind: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Durable intake: stored before the door acknowledges, processed by a worker, never lost. */
export interface Inbox {
  /** `created: false` when the same key was already received (redelivery). */
  enqueue(item: InboxItem): Promise<{ readonly created: boolean; readonly id: string }>;
  /** Where an item stands (`pending`, `running`, `done`, `dead`), or null when it was never received. */
  statusOf(dedupeKey: string): Promise<string | null>;
}

/** A kind of inbox work besides ordinary incoming messages (a door's slow step); `handle` throws to be retried. */
export interface InboxWork {
  handle(payload: Record<string, unknown>, meta: { readonly attempt: number }): Promise<void>;
  /** Every attempt failed: tell whoever is waiting. */
  dead?(payload: Record<string, unknown>, error: string): Promise<void>;
}

/** Stores one item of a declared kind (idempotent on `dedupeKey`). */
export type EnqueueWork = (dedupeKey: string, payload: Record<string, unknown>) => Promise<{ readonly created: boolean }>;
