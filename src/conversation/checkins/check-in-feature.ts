import type { CheckInStore } from '../../core/ports/check-in-store.js';
import type { Clock } from '../../core/ports/clock.js';
import type { CaptureShiftNoteInput } from '../../core/use-cases/capture-shift-note/capture-shift-note.js';
import { formatDate } from '../../i18n/format.js';
import type { Locale, Translate } from '../../i18n/translator.js';
import type { FeatureHandler, HandlerContext } from '../feature-handler.js';
import { errorReply, plainReply } from '../replies.js';
import { CHECK_IN_ACTIONS } from './check-in-reply.js';
import { dateTimeFormat } from '../../core/intl-cache.js';

const LATER_MS = 60 * 60_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface CheckInFeatureDeps {
  readonly t: Translate;
  readonly locale: Locale;
  readonly clock: Clock;
  readonly checkIns: Pick<CheckInStore, 'record' | 'get'>;
  /** The shift-note use case (the conversation's, reached once it is built). */
  readonly capture: (input: CaptureShiftNoteInput) => Promise<{ ok: boolean; code?: string; details?: Readonly<Record<string, unknown>> }>;
  /** « Plus tard » reuses the reminder snooze: one more nudge after an hour. */
  readonly snooze: (personId: string, until: Date) => Promise<void>;
  readonly timezoneOf: (teamId: string | null) => Promise<string>;
}

/**
 * The three one-tap answers of the end-of-shift check-in: « RAS, tout le monde
 * était là » becomes a note (and its draft, to confirm with one more tap),
 * « Dicter ma note » invites a voice or text note, « Plus tard » snoozes.
 */
export function createCheckInFeature(deps: CheckInFeatureDeps): FeatureHandler {
  const { t } = deps;

  async function allPresent(date: string, ctx: HandlerContext): Promise<void> {
    const { actor, incoming } = ctx;
    const existing = await deps.checkIns.get(actor.personId, date);
    if (existing && existing.state !== 'opened' && existing.state !== 'skipped') {
      return ctx.reply(plainReply(t('checkin.already', { date: formatDate(date, deps.locale) })), { private: true });
    }
    const captured = await deps.capture({
      actor, text: t('checkin.ras_note'), source: 'text', platformEventId: `checkin-ras:${actor.personId}:${date}`, shiftDate: date,
      conversation: { platform: incoming.user.platform, kind: incoming.place.kind, workspaceId: incoming.place.workspaceId,
        conversationId: incoming.place.conversationId, ...(incoming.place.threadId ? { threadId: incoming.place.threadId } : {}),
        ...(incoming.place.reference ? { reference: incoming.place.reference } : {}) },
    });
    // Extraction failures are thrown so the inbox retries; the note itself is already stored.
    if (!captured.ok && captured.code === 'note.extraction_failed') throw new Error('note.extraction_failed');
    if (!captured.ok) return ctx.reply(errorReply(captured.code ?? 'generic', t, captured.details), { private: true });
  }

  async function later(date: string, ctx: HandlerContext): Promise<void> {
    const now = deps.clock.now();
    const until = new Date(now.getTime() + LATER_MS);
    await deps.snooze(ctx.actor.personId, until);
    await deps.checkIns.record({ personId: ctx.actor.personId, teamId: ctx.actor.teamId, date, event: 'later', at: now });
    const time = dateTimeFormat(deps.locale === 'fr' ? 'fr-FR' : 'en-GB', { hour: '2-digit', minute: '2-digit', timeZone: await deps.timezoneOf(ctx.actor.teamId) }).format(until);
    return ctx.reply(plainReply(t('checkin.later_done', { time })), { private: true });
  }

  return {
    actionPrefixes: ['checkin.'],
    async handleAction(action, ctx) {
      const date = ISO_DATE.test(action.value ?? '') ? action.value! : null;
      if (date === null) return ctx.reply(errorReply('generic', t), { private: true });
      switch (action.action) {
        case CHECK_IN_ACTIONS.ras: return allPresent(date, ctx);
        case CHECK_IN_ACTIONS.dictate: return ctx.reply(plainReply(t('checkin.dictate_prompt')), { private: true });
        case CHECK_IN_ACTIONS.later: return later(date, ctx);
        default: return ctx.reply(errorReply('generic', t), { private: true });
      }
    },
  };
}
