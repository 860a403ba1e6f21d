import type { Config } from '../config/load-config.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { AuditTrail } from '../core/ports/audit-trail.js';
import type { Logger } from '../core/ports/logger.js';
import type { MessageSender } from '../core/ports/message-sender.js';
import type { ProgressNarrator } from '../core/ports/progress-narrator.js';
import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import type { Transcriber } from '../core/ports/transcriber.js';
import { createImportRoster } from '../core/use-cases/import-roster/import-roster.js';
import { createListRoster } from '../core/use-cases/list-roster/list-roster.js';
import { createSeedDemo } from '../core/use-cases/seed-demo/seed-demo.js';
import type { FeatureHandler } from '../conversation/feature-handler.js';
import type { Route } from '../http/http-server.js';
import { createPinoLogger } from '../logging/pino-logger.js';
import type { DatabaseHandle } from '../storage/database.js';
import { openIntakeJournalFolder } from '../storage/folder-lock.js';
import { openDatabase } from '../storage/open-database.js';
import { DrizzleLlmUsage } from '../storage/stores/drizzle-llm-usage.js';
import { DrizzleRosterStore } from '../storage/stores/drizzle-roster-store.js';
import { IngressGate } from '../jobs/ingress-gate.js';
import { buildConversation } from './conversation-root.js';
import { buildProgressStores, buildProgressUseCases } from './build-progress.js';
import { buildLearning } from './learning-root.js';
import { buildDigests } from './digests-root.js';
import { Lifecycle } from './lifecycle.js';
import { chooseEngines } from './llm-root.js';
import { buildPlaygroundRoutes } from './playground-root.js';
import type { SlackDoor } from './slack-root.js';
import { buildDocumentLinks } from './documents-root.js';
import { DrizzleProductionLogStore } from '../storage/stores/drizzle-production-log-store.js';
import { createBuildProductionLog } from '../core/use-cases/build-production-log/build-production-log.js';
import { createExportMonthlyReport, type SpreadsheetWriter } from '../core/use-cases/export-monthly-report/export-monthly-report.js';
import { spreadsheetWriter } from '../documents/monthly-sheets.js';
import { createProductionFeature } from '../conversation/features/production-feature.js';
import { createProgressFeature } from '../conversation/features/progress-feature.js';
import { createGdprFeature } from '../conversation/features/gdpr-feature.js';
import { createTranslator } from '../i18n/translator.js';
import { progressReply } from '../documents/progress-reply.js';
import { buildPrivacy, buildSecretBox } from './privacy-root.js';

/**
 * The one composition root: builds every adapter and use case from the
 * validated config and injects them. Nothing else creates adapters.
 */
export interface Relais {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly database: DatabaseHandle;
  readonly lifecycle: Lifecycle;
  readonly stores: ReturnType<typeof buildStores>;
  readonly useCases: ReturnType<typeof buildUseCases>;
  readonly learning: ReturnType<typeof buildLearning>;
  readonly conversation: ReturnType<typeof buildConversation>;
  /** Voice notes to text (LLM provider's transcription endpoint), null when none is configured. */
  readonly transcriber: Transcriber | null;
  /** Team settings, digests, reminders and their scheduler (issue #10). */
  readonly digests: ReturnType<typeof buildDigests>;
  /** GDPR rights, retention, audit trail. */
  readonly privacy: ReturnType<typeof buildPrivacy>;
  /** HTTP routes of every open door, mounted on the one server. */
  readonly routes: readonly Route[];
  /** Writes spreadsheets (monthly export). */
  readonly spreadsheets: SpreadsheetWriter;
  /** Starts the inbox and outbox workers (stopped by the lifecycle). */
  startWorkers(): void;
  /** Starts the digest and reminder scheduler when enabled (stopped by the lifecycle). */
  startScheduler(): void;
  /** The Slack door when configured (its Socket Mode connection starts with the workers). */
  readonly slack: SlackDoor | null;
  /** Acknowledgements first: the doors mark what a platform waits on, the workers give way. */
  readonly ingress: IngressGate;
}

export interface BuildOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** An already open database (tests share one per file); the caller closes it. */
  readonly database?: DatabaseHandle;
  /** The configured database, already being opened (`relais start`); closed by the lifecycle like one opened here. */
  readonly opening?: Promise<DatabaseHandle>;
  /** Apply migrations on open (start, db migrate); false for read-only commands on a migrated base. */
  readonly migrate?: boolean;
  /** Commands print their own results: only warnings and errors are logged. */
  readonly quiet?: boolean;
  /**
   * The long-running service (`relais start`): on PostgreSQL with INTAKE_JOURNAL_DIR, it journals its
   * intake there. One-shot commands never do: the folder is the service's, locked by it.
   */
  readonly service?: boolean;
  /** Test seams at the edge: another extraction engine, platform senders. */
  readonly extractor?: ShiftNoteExtractor;
  readonly senders?: readonly MessageSender[];
  /** Speech to text for voice notes (none until one is configured). */
  readonly transcriber?: Transcriber;
  readonly features?: readonly FeatureHandler[];
  readonly workerId?: string;
}

export async function buildRelais(config: Config, options: BuildOptions = {}): Promise<Relais> {
  const level = options.quiet && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const logger = options.logger ?? createPinoLogger({ level });
  const clock = options.clock ?? systemClock;
  const lifecycle = new Lifecycle();
  const intakeJournalDir = options.service && config.database.kind === 'postgres' ? config.database.intakeJournalDir : undefined;
  if (intakeJournalDir !== undefined) {
    // Registered first, so released last: after the journal is flushed and the database closed.
    const unlock = openIntakeJournalFolder(intakeJournalDir);
    lifecycle.onStop('intake-journal-lock', async () => unlock());
  }
  const database = options.database ?? await (options.opening ?? openDatabase(config.database));
  if (!options.database) lifecycle.onStop('database', () => database.close());
  if (options.migrate !== false) await database.migrate();
  const stores = buildStores(database, config);
  const engines = await chooseEngines(config, { clock, logger, usage: stores.llmUsage });
  const privacy = buildPrivacy(config, database, { clock, logger });
  const useCases = buildUseCases(stores, { clock, logger, defaultTimezone: config.defaultTimezone, narrator: engines.narrator, workdayHours: config.workdayHours, audit: privacy.audit });
  // Each door's SDK (Bolt, the Teams API, jose) is loaded only when that door is configured: faster start.
  const teams = config.teams ? (await import('./teams-root.js')).buildTeamsDoor(config, { clock, logger }) : null;
  const transcriber = options.transcriber ?? engines.transcriber;
  const slack = config.slack ? (await import('./slack-root.js')).buildSlackDoor(config, { clock, logger, database, ...(transcriber ? { transcriber } : {}) }) : null;
  // Senders given by the caller (tests) come last and win over the doors' own.
  const senders = [...(teams ? [teams.sender] : []), ...(slack ? [slack.sender] : []), ...(options.senders ?? [])];
  const documents = buildDocumentLinks(config, {
    clock, progressStore: stores.progress, exportProgressDocument: useCases.exportProgressDocument,
    // Called when a link is opened, long after `learning` exists.
    exportAttestation: (input) => learning.useCases.exportLearningDocument.attestation(input),
    exportSession: (input) => learning.useCases.exportLearningDocument.session(input),
    exportPersonData: (input) => privacy.exportPersonData(input),
  });
  const learning = buildLearning(config, database.db, { clock, logger, progress: stores.progress, links: documents.links, planner: engines.planner });
  const t = createTranslator(config.locale);
  const progressFeature = createProgressFeature({
    t, locale: config.locale, clock, defaultTimezone: config.defaultTimezone, rosterStore: stores.roster,
    buildProgressSummary: useCases.buildProgressSummary, captureObjective: useCases.captureObjective, updateObjective: useCases.updateObjective,
    links: documents.links,
    presenter: { toReply: (input) => progressReply(input, { more: (count) => t('progress.chat.more', { count }), marker: input.narrative?.engine === 'llm' ? 'ai' : 'rules' }) },
  });
  // Acknowledgements first: workers wait for 10 ms without a platform request before a job, and never more than a second.
  const ingress = new IngressGate({ quietMs: 10, maxWaitMs: 1000 });
  const digests = buildDigests(config, database, {
    clock, logger, ingress, ...(options.workerId ? { workerId: options.workerId } : {}),
    sessionsOn: async (date) => (await learning.store.scheduledOn(date)).map((s) => ({
      trainerId: s.trainerId, sessionId: s.id, topic: s.topic, startTime: s.plan.identification.startTime,
      participants: s.plan.identification.participants.map((p) => p.name),
    })),
  });
  const conversation = buildConversation(config, database, {
    ingress,
    extractor: options.extractor ?? engines.extractor, rosterStore: stores.roster, clock, logger, senders, audit: privacy.audit,
    features: [...(options.features ?? []), progressFeature, learning.feature, digests.feature, digests.checkInFeature,
      createGdprFeature({ t, rosterStore: stores.roster, links: documents.links, erasePersonData: privacy.erasePersonData }),
      createProductionFeature({ t, locale: config.locale, buildProductionLog: useCases.buildProductionLog, rosterStore: stores.roster })],
    ...(options.workerId ? { workerId: options.workerId } : {}),
    ...(intakeJournalDir === undefined ? {} : { intakeJournalDir }),
  });
  digests.attach(conversation);
  if (conversation.journal) {
    const journal = conversation.journal;
    // What a killed process acknowledged but had not moved to the inbox table yet: stored before anything starts.
    await journal.recover();
    // Stops after the doors and workers, before the database: what was acknowledged is in the table, or still journaled.
    lifecycle.onStop('intake', async () => {
      journal.stop();
      await journal.flush();
    });
  }
  const routes: Route[] = [documents.route];
  if (config.playground.enabled) routes.push(...buildPlaygroundRoutes(config, conversation, stores.roster, logger));
  if (teams) routes.push(...teams.routes(conversation));
  if (slack) {
    routes.push(...slack.routes(conversation, stores, {
      weekProduction: async (actor) => {
        const log = await useCases.buildProductionLog({ actor });
        return log.ok ? log.value : null;
      },
    }));
  }
  let started = false;
  return {
    config, logger, clock, database, lifecycle, stores, useCases, learning, conversation, digests, routes, privacy, slack, ingress, spreadsheets: spreadsheetWriter, transcriber: engines.transcriber,
    startWorkers: () => {
      if (started) return;
      started = true;
      conversation.workers.inbox.start();
      conversation.workers.outbox.start();
      privacy.startJobs(lifecycle, options.workerId ?? `relais-${process.pid}`);
      lifecycle.onStop('workers', async () => {
        await Promise.all([conversation.workers.inbox.stop(), conversation.workers.outbox.stop()]);
      });
      if (slack) {
        slack.start().catch((error: unknown) => logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'slack.socket_failed'));
        lifecycle.onStop('slack', () => slack.stop());
      }
    },
    startScheduler: () => {
      if (!config.scheduler.enabled) return;
      const scheduler = digests.scheduler();
      scheduler.start();
      lifecycle.onStop('scheduler', () => scheduler.stop());
    },
  };
}

function buildStores(database: DatabaseHandle, config: Config) {
  return {
    roster: new DrizzleRosterStore(database.db, config.defaultTimezone),
    llmUsage: new DrizzleLlmUsage(database.db, config.llm?.monthlyTokenBudget ?? null),
    productionLog: new DrizzleProductionLogStore(database.db),
    ...buildProgressStores(database.db, buildSecretBox(config)),
  };
}

function buildUseCases(
  stores: ReturnType<typeof buildStores>,
  context: { clock: Clock; logger: Logger; defaultTimezone: string; narrator: ProgressNarrator; workdayHours: number; audit?: AuditTrail },
) {
  const importRoster = createImportRoster({ rosterStore: stores.roster });
  const { workdayHours, ...progressContext } = context;
  return {
    buildProductionLog: createBuildProductionLog({ store: stores.productionLog, rosterStore: stores.roster, clock: context.clock, defaultTimezone: context.defaultTimezone, workdayHours }),
    exportMonthlyReport: createExportMonthlyReport({ store: stores.productionLog, rosterStore: stores.roster, workdayHours }),
    ...buildProgressUseCases({ stores, ...progressContext }),
    importRoster,
    listRoster: createListRoster({ rosterStore: stores.roster }),
    seedDemo: createSeedDemo({ rosterStore: stores.roster, importRoster }),
  };
}
