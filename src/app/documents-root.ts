import type { ServerResponse } from 'node:http';
import type { Config } from '../config/load-config.js';
import type { Actor } from '../core/domain/actor.js';
import type { Clock } from '../core/ports/clock.js';
import type { ProgressStore } from '../core/ports/progress-store.js';
import type { createExportProgressDocument } from '../core/use-cases/export-progress-document/export-progress-document.js';
import type { Route } from '../http/http-server.js';
import { DocumentLinkSigner, DOCUMENTS_PATH, type DocumentClaims } from '../http/document-link-signer.js';
import { createTranslator } from '../i18n/translator.js';
import type { DocumentKind } from '../core/ports/progress-documents.js';
import type { Result } from '../core/result.js';
import type { PersonDataExport } from '../core/use-cases/export-person-data/export-person-data.js';

const DOORS: ReadonlyArray<Actor['door']> = ['slack', 'teams', 'playground'];

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** Signed document links and the route that serves them (rendered on demand, as the requester, never stored). */
export function buildDocumentLinks(config: Config, deps: {
  readonly clock: Clock;
  readonly progressStore: Pick<ProgressStore, 'findPerson'>;
  readonly exportProgressDocument: ReturnType<typeof createExportProgressDocument>;
  /** Attestations de compétences (learning sessions), served the same way. */
  readonly exportAttestation?: (input: { actor: Actor; personId: string; format: 'pdf' | 'markdown'; locale: 'fr' | 'en' }) => Promise<Result<Uint8Array>>;
  /** Fiches de séance (the claims' person is the session id). */
  readonly exportSession?: (input: { actor: Actor; sessionId: string; format: 'pdf' | 'markdown'; locale: 'fr' | 'en' }) => Promise<Result<Uint8Array>>;
  /** Everything stored about a person (GDPR right of access), exported again and audited at each download. */
  readonly exportPersonData?: (input: { actor: Actor; personId: string; locale: 'fr' | 'en' }) => Promise<Result<PersonDataExport>>;
}) {
  const signer = new DocumentLinkSigner({ secret: config.secretKey, publicUrl: config.http.publicUrl, clock: deps.clock });
  const t = createTranslator(config.locale);

  async function serveClaims(claims: DocumentClaims, res: ServerResponse): Promise<void> {
    const requester = await deps.progressStore.findPerson(claims.r);
    if (requester === null || requester.person.status !== 'active') return sendText(res, 403, t('documents.link.denied'));
    const { person } = requester;
    const actor: Actor = {
      personId: person.id, role: person.role, structureId: person.structureId, teamId: person.teamId,
      door: DOORS.includes(claims.d as Actor['door']) ? claims.d as Actor['door'] : 'playground',
    };
    if (claims.k === 'attestation' || claims.k === 'seance') return serveLearning(claims, actor, res);
    if (claims.k === 'gdpr') return servePersonData(claims, actor, res);
    const chart = claims.f === 'chart-attendance' || claims.f === 'chart-skills';
    const result = await deps.exportProgressDocument({
      actor, personId: claims.p, kind: claims.k as DocumentKind, format: claims.f === 'pdf' ? 'pdf' : 'markdown', locale: config.locale, withCharts: chart || claims.f === 'pdf',
      ...(claims.a ? { from: claims.a } : {}), ...(claims.b ? { to: claims.b } : {}),
    });
    if (!result.ok) return sendText(res, result.code === 'access.denied' ? 403 : 404, t('documents.link.denied'));
    const facts = result.value.summary.facts;
    const base = `${claims.k}-${facts.person.firstName}-${facts.period.to}`.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9-]+/g, '-');
    let bytes: Uint8Array | null;
    let type: string;
    let name: string;
    if (chart) {
      bytes = claims.f === 'chart-attendance' ? result.value.charts.attendance : result.value.charts.skills;
      type = 'image/png';
      name = `${base}-${claims.f === 'chart-attendance' ? 'presence' : 'competences'}.png`;
    } else {
      bytes = result.value.bytes;
      type = claims.f === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8';
      name = `${base}.${claims.f === 'pdf' ? 'pdf' : 'md'}`;
    }
    if (bytes === null) return sendText(res, 404, t('documents.link.empty'));
    res.writeHead(200, {
      'content-type': type, 'content-length': bytes.byteLength, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `${chart ? 'inline' : 'attachment'}; filename="${name}"`, 'referrer-policy': 'no-referrer',
    });
    res.end(Buffer.from(bytes));
  }

  async function serveLearning(claims: DocumentClaims, actor: Actor, res: ServerResponse): Promise<void> {
    if (claims.f !== 'pdf' && claims.f !== 'markdown') return sendText(res, 404, t('documents.link.denied'));
    const format = claims.f;
    const result = claims.k === 'attestation'
      ? await deps.exportAttestation?.({ actor, personId: claims.p, format, locale: config.locale })
      : await deps.exportSession?.({ actor, sessionId: claims.p, format, locale: config.locale });
    if (!result?.ok) return sendText(res, result?.code === 'access.denied' ? 403 : 404, t('documents.link.denied'));
    const name = claims.k === 'attestation' ? 'attestation-competences' : 'fiche-seance';
    res.writeHead(200, {
      'content-type': format === 'pdf' ? 'application/pdf' : 'text/markdown; charset=utf-8', 'content-length': result.value.byteLength,
      'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
      'content-disposition': `attachment; filename="${name}.${format === 'pdf' ? 'pdf' : 'md'}"`,
    });
    res.end(Buffer.from(result.value));
  }

  async function servePersonData(claims: DocumentClaims, actor: Actor, res: ServerResponse): Promise<void> {
    if (claims.f !== 'pdf' && claims.f !== 'json') return sendText(res, 404, t('documents.link.denied'));
    const result = await deps.exportPersonData?.({ actor, personId: claims.p, locale: config.locale });
    if (!result?.ok) return sendText(res, result?.code === 'access.denied' ? 403 : 404, t('documents.link.denied'));
    const bytes = claims.f === 'pdf' ? Buffer.from(result.value.pdf) : Buffer.from(result.value.json, 'utf8');
    res.writeHead(200, {
      'content-type': claims.f === 'pdf' ? 'application/pdf' : 'application/json; charset=utf-8', 'content-length': bytes.byteLength,
      'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer',
      'content-disposition': `attachment; filename="donnees-personnelles.${claims.f}"`,
    });
    res.end(bytes);
  }

  const route: Route = {
    method: 'GET', path: DOCUMENTS_PATH.replace(/\/$/, ''), prefix: true,
    handler: async (req, res) => {
      const token = new URL(req.url ?? '/', 'http://relais.local').pathname.slice(DOCUMENTS_PATH.length);
      const claims = signer.verify(token);
      if (claims === null) return sendText(res, 410, t('documents.link.expired'));
      return serveClaims(claims, res);
    },
  };
  return { links: signer, route };
}
