import type { Reply } from '../../core/messages/reply.js';
import type { Logger } from '../../core/ports/logger.js';
import type { Delivery, MessageSender, SendOutcome, SentRef } from '../../core/ports/message-sender.js';
import type { Translate } from '../../i18n/translator.js';
import { replyActivities, type OutgoingActivity } from './teams-activities.js';
import type { ConnectorResult, TeamsConnector } from './teams-connector.js';

/** What the outbox keeps of a sent message, so later updates replace it in place. */
export interface TeamsRef {
  readonly serviceUrl: string;
  readonly conversationId: string;
  readonly activityId: string;
  /** Further messages of a reply too long for one (each under Teams' size limit). */
  readonly extraIds?: readonly string[];
}

const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);

/**
 * Sends replies to Teams through the Bot Connector at the conversation's
 * serviceUrl: POST a new message, PUT an update in place (the ref says
 * where), open the 1:1 chat first when only the member is known. Rate limits
 * are retried when Teams says, 5xx and network errors later; 4xx are final.
 */
export function createTeamsSender(deps: { readonly connector: TeamsConnector; readonly t: Translate; readonly logger: Logger }): MessageSender {
  const texts = () => ({ continued: deps.t('teams.continued'), formTooLong: deps.t('teams.form_too_long') });
  const { connector } = deps;

  async function target(delivery: Delivery, replaces: SentRef | undefined): Promise<ConnectorResult<{ serviceUrl: string; conversationId: string }>> {
    const ref = (delivery.reference ?? {}) as Record<string, unknown>;
    const serviceUrl = str(ref['serviceUrl']) ?? str(replaces?.['serviceUrl']);
    if (!serviceUrl) return { ok: false, status: 400, reason: 'teams.no_service_url' };
    if (str(replaces?.['conversationId'])) return { ok: true, value: { serviceUrl, conversationId: replaces!['conversationId'] as string } };
    let conversationId = delivery.conversationId || str(ref['conversationId']);
    if (!conversationId) {
      const memberId = str(ref['memberId']);
      if (!memberId) return { ok: false, status: 400, reason: 'teams.no_conversation' };
      const opened = await connector.openPersonal(serviceUrl, { botId: str(ref['botId']) ?? '', memberId, tenantId: str(ref['tenantId']) ?? delivery.workspaceId });
      if (!opened.ok) return opened;
      conversationId = opened.value.id;
    }
    // A channel thread is its own conversation for the connector.
    if (delivery.threadId) conversationId = `${conversationId};messageid=${delivery.threadId}`;
    return { ok: true, value: { serviceUrl, conversationId } };
  }

  /** Posts or updates every part; on failure the parts posted by this attempt are taken back. */
  async function deliver(serviceUrl: string, conversationId: string, parts: readonly OutgoingActivity[], previous: readonly string[]): Promise<ConnectorResult<string[]>> {
    const ids: string[] = [];
    const posted: string[] = [];
    for (const [i, part] of parts.entries()) {
      let result = previous[i] ? await connector.update(serviceUrl, conversationId, previous[i]!, part) : null;
      // The message was deleted in Teams: the update comes as a new message rather than not at all.
      if (result === null || (!result.ok && result.status === 404)) {
        result = await connector.post(serviceUrl, conversationId, part);
        if (result.ok) posted.push(result.value.id);
      }
      if (!result.ok) {
        for (const id of posted) await connector.remove(serviceUrl, conversationId, id);
        return result;
      }
      ids.push(result.value.id);
    }
    for (const id of previous.slice(parts.length)) await connector.remove(serviceUrl, conversationId, id);
    return { ok: true, value: ids };
  }

  return {
    platform: 'teams',
    async send(delivery: Delivery, reply: Reply, replaces?: SentRef): Promise<SendOutcome> {
      const where = await target(delivery, replaces);
      if (!where.ok) return outcome(where, deps.logger);
      const { serviceUrl, conversationId } = where.value;
      const previous = replaces && str(replaces['activityId'])
        ? [replaces['activityId'] as string, ...((replaces['extraIds'] as string[] | undefined) ?? [])] : [];
      const sent = await deliver(serviceUrl, conversationId, replyActivities(reply, texts()), previous);
      if (!sent.ok) return outcome(sent, deps.logger);
      const [activityId = '', ...extraIds] = sent.value;
      const ref: TeamsRef = { serviceUrl, conversationId, activityId, ...(extraIds.length ? { extraIds } : {}) };
      return { ok: true, ref: { ...ref } };
    },
  };
}

function outcome(failure: Extract<ConnectorResult<unknown>, { ok: false }>, logger: Logger): SendOutcome {
  const { status, reason } = failure;
  if (status === 429) return { ok: false, retryAfterMs: failure.retryAfterMs ?? 1_000, rateLimited: true, reason };
  if (status === null || status >= 500 || status === 408) return { ok: false, retryAfterMs: failure.retryAfterMs ?? 5_000, reason };
  logger.warn({ status, reason }, 'teams.send_refused');
  return { ok: false, permanent: true, reason };
}
