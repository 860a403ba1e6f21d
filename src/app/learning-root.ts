import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { DocumentLinks } from '../core/ports/document-links.js';
import type { LearningDocuments } from '../core/ports/learning-documents.js';
import type { ProgressStore } from '../core/ports/progress-store.js';
import type { SessionPlanner } from '../core/ports/session-planner.js';
import { createConfirmLearningSession } from '../core/use-cases/confirm-learning-session/confirm-learning-session.js';
import { createConfirmSessionOutcome } from '../core/use-cases/confirm-session-outcome/confirm-session-outcome.js';
import { createDraftLearningSession } from '../core/use-cases/draft-learning-session/draft-learning-session.js';
import { createExportLearningDocument } from '../core/use-cases/export-learning-document/export-learning-document.js';
import { createEditLearningSession } from '../core/use-cases/edit-learning-session/edit-learning-session.js';
import { createImportSkills } from '../core/use-cases/import-skills/import-skills.js';
import { createListSessionReminders } from '../core/use-cases/list-session-reminders/list-session-reminders.js';
import { createIssueSkillsAttestation } from '../core/use-cases/issue-skills-attestation/issue-skills-attestation.js';
import { createRecordSessionOutcome } from '../core/use-cases/record-session-outcome/record-session-outcome.js';
import { createLearningFeature } from '../conversation/learning/learning-feature.js';
import { createTranslator } from '../i18n/translator.js';
import { FrenchOutcomeReader } from '../language/french-outcome-reader.js';
import { RulesSessionPlanner } from '../language/rules-session-planner.js';
import { FileSessionTemplates } from '../language/session-template-files.js';
import { projectPath } from '../project-paths.js';
import type { Database } from '../storage/database.js';
import { DrizzleLearningStore } from '../storage/stores/drizzle-learning-store.js';
import { buildSecretBox } from './privacy-root.js';

/** The curated séance library shipped with Relais (one JSON file per trade). */
export const SESSION_TEMPLATES_PATH = projectPath('session-templates');

/** pdfkit loads on first use only, so commands that print nothing start fast. */
function lazyDocuments(): LearningDocuments {
  const load = async () => new (await import('../documents/learning-documents.js')).PdfKitLearningDocuments();
  let documents: ReturnType<typeof load> | undefined;
  return {
    session: async (input, format) => (await (documents ??= load())).session(input, format),
    attestation: async (input, format) => (await (documents ??= load())).attestation(input, format),
  };
}

/** Learning sessions (issue #8): store, rules planner and reader, use cases and the conversation feature. */
export function buildLearning(config: Config, db: Database, deps: { readonly clock: Clock; readonly logger: Logger; readonly progress: ProgressStore; readonly links?: DocumentLinks; readonly templateFolders?: readonly string[]; readonly planner?: ((rules: SessionPlanner) => SessionPlanner) | null }) {
  const store = new DrizzleLearningStore(db, buildSecretBox(config));
  const folders = deps.templateFolders ?? [SESSION_TEMPLATES_PATH, ...(config.learning.sessionTemplatesDir ? [config.learning.sessionTemplatesDir] : [])];
  const templates = new FileSessionTemplates(folders, (file, problem) => deps.logger.warn({ file, problem }, 'session template file skipped'));
  const { clock } = deps;
  const rulesPlanner = new RulesSessionPlanner(templates);
  const planner = deps.planner ? deps.planner(rulesPlanner) : rulesPlanner;
  const useCases = {
    draftLearningSession: createDraftLearningSession({ store, planner, clock }),
    confirmLearningSession: createConfirmLearningSession({ store }),
    editLearningSession: createEditLearningSession({ store }),
    recordSessionOutcome: createRecordSessionOutcome({ store, reader: new FrenchOutcomeReader(), clock }),
    confirmSessionOutcome: createConfirmSessionOutcome({ store, clock }),
    issueSkillsAttestation: createIssueSkillsAttestation({ store, progress: deps.progress, clock }),
    importSkills: createImportSkills({ store }),
    listSessionReminders: createListSessionReminders({ store, clock, defaultTimezone: config.defaultTimezone }),
  };
  const exportLearningDocument = createExportLearningDocument({ store, documents: lazyDocuments(), issueSkillsAttestation: useCases.issueSkillsAttestation });
  const feature = createLearningFeature({
    t: createTranslator(config.locale), locale: config.locale, store, useCases: { ...useCases, exportLearningDocument }, ...(deps.links ? { links: deps.links } : {}),
  });
  return { store, templates, useCases: { ...useCases, exportLearningDocument }, feature };
}
