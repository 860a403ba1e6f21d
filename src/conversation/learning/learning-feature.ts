import type { Actor } from '../../core/domain/actor.js';
import { activeRoster } from '../../core/domain/people-roster.js';
import type { Form, Reply } from '../../core/messages/reply.js';
import { matchPersonName } from '../../core/domain/person-names.js';
import type { DocumentLinks } from '../../core/ports/document-links.js';
import type { LearningStore } from '../../core/ports/learning-store.js';
import type { createConfirmLearningSession } from '../../core/use-cases/confirm-learning-session/confirm-learning-session.js';
import type { createConfirmSessionOutcome } from '../../core/use-cases/confirm-session-outcome/confirm-session-outcome.js';
import type { createDraftLearningSession } from '../../core/use-cases/draft-learning-session/draft-learning-session.js';
import type { createExportLearningDocument } from '../../core/use-cases/export-learning-document/export-learning-document.js';
import type { createEditLearningSession } from '../../core/use-cases/edit-learning-session/edit-learning-session.js';
import type { createIssueSkillsAttestation } from '../../core/use-cases/issue-skills-attestation/issue-skills-attestation.js';
import type { createRecordSessionOutcome } from '../../core/use-cases/record-session-outcome/record-session-outcome.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import { errorReply, plainReply } from '../replies.js';
import { attestationReply } from './attestation-reply.js';
import { parseSessionForm } from './parse-session-form.js';
import { PREPARE_SESSION_ACTION, prepareSessionRequest, readValue } from './prepare-session.js';
import { outcomeReply, SESSION_ACTIONS, sessionDraftReply, sessionForm, sessionScheduledReply } from './session-presenter.js';

export interface LearningFeatureDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly store: LearningStore;
  readonly useCases: {
    readonly draftLearningSession: ReturnType<typeof createDraftLearningSession>;
    readonly confirmLearningSession: ReturnType<typeof createConfirmLearningSession>;
    readonly editLearningSession: ReturnType<typeof createEditLearningSession>;
    readonly recordSessionOutcome: ReturnType<typeof createRecordSessionOutcome>;
    readonly confirmSessionOutcome: ReturnType<typeof createConfirmSessionOutcome>;
    readonly issueSkillsAttestation?: ReturnType<typeof createIssueSkillsAttestation>;
    readonly exportLearningDocument?: ReturnType<typeof createExportLearningDocument>;
  };
  /** Signed links to documents rendered on demand (absent: the reply says how to get the PDF). */
  readonly links?: DocumentLinks;
}

const draftKey = (sessionId: string) => `session:${sessionId}:draft`;

/**
 * Learning sessions in the conversation: « prépare une séance … » → a fiche de séance draft with
 * Valider / Modifier / Annuler (always private to the ETI); « séance de jeudi : … » → an evaluation
 * draft to confirm. Everything goes through the use cases, which check the policy.
 */
export function createLearningFeature(deps: LearningFeatureDeps): FeatureHandler {
  const { t, locale, useCases } = deps;
  const fail = (ctx: HandlerContext, code: string, details?: Readonly<Record<string, unknown>>) => ctx.reply(errorReply(code, t, details), { private: true });

  async function formFor(action: { action: string; value?: string }, actor: Actor): Promise<Form | null> {
    if (action.action !== SESSION_ACTIONS.edit) return null;
    const session = await deps.store.getSession(action.value ?? '');
    if (!session || session.trainerId !== actor.personId || (session.status !== 'draft' && session.status !== 'scheduled')) return null;
    return sessionForm(session, t);
  }

  /** « Fiche PDF » / « Fiche Markdown » links under a fiche, when the door can show links. */
  function withFicheLinks(reply: Reply, sessionId: string, ctx: HandlerContext): Reply {
    const link = (format: 'pdf' | 'markdown') => deps.links?.linkFor({ requesterId: ctx.actor.personId, personId: sessionId, kind: 'seance', format, platform: ctx.incoming.user.platform }) ?? null;
    const pdf = link('pdf');
    const markdown = link('markdown');
    if (!pdf || !markdown) return reply;
    return { ...reply, blocks: [...reply.blocks, { type: 'links', links: [{ label: t('session.link.pdf'), url: pdf }, { label: t('session.link.markdown'), url: markdown }] }] };
  }

  async function attestation(name: string, ctx: HandlerContext): Promise<void> {
    if (!useCases.issueSkillsAttestation) return fail(ctx, 'generic');
    const wanted = name.replace(/[?!.]+$/, '').trim();
    const roster = activeRoster(await deps.store.peopleOfStructure(ctx.actor.structureId)).filter((p) => p.role === 'salarie');
    const found = matchPersonName(wanted, roster, ctx.actor.teamId);
    if (found.length !== 1) return ctx.reply(plainReply(t(found.length === 0 ? 'attestation.chat.unknown' : 'attestation.chat.ambiguous', { name: wanted })), { private: true });
    const issued = await useCases.issueSkillsAttestation({ actor: ctx.actor, personId: found[0]!.id });
    if (!issued.ok) return fail(ctx, issued.code, issued.details);
    const link = (format: 'pdf' | 'markdown') => deps.links?.linkFor({ requesterId: ctx.actor.personId, personId: found[0]!.id, kind: 'attestation', format, platform: ctx.incoming.user.platform }) ?? null;
    const pdf = link('pdf');
    const markdown = link('markdown');
    return ctx.reply(attestationReply(issued.value, pdf && markdown ? { pdf, markdown } : null, t, locale), { private: true });
  }

  /** A fiche drafted from the request; `askTopic` answers a request whose topic matches no template. */
  async function draft(text: string, ctx: HandlerContext, askTopic?: (suggestions: string) => string): Promise<void> {
    const drafted = await useCases.draftLearningSession({ actor: ctx.actor, text });
    if (drafted.ok) return ctx.reply(sessionDraftReply(drafted.value, t, locale), { private: true, key: draftKey(drafted.value.id) });
    if (drafted.code === 'session.no_topic' && askTopic) return ctx.reply(plainReply(askTopic(String(drafted.details?.suggestions ?? ''))), { private: true });
    return fail(ctx, drafted.code, drafted.details);
  }

  /**
   * « Préparer une séance » from a salarié's observations: the same draft as the request written out. A draft
   * of this trainer for this salarié alone on that skill already waiting (a second tap) is shown again instead.
   */
  async function prepareFor(value: string | undefined, ctx: HandlerContext): Promise<void> {
    const wanted = readValue(value);
    const person = wanted ? await deps.store.person(wanted.p) : null;
    if (!wanted || !person || person.role !== 'salarie' || person.structureId !== ctx.actor.structureId) return fail(ctx, 'session.no_participant');
    const waiting = (await deps.store.sessionsOfTrainer(ctx.actor.personId, ['draft'])).find((s) => s.participantIds.length === 1 && s.participantIds[0] === person.id
      && (wanted.s === undefined || s.plan.skills.some((k) => k.label === wanted.s)));
    if (waiting) return ctx.reply(sessionDraftReply(waiting, t, locale), { private: true, key: draftKey(waiting.id) });
    return draft(prepareSessionRequest(value, person), ctx, (suggestions) => t('session.prepare.which_topic', { name: person.firstName, suggestions }));
  }

  return {
    intents: ['session-request', 'session-outcome', 'attestation-request'],
    actionPrefixes: ['session.'],
    formFor,
    async handleIntent(intent, ctx) {
      if (intent.kind === 'session-request') return draft(intent.text, ctx);
      if (intent.kind === 'attestation-request') return attestation(intent.text, ctx);
      if (intent.kind === 'session-outcome') {
        const recorded = await useCases.recordSessionOutcome({ actor: ctx.actor, text: intent.text });
        if (!recorded.ok) return fail(ctx, recorded.code, recorded.details);
        return ctx.reply(outcomeReply(recorded.value.session, recorded.value.evaluation, t, locale), { private: true });
      }
    },
    async handleAction(action, ctx) {
      if (action.action === PREPARE_SESSION_ACTION) return prepareFor(action.value, ctx);
      const sessionId = action.value ?? '';
      const { actor } = ctx;
      const update = { private: true, replaces: draftKey(sessionId), key: `session:${sessionId}:${ctx.incoming.id}` };
      switch (action.action) {
        case SESSION_ACTIONS.confirm: {
          const done = await useCases.confirmLearningSession.confirm({ actor, sessionId });
          if (!done.ok) return fail(ctx, done.code, done.details);
          return ctx.reply(withFicheLinks(sessionScheduledReply(done.value, t, locale), sessionId, ctx), update);
        }
        case SESSION_ACTIONS.cancel: {
          const done = await useCases.confirmLearningSession.cancel({ actor, sessionId });
          if (!done.ok) return fail(ctx, done.code, done.details);
          return ctx.reply(plainReply(t('session.cancelled', { topic: done.value.topic })), update);
        }
        case SESSION_ACTIONS.edit: {
          const form = await formFor(action, actor);
          if (!form) return fail(ctx, 'session.wrong_status');
          return ctx.reply({ text: form.title, blocks: [], form }, { private: true });
        }
        case SESSION_ACTIONS.show: {
          const session = await deps.store.getSession(sessionId);
          if (!session || session.trainerId !== actor.personId) return fail(ctx, 'session.not_found');
          return ctx.reply(session.status === 'draft' ? sessionDraftReply(session, t, locale) : sessionScheduledReply(session, t, locale), update);
        }
        case SESSION_ACTIONS.submit: {
          const session = await deps.store.getSession(sessionId);
          if (!session) return fail(ctx, 'session.not_found');
          const team = activeRoster(await deps.store.teamMembers(session.teamId)).filter((p) => p.role === 'salarie');
          const parsed = parseSessionForm(action.form ?? {}, team, session.teamId, { plan: session.plan, referential: await deps.store.listSkills(session.teamId), t });
          if (parsed.problems.length > 0) return ctx.reply(plainReply(t('session.form.invalid', { problems: parsed.problems.join(', ') })), { private: true });
          const edited = await useCases.editLearningSession({ actor, sessionId, patch: parsed.patch });
          if (!edited.ok) return edited.code === 'session.invalid_plan'
            ? ctx.reply(plainReply(t('session.form.invalid', { problems: String(edited.details?.problems ?? '') })), { private: true })
            : fail(ctx, edited.code, edited.details);
          return ctx.reply(edited.value.status === 'draft' ? sessionDraftReply(edited.value, t, locale) : sessionScheduledReply(edited.value, t, locale), update);
        }
        case SESSION_ACTIONS.outcomeConfirm: {
          const done = await useCases.confirmSessionOutcome.confirm({ actor, sessionId });
          if (!done.ok) return fail(ctx, done.code, done.details);
          const count = done.value.participants.reduce((n, p) => n + p.results.filter((r) => r.level !== 'non_evalue').length, 0);
          return ctx.reply(withFicheLinks(plainReply(t('session.outcome.confirmed', { count })), sessionId, ctx), { private: true });
        }
        case SESSION_ACTIONS.outcomeDiscard: {
          const done = await useCases.confirmSessionOutcome.discard({ actor, sessionId });
          if (!done.ok) return fail(ctx, done.code, done.details);
          return ctx.reply(plainReply(t('session.outcome.discarded')), { private: true });
        }
        default:
          return fail(ctx, 'generic');
      }
    },
  };
}
