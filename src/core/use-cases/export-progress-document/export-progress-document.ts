import type { Actor } from '../../domain/actor.js';
import { businessDate } from '../../domain/business-date.js';
import { authorize } from '../../policy/authorize.js';
import type { BilanStore } from '../../ports/bilan-store.js';
import type { AuditTrail } from '../../ports/audit-trail.js';
import type { Clock } from '../../ports/clock.js';
import type { ProgressCharts } from '../../ports/progress-charts.js';
import type { DocumentFormat, DocumentKind, ProgressDocuments } from '../../ports/progress-documents.js';
import type { ProgressStore } from '../../ports/progress-store.js';
import { err, ok, type Result } from '../../result.js';
import type { BuildProgressSummaryError, ProgressSummary, createBuildProgressSummary } from '../build-progress-summary/build-progress-summary.js';

export interface ExportProgressDocumentInput {
  readonly actor: Actor;
  readonly personId: string;
  readonly kind: DocumentKind;
  readonly format: DocumentFormat;
  readonly from?: string;
  readonly to?: string;
  readonly locale?: 'fr' | 'en';
  /** Charts are drawn for PDFs; text formats skip them unless asked. */
  readonly withCharts?: boolean;
}

export interface ExportedDocument {
  readonly bytes: Uint8Array;
  readonly summary: ProgressSummary;
  readonly charts: { readonly attendance: Uint8Array | null; readonly skills: Uint8Array | null };
}

/**
 * A summary or a bilan document (text, Markdown, PDF) in the structure of the
 * bilan chosen. A bilan needs the right to read bilans on top of the summary's:
 * an encadrant gets the summary of their team, never a bilan.
 */
export function createExportProgressDocument(deps: {
  readonly buildProgressSummary: ReturnType<typeof createBuildProgressSummary>;
  readonly progressStore: ProgressStore;
  readonly bilanStore: BilanStore;
  readonly charts: ProgressCharts;
  readonly documents: ProgressDocuments;
  readonly clock: Clock;
  readonly defaultTimezone: string;
  readonly audit?: AuditTrail;
}) {
  return async function exportProgressDocument(input: ExportProgressDocumentInput): Promise<Result<ExportedDocument, BuildProgressSummaryError>> {
    const locale = input.locale ?? 'fr';
    const built = await deps.buildProgressSummary({
      actor: input.actor, personId: input.personId, locale,
      ...(input.from === undefined ? {} : { from: input.from }), ...(input.to === undefined ? {} : { to: input.to }),
    });
    if (!built.ok) return built;
    const summary = built.value;
    let bilan = null;
    if (input.kind !== 'suivi') {
      const context = (await deps.progressStore.findPerson(input.personId))!;
      const allowed = authorize(input.actor, 'read', 'bilan', {
        structureId: context.person.structureId, teamId: context.person.teamId, referentCipId: context.person.referentCipId, sensitivity: 'restricted',
      });
      if (!allowed.ok) return err('access.denied', { role: input.actor.role, resource: 'bilan' });
      bilan = await deps.bilanStore.latest(input.personId, input.kind);
    }
    const drawCharts = input.withCharts ?? input.format === 'pdf';
    const charts = drawCharts
      ? { attendance: await deps.charts.attendance(summary.facts, locale), skills: await deps.charts.skills(summary.facts, locale) }
      : { attendance: null, skills: null };
    const names = await deps.progressStore.namesOf(bilan?.participants ?? []);
    const bytes = await deps.documents.render({
      kind: input.kind, facts: summary.facts, narrative: summary.narrative, bilan, charts, names, locale,
      generatedOn: businessDate(deps.clock.now(), deps.defaultTimezone),
    }, input.format);
    await deps.audit?.record({ actor: input.actor, action: 'export', resourceType: input.kind === 'suivi' ? 'progress-summary' : 'bilan', subjectPersonId: input.personId, details: { kind: input.kind, format: input.format } });
    return ok({ bytes, summary, charts });
  };
}
