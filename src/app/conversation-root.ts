import { randomUUID } from 'node:crypto';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Inbox, InboxWork } from '../core/ports/inbox.js';
import type { Logger } from '../core/ports/logger.js';
import type { MessageSender } from '../core/ports/message-sender.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import type { RosterStore } from '../core/ports/roster-store.js';
import { createBindTeamChannel } from '../core/use-cases/bind-team-channel/bind-team-channel.js';
import { createCancelShiftNote } from '../core/use-cases/cancel-shift-note/cancel-shift-note.js';
import { createCaptureShiftNote } from '../core/use-cases/capture-shift-note/capture-shift-note.js';
import { createConfirmShiftNote } from '../core/use-cases/confirm-shift-note/confirm-shift-note.js';
import { createDiscardShiftNote } from '../core/use-cases/discard-shift-note/discard-shift-note.js';
import { createEditShiftNote } from '../core/use-cases/edit-shift-note/edit-shift-note.js';
import { createIdentifyUser, createLinkIdentity } from '../core/use-cases/identify-user/identify-user.js';
import { createListShiftNotes } from '../core/use-cases/list-shift-notes/list-shift-notes.js';
import { createConversation, type Conversation } from '../conversation/conversation.js';
import type { FeatureHandler } from '../conversation/feature-handler.js';
import type { Incoming } from '../conversation/incoming.js';
import { createNotePresenter } from '../conversation/presenters/note-presenter.js';
import { createTranslator } from '../i18n/translator.js';
import { DrizzleInbox } from '../jobs/drizzle-inbox.js';
import { createInboxTick } from '../jobs/inbox-worker.js';
import { IntakeJournal } from '../jobs/intake-journal.js';
import { JournaledInbox } from '../jobs/journaled-inbox.js';
import { createOutboxTick } from '../jobs/outbox-worker.js';
import type { IngressGate } from '../jobs/ingress-gate.js';
import { createJobTablesVacuum } from '../jobs/job-tables-vacuum.js';
import { PollingWorker } from '../jobs/polling-worker.js';
import { createPlaygroundSender } from '../platforms/playground/playground-sender.js';
import type { AuditTrail } from '../core/ports/audit-trail.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DrizzleChatTranscript } from '../storage/stores/drizzle-chat-transcript.js';
import { DrizzleUnitOfWork } from '../storage/stores/drizzle-unit-of-work.js';
import { handleDeadIncoming } from './dead-letters.js';
import { buildSecretBox } from './privacy-root.js';

export interface ConversationOptions {
  readonly extractor: ShiftNoteExtractor;
  readonly rosterStore: RosterStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Extra platform senders (Slack, Teams…); the playground's is added when enabled. */
  readonly senders?: readonly MessageSender[];
  readonly features?: readonly FeatureHandler[];
  readonly workerId?: string;
  readonly pollIntervalMs?: number;
  /** Who changed which salarié's data (issue #11). */
  readonly audit?: AuditTrail;
  /** Acknowledgements first: the workers give way while a door is answering a platform. */
  readonly ingress?: IngressGate;
  /** This instance's intake journal on PostgreSQL (`INTAKE_JOURNAL_DIR`, the service only); the embedded database brings its own. */
  readonly intakeJournalDir?: string;
}

/** The conversation layer, the note use cases, the durable intake and the two workers. */
export function buildConversation(config: Config, database: DatabaseHandle, options: ConversationOptions) {
  const t = createTranslator(config.locale);
  const presenter = createNotePresenter(t, config.locale);
  let inboxWorker: PollingWorker | null = null;
  let outboxWorker: PollingWorker | null = null;
  const uow = new DrizzleUnitOfWork(database.db, {
    playground: config.playground.enabled,
    clock: options.clock,
    onInbox: () => inboxWorker?.wake(),
    onOutbox: () => outboxWorker?.wake(),
    secretBox: buildSecretBox(config),
  });
  const { clock } = options;
  const useCases = {
    identifyUser: createIdentifyUser({ identities: uow.stores.identities }),
    linkIdentity: createLinkIdentity({ identities: uow.stores.identities }),
    captureShiftNote: createCaptureShiftNote({ uow, extractor: options.extractor, presenter, clock, defaultTimezone: config.defaultTimezone }),
    editShiftNote: createEditShiftNote({ uow, extractor: options.extractor, presenter }),
    confirmShiftNote: createConfirmShiftNote({ uow, presenter, clock, ...(options.audit === undefined ? {} : { audit: options.audit }) }),
    discardShiftNote: createDiscardShiftNote({ uow, presenter, clock }),
    cancelShiftNote: createCancelShiftNote({ uow, presenter, clock, cancelWindowHours: config.noteCancelWindowHours }),
    listShiftNotes: createListShiftNotes({ uow, clock, defaultTimezone: config.defaultTimezone }),
    bindTeamChannel: createBindTeamChannel({ identities: uow.stores.identities, rosterStore: options.rosterStore }),
  };
  const conversation: Conversation = createConversation({
    t, locale: config.locale, presenter, outbox: uow.stores.outbox, notes: uow.stores.notes, identities: uow.stores.identities,
    useCases, ...(options.features ? { features: options.features } : {}),
  });
  const transcript = new DrizzleChatTranscript(database.db);
  const senders = new Map<string, MessageSender>();
  if (config.playground.enabled) senders.set('playground', createPlaygroundSender(transcript));
  for (const sender of options.senders ?? []) senders.set(sender.platform, sender);

  const workerId = options.workerId ?? `relais-${randomUUID().slice(0, 8)}`;
  const logger = options.logger.child({ worker: workerId });
  const interval = options.pollIntervalMs ?? 500;
  // Kinds of durable work a door adds besides `incoming` (Slack voice clips to transcribe, message edits…).
  const work = new Map<string, InboxWork>();
  const inboxTick = createInboxTick({
    db: database.db, workerId, clock, logger, leaseMs: config.jobLeaseMs,
    handle: async (kind, payload, meta) => {
      if (kind === 'incoming') return conversation.handle(payload as unknown as Incoming);
      const handler = work.get(kind);
      // Another instance may know this kind (a door configured there only): retried, then buried.
      if (!handler) throw new Error(`inbox.unknown_kind:${kind}`);
      await handler.handle(payload, meta);
    },
    onDead: async (kind, payload, error) => {
      if (kind === 'incoming') return handleDeadIncoming({ kind, payload, error, uow, presenter, logger, t });
      logger.error({ kind }, 'inbox.dead_letter');
      await work.get(kind)?.dead?.(payload, error);
    },
  });
  const outboxTick = createOutboxTick({ db: database.db, workerId, clock, logger, leaseMs: Math.max(1000, config.jobLeaseMs / 2), senders });
  const giveWay = options.ingress ? () => options.ingress!.giveWay() : undefined;
  // Embedded PGlite has no autovacuum: the job tables are vacuumed when the worker is idle, every 500 jobs.
  const vacuum = database.kind === 'pglite' ? createJobTablesVacuum({ db: database.db, logger, everyJobs: 500 }) : null;
  const inboxWithUpkeep = vacuum === null ? inboxTick : async (): Promise<boolean> => {
    const did = await inboxTick();
    if (did) vacuum.jobDone();
    else await vacuum.whenIdle();
    return did;
  };
  inboxWorker = new PollingWorker('inbox', inboxWithUpkeep, interval, logger, giveWay);
  outboxWorker = new PollingWorker('outbox', outboxTick, interval, logger, giveWay);
  // Embedded database in a folder, or PostgreSQL with INTAKE_JOURNAL_DIR: events are journaled (a file append)
  // before the acknowledgement, and moved to the inbox table in the background; elsewhere they go straight to the table.
  const journalDir = database.intakeJournalDir ?? options.intakeJournalDir;
  const journaled = journalDir === undefined ? null : new JournaledInbox(new IntakeJournal(journalDir), new DrizzleInbox(database.db, clock, () => inboxWorker?.wake()), {
    clock, logger, ...(giveWay ? { giveWay } : {}),
  });
  const doorInbox: Inbox = journaled ?? uow.stores.inbox;
  /** Storing an event a platform waits on counts as answering it, whatever the door (Socket Mode has no HTTP request). */
  const acknowledging = async <T>(work: () => Promise<T>): Promise<T> => {
    const leave = options.ingress?.enter();
    try {
      return await work();
    } finally {
      leave?.();
    }
  };

  /** What every door calls: store durably (idempotent on the event id), then let the worker do the rest. */
  const intake = (incoming: Incoming): Promise<{ created: boolean }> => acknowledging(() =>
    doorInbox.enqueue({ dedupeKey: `${incoming.user.platform}:${incoming.id}`, kind: 'incoming', payload: incoming as unknown as Record<string, unknown> }));

  /**
   * Declares a kind of durable work: the door stores it before acknowledging
   * (idempotent on `dedupeKey`), the inbox worker runs `handle` with retries
   * and backoff, and `dead` when every attempt failed.
   */
  const defineWork = (kind: string, handler: InboxWork) => {
    if (kind === 'incoming' || work.has(kind)) throw new Error(`inbox kind ${kind} already defined`);
    work.set(kind, handler);
    return (dedupeKey: string, payload: Record<string, unknown>): Promise<{ created: boolean }> =>
      acknowledging(() => doorInbox.enqueue({ dedupeKey, kind, payload }));
  };

  return {
    t, uow, useCases, conversation, transcript, senders, intake, defineWork,
    workers: { inbox: inboxWorker, outbox: outboxWorker },
    /** Where the doors' events are stored before they are acknowledged (journaled on the embedded install). */
    inbox: doorInbox,
    /** The intake journal (embedded install, or PostgreSQL with INTAKE_JOURNAL_DIR): recovered at start, flushed at shutdown; null elsewhere. */
    journal: journaled,
    /** Runs both workers until no work is left (tests and one-shot commands). */
    drain: async () => {
      let moved = 1;
      // Work done by the workers may store new events (a transcribed voice clip): journaled too.
      while (moved > 0) moved = (await journaled?.flush() ?? 0) + (await inboxWorker!.drain()) + (await outboxWorker!.drain());
    },
  };
}
