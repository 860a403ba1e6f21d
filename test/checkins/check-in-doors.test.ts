import { checkInReply } from '../../src/conversation/checkins/check-in-reply.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderMessage, type SlackBlock } from '../../src/platforms/slack/slack-blocks.js';
import { blockActionIncoming } from '../../src/platforms/slack/slack-message.js';
import { replyActivities } from '../../src/platforms/teams/teams-activities.js';
import { cardValidator, errorsOf, haveCardSchema, warnIfSchemasMissing } from '../support/teams-schemas.js';

warnIfSchemasMissing();
const t = createTranslator('fr');
const reply = checkInReply({ firstName: 'Bruno', teamName: 'Espaces verts', date: '2026-11-16', guidingQuestions: ['Production du jour ?', 'Un souci de sécurité ?'] }, t);

describe('the check-in in each door', () => {
  it('Slack: three buttons carrying the day, and a click comes back as the same action', () => {
    const m = renderMessage(reply, { more: (n) => `… et ${n} de plus` });
    expect(m.text).toContain('comment ça s’est passé ?');
    const actions = m.blocks.find((b) => b.type === 'actions')!;
    const elements = actions['elements'] as SlackBlock[];
    expect(elements.map((e) => [e['action_id'], e['value']])).toEqual([['checkin.ras', '2026-11-16'], ['checkin.dictate', '2026-11-16'], ['checkin.later', '2026-11-16']]);
    expect(JSON.stringify(m.blocks)).toContain('Un souci de sécurité ?');
    const click = blockActionIncoming({
      type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, channel: { id: 'D1' }, container: { type: 'message', channel_id: 'D1', message_ts: '1.2' },
      actions: [{ action_id: 'checkin.ras', value: '2026-11-16', type: 'button' }],
    });
    expect(click).toMatchObject({ kind: 'incoming', incoming: { kind: 'action', action: 'checkin.ras', value: '2026-11-16' } });
  });

  (haveCardSchema ? it : it.skip)('Teams: a valid Adaptive Card 1.5 with Universal Actions for the three answers', () => {
    const activities = replyActivities(reply, { continued: t('teams.continued'), formTooLong: t('teams.form_too_long') });
    const content = activities[0]!.attachments![0]!.content;
    const validate = cardValidator();
    if (!validate(content)) throw new Error(errorsOf(validate));
    const json = JSON.stringify(content);
    for (const verb of ['checkin.ras', 'checkin.dictate', 'checkin.later']) expect(json).toContain(`"verb":"${verb}","data":{"value":"2026-11-16"}`);
  });
});
