import { z } from 'zod';

/**
 * The part of a Bot Framework activity Relais reads, checked at the door.
 * Unknown fields are kept (Teams adds new ones often) but never trusted.
 */
const account = z.looseObject({
  id: z.string().min(1).max(500),
  name: z.string().max(500).optional(),
  aadObjectId: z.string().max(100).optional(),
});

const entity = z.looseObject({
  type: z.string().max(200),
  text: z.string().max(2000).optional(),
  mentioned: z.looseObject({ id: z.string().max(500), name: z.string().max(500).optional() }).optional(),
});

const attachment = z.looseObject({
  contentType: z.string().max(200),
  content: z.unknown().optional(),
  contentUrl: z.string().max(4000).nullable().optional(),
  name: z.string().max(500).nullable().optional(),
});

const channelData = z.looseObject({
  tenant: z.looseObject({ id: z.string().max(100) }).optional(),
  team: z.looseObject({ id: z.string().max(500), name: z.string().max(500).optional(), aadGroupId: z.string().max(100).optional() }).optional(),
  channel: z.looseObject({ id: z.string().max(500), name: z.string().max(500).optional() }).optional(),
  eventType: z.string().max(100).optional(),
  settings: z.looseObject({ selectedChannel: z.looseObject({ id: z.string().max(500) }).optional() }).optional(),
});

export const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(500).optional(),
  name: z.string().max(200).optional(),
  channelId: z.string().max(100).optional(),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
  from: account,
  recipient: account,
  conversation: z.looseObject({
    id: z.string().min(1).max(1000),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(100).optional(),
    isGroup: z.boolean().optional(),
    name: z.string().max(500).optional(),
  }),
  text: z.string().max(100_000).optional(),
  textFormat: z.string().max(50).optional(),
  value: z.unknown().optional(),
  replyToId: z.string().max(500).optional(),
  action: z.string().max(50).optional(),
  locale: z.string().max(50).optional(),
  entities: z.array(entity).max(100).optional(),
  attachments: z.array(attachment).max(50).optional(),
  channelData: channelData.optional(),
  membersAdded: z.array(account).max(1000).optional(),
  membersRemoved: z.array(account).max(1000).optional(),
});

export type TeamsActivity = z.infer<typeof activitySchema>;
export type TeamsAttachment = z.infer<typeof attachment>;
export const attachmentSchema = attachment;

/** The Microsoft 365 tenant of an activity ('' when Teams did not say). */
export function tenantOf(activity: TeamsActivity): string {
  return activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? '';
}

/** Where to post in this conversation later: the stored "conversation reference" (serviceUrl first). */
export function referenceOf(activity: TeamsActivity): Record<string, unknown> {
  return {
    serviceUrl: activity.serviceUrl,
    tenantId: tenantOf(activity),
    botId: activity.recipient.id,
    conversationType: activity.conversation.conversationType ?? 'personal',
    ...(activity.channelData?.team?.id ? { teamId: activity.channelData.team.id } : {}),
  };
}

/** A channel conversation id carries the thread: `19:…@thread.tacv2;messageid=123`. */
export function splitThread(conversationId: string): { channelId: string; threadId?: string } {
  const match = /^(.*);messageid=([^;]+)$/.exec(conversationId);
  return match ? { channelId: match[1]!, threadId: match[2]! } : { channelId: conversationId };
}
