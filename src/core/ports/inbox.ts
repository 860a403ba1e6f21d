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
}
