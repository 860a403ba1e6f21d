import { App, SocketModeReceiver, type Authorize, type Receiver } from '@slack/bolt';
import type { Conversation } from '../../conversation/conversation.js';
import type { Incoming, IncomingAction, IncomingMessage, IncomingUser } from '../../conversation/incoming.js';
import { NOTE_ACTIONS } from '../../conversation/presenters/note-actions.js';
import type { Logger } from '../../core/ports/logger.js';
import type { OutgoingMessage } from '../../core/ports/outbox.js';
import { textReply } from '../../core/messages/reply.js';
import { placeOf } from '../../conversation/conversation.js';
import type { Translate } from '../../i18n/translator.js';
import { createSlackAssistant } from './slack-assistant.js';
import { loadingModal, readModalMetadata, renderModal, type RenderTexts } from './slack-blocks.js';
import { slackLogger, type SlackClients } from './slack-client.js';
import {
  blockActionIncoming, commandIncoming, commandSchema, envelopeSchema, interactionSchema, messageIncoming, OBSERVATION_SHORTCUT,
  shortcutIncoming, viewSubmissionIncoming, type SlackEvent, type SlackMessageEvent,
} from './slack-message.js';

export const SLASH_COMMAND = '/relais';

export interface SlackAppDeps {
  readonly t: Translate;
  readonly logger: Logger;
  readonly texts: RenderTexts;
  readonly clients: SlackClients;
  readonly tokenFor: (workspaceId: string) => Promise<string | undefined>;
  readonly conversation: Conversation;
  readonly intake: (incoming: Incoming) => Promise<{ created: boolean }>;
  /** The e-mail of a Slack user Relais does not know yet (users.info), to link them to the roster. */
  readonly emailOf: (user: IncomingUser, token: string) => Promise<string | undefined>;
  /** App Home: the user's dashboard, published when they open the tab. */
  readonly publishHome?: (user: IncomingUser, token: string) => Promise<void>;
  /** Writes replies the door itself gives (voice clip without transcript). */
  readonly notify: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Stores a voice clip Slack did not transcribe, for the inbox worker to transcribe (absent until dictation is configured). */
  readonly intakeVoice?: (clip: IncomingMessage) => Promise<{ created: boolean }>;
  /** The app was uninstalled from a workspace or its tokens revoked (OAuth mode): forget the installation. */
  readonly uninstalled?: (workspaceId: string) => Promise<void>;
  /** Stores an App Home refresh to do once this action (clicked in App Home) is processed. */
  readonly intakeHomeRefresh?: (action: IncomingAction) => Promise<{ created: boolean }>;
  /** Stores an edit of a message (`version`: Slack's edit ts), for the worker to re-extract a note still in draft. */
  readonly intakeEdit?: (incoming: IncomingMessage, version: string) => Promise<{ created: boolean }>;
}

/** The running door: Bolt's app, and the background work (modal updates) tests can wait for. */
export interface SlackApp {
  readonly app: App;
  settle(): Promise<void>;
}

/**
 * Slack's authorize step for Bolt: the workspace's bot token and the bot's
 * own ids (auth.test once per token), so Bolt's ignoreSelf drops Relais'
 * own messages and mentions of Relais are recognised.
 */
export function createAuthorize(clients: SlackClients, tokenFor: (workspaceId: string) => Promise<string | undefined>): Authorize<boolean> {
  const identities = new Map<string, { botUserId?: string; botId?: string }>();
  return async (source) => {
    const token = await tokenFor(source.teamId ?? source.enterpriseId ?? '');
    if (!token) throw new Error('slack.no_installation');
    let who = identities.get(token);
    if (!who) {
      const tested = await clients.call<{ user_id?: string; bot_id?: string }>(token, 'auth.test', {});
      if (!tested.ok) throw new Error(`slack.auth_test_failed:${tested.failure.kind}`);
      who = { ...(tested.value.user_id ? { botUserId: tested.value.user_id } : {}), ...(tested.value.bot_id ? { botId: tested.value.bot_id } : {}) };
      identities.set(token, who);
    }
    return { botToken: token, ...who, ...(source.teamId ? { teamId: source.teamId } : {}) };
  };
}

/**
 * The Slack door on Bolt 5: DMs, mentions and replies in Relais' threads,
 * `/relais`, buttons, modals, the « Enregistrer comme observation » shortcut
 * and App Home. Every listener stores the work durably (`intake`, idempotent)
 * and then acknowledges; the inbox worker and the outbox do the rest. The
 * one synchronous exception is a form: a "Je prépare le formulaire…" modal
 * opens at once on the click's trigger id (valid 3 seconds), then is
 * replaced by the form.
 */
export function createSlackApp(receiver: Receiver | { socket: { appToken: string } }, deps: SlackAppDeps, options: { apiUrl: string }): SlackApp {
  const { t, logger } = deps;
  const background = new Set<Promise<void>>();
  const later = (work: () => Promise<void>) => {
    const p = work().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'slack.background_failed'));
    background.add(p);
    void p.finally(() => background.delete(p));
  };
  const app = new App({
    receiver: 'socket' in receiver
      // apps.connections.open goes to SLACK_API_URL too (GovSlack, proxies, tests).
      ? new SocketModeReceiver({ appToken: receiver.socket.appToken, logger: slackLogger(logger), installerOptions: { clientOptions: { slackApiUrl: options.apiUrl } } })
      : receiver,
    authorize: createAuthorize(deps.clients, deps.tokenFor),
    logger: slackLogger(logger),
    clientOptions: { slackApiUrl: options.apiUrl, retryConfig: { retries: 0 } },
    processBeforeResponse: true,
    ignoreSelf: true,
    // Relais keeps no Bolt conversation state: without the store, one middleware less on every event.
    convoStore: false,
  });

  /** Links an unknown user by e-mail, then stores the event; true when it was new. */
  async function take(event: SlackEvent, token: string | undefined): Promise<boolean> {
    if (event.kind === 'ignored') return false;
    let { incoming } = event;
    if (token) {
      const email = await deps.emailOf(incoming.user, token);
      if (email) incoming = { ...incoming, user: { ...incoming.user, email } };
    }
    if (incoming.kind === 'message' && incoming.source === 'voice' && !incoming.transcript) {
      const audio = incoming.attachments?.find((a) => a.kind === 'audio');
      // Downloading and transcribing take longer than Slack waits: stored first, done by the inbox worker.
      if (deps.intakeVoice && audio?.url) return (await deps.intakeVoice(incoming)).created;
      if (incoming.text === '') {
        await deps.notify([{ key: `reply:${incoming.id}:voice`, destination: placeOf(incoming), reply: textReply(t('slack.voice.needs_configuration')) }]);
        return false;
      }
    }
    return (await deps.intake(incoming)).created;
  }

  const onMessage = async ({ body, context }: { body: unknown; context: { botUserId?: string; botToken?: string } }) => {
    const envelope = envelopeSchema.safeParse(body);
    if (!envelope.success || !envelope.data.event) return;
    const teamId = envelope.data.team_id ?? '';
    const event = envelope.data.event;
    if (event.subtype === 'message_changed') {
      const message = event.message as (SlackMessageEvent & { edited?: { ts?: string } }) | null | undefined;
      if (!deps.intakeEdit || !message) return;
      const edited = messageIncoming(teamId, { ...message, channel: event.channel, channel_type: event.channel_type, type: 'message' }, context.botUserId);
      // Re-extraction may take a while (language model): stored now, done by the inbox worker.
      if (edited.kind === 'incoming' && edited.incoming.kind === 'message') {
        const version = message.edited?.ts ?? event.ts ?? envelope.data.event_id ?? '';
        await deps.intakeEdit(edited.incoming, version);
      }
      return;
    }
    await take(messageIncoming(teamId, event, context.botUserId), context.botToken);
  };
  // The assistant side panel: its thread events and messages are taken by the Assistant's middleware, before these listeners.
  app.assistant(createSlackAssistant({ t, logger, take }));
  // One listener per handler: Bolt runs every listener's middleware chain for every event.
  app.event(/^(message|app_mention)$/, onMessage);

  app.event('app_home_opened', async ({ event, body, context }) => {
    if (!deps.publishHome || !context.botToken || (event as { tab?: string }).tab === 'messages') return;
    const token = context.botToken;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    later(() => deps.publishHome!({ platform: 'slack', workspaceId: teamId, userId: event.user }, token));
  });

  const forget = async ({ body }: { body: unknown }) => {
    const teamId = (body as { team_id?: string }).team_id;
    if (teamId && deps.uninstalled) await deps.uninstalled(teamId);
  };
  app.event(/^(app_uninstalled|tokens_revoked)$/, forget);

  app.command(SLASH_COMMAND, async ({ body, ack, context }) => {
    const parsed = commandSchema.safeParse(body);
    if (parsed.success) await take(commandIncoming(parsed.data), context.botToken);
    await ack();
  });

  app.action(/.*/, async ({ body, ack, context }) => {
    const parsed = interactionSchema.safeParse(body);
    if (!parsed.success || parsed.data.type !== 'block_actions') return ack();
    const event = blockActionIncoming(parsed.data);
    if (event.kind === 'ignored') return ack();
    const incoming = event.incoming as IncomingAction;
    const token = context.botToken;
    const trigger = parsed.data.trigger_id;
    // A click in App Home (a draft's Valider, or a form opened there): the tab is published again once the work is done.
    const fromHome = (parsed.data.view as { type?: string } | null | undefined)?.type === 'home';
    const origin = { ...modalOrigin(incoming), ...(fromHome ? { home: true } : {}) };
    if (token && trigger && incoming.action === NOTE_ACTIONS.edit) {
      // The trigger id lives 3 seconds: open a waiting modal now, the form replaces it.
      const opened = await deps.clients.call<{ view?: { id?: string } }>(token, 'views.open', {
        trigger_id: trigger, view: loadingModal(t('slack.modal.title'), t('slack.modal.preparing'), t('slack.modal.close')),
      });
      await ack();
      const viewId = opened.ok ? opened.value.view?.id : undefined;
      if (!viewId) return;
      later(async () => {
        const withEmail = await withEmailOf(incoming, token);
        const form = await deps.conversation.formFor(withEmail);
        const view = form
          ? renderModal(form, origin, deps.texts)
          : loadingModal(t('slack.modal.title'), t('error.note.wrong_status'), t('slack.modal.close'));
        await deps.clients.call(token, 'views.update', { view_id: viewId, view });
      });
      return;
    }
    if (token && trigger) {
      const form = await deps.conversation.formFor(await withEmailOf(incoming, token));
      if (form) {
        await deps.clients.call(token, 'views.open', { trigger_id: trigger, view: renderModal(form, origin, deps.texts) });
        return ack();
      }
    }
    const created = await take(event, token);
    if (created && deps.intakeHomeRefresh && fromHome) {
      await deps.intakeHomeRefresh(incoming);
    }
    await ack();
  });

  app.view({ type: 'view_submission' }, async ({ body, ack, context }) => {
    const parsed = interactionSchema.safeParse(body);
    if (parsed.success) {
      const event = viewSubmissionIncoming(parsed.data);
      const created = await take(event, context.botToken);
      // A form opened from App Home: the tab is published again once the submission is processed.
      if (created && event.kind === 'incoming' && deps.intakeHomeRefresh && readModalMetadata(parsed.data.view?.private_metadata ?? undefined)?.h === 1) {
        await deps.intakeHomeRefresh(event.incoming as IncomingAction);
      }
    }
    await ack();
  });
  app.view({ type: 'view_closed' }, async ({ ack }) => ack());

  app.shortcut(OBSERVATION_SHORTCUT, async ({ body, ack, context }) => {
    const parsed = interactionSchema.safeParse(body);
    if (parsed.success) await take(shortcutIncoming(parsed.data), context.botToken);
    await ack();
  });

  async function withEmailOf<T extends Incoming>(incoming: T, token: string): Promise<T> {
    const email = await deps.emailOf(incoming.user, token);
    return email ? { ...incoming, user: { ...incoming.user, email } } : incoming;
  }

  return {
    app,
    settle: async () => {
      while (background.size) await Promise.all([...background]);
    },
  };
}

function modalOrigin(incoming: Incoming): { channel?: string; thread?: string } {
  return {
    ...(incoming.place.conversationId ? { channel: incoming.place.conversationId } : {}),
    ...(incoming.place.threadId ? { thread: incoming.place.threadId } : {}),
  };
}
