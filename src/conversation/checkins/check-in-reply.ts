import type { Reply } from '../../core/messages/reply.js';
import type { Translate } from '../../i18n/translator.js';

export const CHECK_IN_ACTIONS = { ras: 'checkin.ras', dictate: 'checkin.dictate', later: 'checkin.later' } as const;

/** « Fin de journée… comment ça s'est passé ? », the team's guiding questions, and three one-tap answers. */
export function checkInReply(input: { firstName: string; teamName: string; date: string; guidingQuestions: readonly string[] }, t: Translate): Reply {
  const text = t('checkin.text', { name: input.firstName, team: input.teamName });
  return {
    text,
    blocks: [
      { type: 'text', text },
      ...(input.guidingQuestions.length > 0
        ? [{ type: 'list' as const, title: t('checkin.guide'), items: [{ title: '', lines: [...input.guidingQuestions] }] }]
        : []),
      { type: 'actions', elements: [
        { type: 'button', action: CHECK_IN_ACTIONS.ras, label: t('checkin.ras'), value: input.date, style: 'primary' },
        { type: 'button', action: CHECK_IN_ACTIONS.dictate, label: t('checkin.dictate'), value: input.date },
        { type: 'button', action: CHECK_IN_ACTIONS.later, label: t('checkin.later'), value: input.date },
      ] },
      { type: 'context', text: t('checkin.free') },
    ],
  };
}
