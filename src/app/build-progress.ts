import type { AuditTrail } from '../core/ports/audit-trail.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { ProgressCharts } from '../core/ports/progress-charts.js';
import type { ProgressDocuments } from '../core/ports/progress-documents.js';
import type { ProgressNarrator } from '../core/ports/progress-narrator.js';
import type { RosterStore } from '../core/ports/roster-store.js';
import { createBuildProgressSummary } from '../core/use-cases/build-progress-summary/build-progress-summary.js';
import { createCaptureObjective } from '../core/use-cases/capture-objective/capture-objective.js';
import { createCreateObjective } from '../core/use-cases/create-objective/create-objective.js';
import { createExportProgressDocument } from '../core/use-cases/export-progress-document/export-progress-document.js';
import { createListDueObjectives } from '../core/use-cases/list-due-objectives/list-due-objectives.js';
import { createRecordBilan } from '../core/use-cases/record-bilan/record-bilan.js';
import { createSeedDemoHistory } from '../core/use-cases/seed-demo-history/seed-demo-history.js';
import { createUpdateObjective } from '../core/use-cases/update-objective/update-objective.js';
import { FileCarnetReferential } from '../language/carnet-referential-file.js';
import { FrenchObjectiveReader } from '../language/french-objective-reader.js';
import { RulesProgressNarrator } from '../language/rules-progress-narrator.js';
import { projectPath } from '../project-paths.js';
import type { SecretBox } from '../storage/crypto/secret-box.js';
import type { Database } from '../storage/database.js';
import { DrizzleBilanStore } from '../storage/stores/drizzle-bilan-store.js';
import { DrizzleObjectiveStore } from '../storage/stores/drizzle-objective-store.js';
import { DrizzlePathHistoryWriter } from '../storage/stores/drizzle-path-history-writer.js';
import { DrizzleProgressStore } from '../storage/stores/drizzle-progress-store.js';

/** The Carnet de bord reference lists beside the project (../shared/domain), read at run time when present. */
export const CARNET_REFERENTIAL_PATH = projectPath('..', 'shared', 'domain', 'carnet-de-bord-referentiel.tsv');

/** Skia, Chart.js and pdfkit load on first use only, so commands that draw nothing start fast. */
function lazyCharts(): ProgressCharts {
  const load = async () => new (await import('../charts/chartjs-progress-charts.js')).ChartJsProgressCharts();
  let charts: ReturnType<typeof load> | undefined;
  return {
    attendance: async (facts, locale) => (await (charts ??= load())).attendance(facts, locale),
    skills: async (facts, locale) => (await (charts ??= load())).skills(facts, locale),
  };
}

function lazyDocuments(): ProgressDocuments {
  const load = async () => new (await import('../documents/progress-documents-renderer.js')).PdfKitProgressDocuments();
  let documents: ReturnType<typeof load> | undefined;
  return { render: async (input, format) => (await (documents ??= load())).render(input, format) };
}

/** Progress summaries, bilans and objectives (issue #9): their stores and use cases, wired by the composition root. */
export function buildProgressStores(db: Database, secretBox: SecretBox | null = null) {
  return {
    progress: new DrizzleProgressStore(db, secretBox),
    bilans: new DrizzleBilanStore(db, secretBox),
    objectives: new DrizzleObjectiveStore(db),
    history: new DrizzlePathHistoryWriter(db, secretBox),
  };
}

export function buildProgressUseCases(deps: {
  readonly stores: ReturnType<typeof buildProgressStores> & { readonly roster: RosterStore };
  readonly clock: Clock;
  readonly logger: Logger;
  readonly defaultTimezone: string;
  readonly referentialPath?: string;
  /** The paragraph writer (the LLM one when configured); the rules narrator otherwise. */
  readonly narrator?: ProgressNarrator;
  readonly audit?: AuditTrail;
}) {
  const { stores, clock, logger, defaultTimezone } = deps;
  const referential = new FileCarnetReferential(deps.referentialPath ?? CARNET_REFERENTIAL_PATH, logger);
  const buildProgressSummary = createBuildProgressSummary({
    progressStore: stores.progress, clock, defaultTimezone, narrator: deps.narrator ?? new RulesProgressNarrator(), logger,
    ...(deps.audit === undefined ? {} : { audit: deps.audit }),
  });
  const createObjective = createCreateObjective({ objectiveStore: stores.objectives, progressStore: stores.progress, referential, clock });
  const dueObjectives = createListDueObjectives({ objectiveStore: stores.objectives, clock, defaultTimezone });
  return {
    buildProgressSummary,
    exportProgressDocument: createExportProgressDocument({
      buildProgressSummary, progressStore: stores.progress, bilanStore: stores.bilans, charts: lazyCharts(),
      documents: lazyDocuments(), clock, defaultTimezone, ...(deps.audit === undefined ? {} : { audit: deps.audit }),
    }),
    recordBilan: createRecordBilan({ progressStore: stores.progress, bilanStore: stores.bilans, createObjective }),
    createObjective,
    updateObjective: createUpdateObjective({ objectiveStore: stores.objectives, progressStore: stores.progress, clock }),
    captureObjective: createCaptureObjective({
      reader: new FrenchObjectiveReader(), rosterStore: stores.roster, createObjective, referential, clock, defaultTimezone,
    }),
    listDueObjectives: dueObjectives.listDueObjectives,
    objectiveRemindersByCip: dueObjectives.remindersByCip,
    seedDemoHistory: createSeedDemoHistory({ rosterStore: stores.roster, historyWriter: stores.history, clock, defaultTimezone }),
  };
}
