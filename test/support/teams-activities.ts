/**
 * Teams activities shaped like the real recordings in ../shared/fixtures/teams
 * (personal chat, channel thread with @mention, Action.Execute invoke,
 * installation events), with the test's serviceUrl, tenant and people.
 */
export interface TeamsUser {
  readonly aadObjectId: string;
  /** The `29:…` id Teams gives the user in this bot's conversations. */
  readonly memberId: string;
  readonly name: string;
}

export interface TeamsChannel {
  /** `19:…@thread.tacv2` */
  readonly id: string;
  readonly teamId: string;
  readonly name: string;
}

export type Activity = Record<string, unknown> & { id: string; serviceUrl: string; conversation: Record<string, unknown> & { id: string } };

export function teamsActivities(o: { serviceUrl: string; tenantId: string; appId: string }) {
  let n = 0;
  const nextId = () => String(1767765000000 + ++n);
  const bot = { id: `28:${o.appId}`, name: 'Relais' };
  const from = (u: TeamsUser) => ({ id: u.memberId, name: u.name, aadObjectId: u.aadObjectId });
  const common = (u: TeamsUser) => ({
    channelId: 'msteams', serviceUrl: o.serviceUrl, from: from(u), recipient: bot, locale: 'fr-FR',
    timestamp: '2026-11-02T16:30:00.000Z', entities: [{ type: 'clientInfo', locale: 'fr-FR', country: 'FR', platform: 'Android' }],
  });
  const personal = (u: TeamsUser) => ({ conversationType: 'personal', tenantId: o.tenantId, id: `a:personal-${u.memberId}` });
  const channelData = (c: TeamsChannel) => ({
    teamsChannelId: c.id, teamsTeamId: c.teamId, channel: { id: c.id }, team: { id: c.teamId, name: c.name }, tenant: { id: o.tenantId },
  });
  return {
    bot,
    personalConversationId: (u: TeamsUser) => personal(u).id,
    personalMessage: (u: TeamsUser, text: string, id = nextId()): Activity => ({
      ...common(u), type: 'message', id, text, textFormat: 'plain', conversation: personal(u), channelData: { tenant: { id: o.tenantId } },
    }),
    /** A message that @mentions Relais in a channel thread (`;messageid=` is the thread's root). */
    channelMention: (u: TeamsUser, c: TeamsChannel, text: string, thread?: string): Activity => {
      const id = nextId();
      return {
        ...common(u), type: 'message', id, text: `<at>Relais</at> ${text}`, textFormat: 'plain',
        conversation: { isGroup: true, conversationType: 'channel', tenantId: o.tenantId, id: `${c.id};messageid=${thread ?? id}` },
        entities: [{ type: 'mention', text: '<at>Relais</at>', mentioned: bot }, ...common(u).entities],
        attachments: [{ contentType: 'text/html', content: `<p><span itemtype="http://schema.skype.com/Mention" itemscope="" itemid="0">Relais</span>&nbsp;${text}</p>` }],
        channelData: channelData(c),
      };
    },
    /** A Universal Action click (Action.Execute) on a card of a personal chat (or a channel). */
    execute: (u: TeamsUser, verb: string, data: Record<string, string>, replyToId: string, c?: TeamsChannel): Activity => ({
      ...common(u), type: 'invoke', name: 'adaptiveCard/action', id: `f:${nextId()}`, replyToId,
      conversation: c ? { isGroup: true, conversationType: 'channel', tenantId: o.tenantId, id: `${c.id};messageid=${replyToId}` } : personal(u),
      channelData: c ? { ...channelData(c), source: { name: 'message' } } : { tenant: { id: o.tenantId }, source: { name: 'message' } },
      value: { action: { type: 'Action.Execute', title: verb, verb, data }, trigger: 'manual' },
    }),
    /** The Action.Submit fallback of older clients: a message whose value is the data plus the inputs. */
    submit: (u: TeamsUser, data: Record<string, string>, replyToId: string): Activity => ({
      ...common(u), type: 'message', id: nextId(), replyToId, conversation: personal(u), channelData: { tenant: { id: o.tenantId }, source: { name: 'message' } }, value: data,
    }),
    installPersonal: (u: TeamsUser): Activity => ({
      ...common(u), type: 'installationUpdate', action: 'add', id: `f:${nextId()}`, conversation: personal(u), channelData: { tenant: { id: o.tenantId }, source: { name: 'message' } },
    }),
    /** Both events Teams sends when the app is added to a team. */
    installTeam: (u: TeamsUser, c: TeamsChannel): Activity[] => [
      { ...common(u), type: 'installationUpdate', action: 'add', id: `f:${nextId()}`,
        conversation: { isGroup: true, conversationType: 'channel', tenantId: o.tenantId, id: c.id, name: c.name },
        channelData: { ...channelData(c), settings: { selectedChannel: { id: c.id } }, source: { name: 'message' } } },
      { ...common(u), type: 'conversationUpdate', id: `f:${nextId()}`, membersAdded: [{ id: bot.id }],
        conversation: { isGroup: true, conversationType: 'channel', tenantId: o.tenantId, id: c.id, name: c.name },
        channelData: { ...channelData(c), eventType: 'teamMemberAdded', settings: { selectedChannel: { id: c.id } } } },
    ],
  };
}
