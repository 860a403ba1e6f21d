import type { Actor } from '../../domain/actor.js';
import { evaluationFromRows } from '../../learning/evaluation-rows.js';
import { sessionAccess, type SessionAccessCode } from '../../learning/session-access.js';
import type { LearningDocuments } from '../../ports/learning-documents.js';
import type { LearningStore } from '../../ports/learning-store.js';
import type { DocumentFormat } from '../../ports/progress-documents.js';
import { ok, type Result } from '../../result.js';
import type { createIssueSkillsAttestation, AttestationCode } from '../issue-skills-attestation/issue-skills-attestation.js';

/** The fiche de séance (with its confirmed evaluation, if any) and the attestation as documents. */
export function createExportLearningDocument(deps: {
  readonly store: LearningStore;
  readonly documents: LearningDocuments;
  readonly issueSkillsAttestation: ReturnType<typeof createIssueSkillsAttestation>;
}) {
  const session = async (input: { actor: Actor; sessionId: string; format: DocumentFormat; locale: 'fr' | 'en' }): Promise<Result<Uint8Array, SessionAccessCode>> => {
    const access = await sessionAccess(deps.store, input.actor, input.sessionId, 'read');
    if (!access.ok) return access;
    const { session: s } = access.value;
    const confirmed = (await deps.store.evaluations(s.id)).filter((e) => e.status === 'confirmed');
    const evaluation = confirmed.length > 0 ? evaluationFromRows(s, confirmed) : null;
    return ok(await deps.documents.session({ plan: s.plan, topic: s.topic, evaluation, locale: input.locale }, input.format));
  };
  const attestation = async (input: { actor: Actor; personId: string; date?: string; format: DocumentFormat; locale: 'fr' | 'en' }): Promise<Result<Uint8Array, AttestationCode>> => {
    const issued = await deps.issueSkillsAttestation({ actor: input.actor, personId: input.personId, ...(input.date ? { date: input.date } : {}) });
    if (!issued.ok) return issued;
    return ok(await deps.documents.attestation({ attestation: issued.value, locale: input.locale }, input.format));
  };
  return { session, attestation };
}
