import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import { createApplyRetention } from '../core/use-cases/apply-retention/apply-retention.js';
import { createListAuditLog } from '../core/use-cases/list-audit-log/list-audit-log.js';
import { createErasePersonData } from '../core/use-cases/erase-person-data/erase-person-data.js';
import { createExportPersonData } from '../core/use-cases/export-person-data/export-person-data.js';
import { startDailyRetention } from '../jobs/daily-retention.js';
import type { Lifecycle } from './lifecycle.js';
import type { PersonDataDocuments } from '../core/ports/person-data-documents.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DrizzleAuditTrail } from '../storage/audit/drizzle-audit-trail.js';
import { rotateKeys } from '../storage/crypto/rotate-keys.js';
import { SecretBox } from '../storage/crypto/secret-box.js';
import { DrizzlePersonDataStore } from '../storage/privacy/drizzle-person-data-store.js';
import { DrizzleRetentionStore } from '../storage/privacy/drizzle-retention-store.js';

/** GDPR rights, retention and the audit trail (issue #11), wired from the one config. */
/** The box that seals sensitive quotes; null in development without RELAIS_SECRET_KEY (production refuses to start without it). */
export function buildSecretBox(config: Config): SecretBox | null {
  return config.secretKey === undefined ? null : new SecretBox(config.secretKey, config.privacy.previousSecretKeys);
}

/** pdfkit loads on the first right-of-access export only, not at start. */
function lazyPersonDataDocuments(): PersonDataDocuments {
  let documents: Promise<PersonDataDocuments> | undefined;
  const load = async () => new (await import('../documents/person-data-pdf.js')).PdfKitPersonDataDocuments();
  return { renderPdf: async (snapshot, options) => (await (documents ??= load())).renderPdf(snapshot, options) };
}

export function buildPrivacy(config: Config, database: DatabaseHandle, context: { readonly clock: Clock; readonly logger: Logger }) {
  const personData = new DrizzlePersonDataStore(database.db, buildSecretBox(config));
  const audit = new DrizzleAuditTrail(database.db, context.clock);
  const applyRetention = createApplyRetention({
    retention: new DrizzleRetentionStore(database.db), personData, clock: context.clock, logger: context.logger,
    policy: { retentionYears: config.privacy.retentionYears, noteTextRetentionDays: config.privacy.noteTextRetentionDays, timezone: config.defaultTimezone },
  });
  return {
    exportPersonData: createExportPersonData({ personData, documents: lazyPersonDataDocuments(), clock: context.clock, audit }),
    erasePersonData: createErasePersonData({ personData, clock: context.clock }),
    applyRetention,
    audit,
    listAuditLog: createListAuditLog({ audit }),
    /** Re-encrypts sealed columns with the current key; null without RELAIS_SECRET_KEY. */
    async rotateKeys(): Promise<{ keyId: string; count: number } | null> {
      const box = buildSecretBox(config);
      if (box === null) return null;
      const counts = await rotateKeys(database.db, box);
      return { keyId: box.keyId, count: Object.values(counts).reduce((a, b) => a + b, 0) };
    },
    /** The daily retention job, stopped with the application. */
    startJobs(lifecycle: Lifecycle, instanceId: string): void {
      const job = startDailyRetention({
        db: database.db, clock: context.clock, logger: context.logger, hour: config.privacy.retentionHour, timezone: config.defaultTimezone,
        instanceId, run: () => applyRetention({ dryRun: false }),
      });
      lifecycle.onStop('retention', async () => job.stop());
    },
  };
}
