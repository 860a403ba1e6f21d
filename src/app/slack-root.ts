import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/load-config.js';
import type { Clock } from '../core/ports/clock.js';
import type { Logger } from '../core/ports/logger.js';
import type { MessageSender } from '../core/ports/message-sender.js';
import type { IncomingMessage as IncomingChat, IncomingUser } from '../conversation/incoming.js';
import type { OutgoingMessage } from '../core/ports/outbox.js';
import { createSlackWork, SLACK_WORK, slackWorkKeys } from '../platforms/slack/slack-work.js';
import type { Route } from '../http/http-server.js';
import { createTranslator } from '../i18n/translator.js';
import { createSlackApp, type SlackApp } from '../platforms/slack/slack-app.js';
import { createSlackClients } from '../platforms/slack/slack-client.js';
import { createSlackDownloader } from '../platforms/slack/slack-files.js';
import { createSlackInstaller } from '../platforms/slack/slack-oauth.js';
import type { DatabaseHandle } from '../storage/database.js';
import { DrizzleInstallationStore } from '../storage/stores/drizzle-installation-store.js';
import { createTokenCipher } from '../storage/token-cipher.js';
import type { Transcriber } from '../core/ports/transcriber.js';
import { SharedServerReceiver, SLACK_EVENTS_PATH } from '../platforms/slack/slack-receiver.js';
import { createSlackSender } from '../platforms/slack/slack-sender.js';
import { ChannelPacer } from '../platforms/slack/slack-pacer.js';
import { homeReply, homeView, type HomeDeps } from '../platforms/slack/slack-home.js';
import type { ProgressStore } from '../core/ports/progress-store.js';
import type { buildConversation } from './conversation-root.js';

/** The Slack door: its sender (for the outbox), its route (HTTP mode) and its Socket Mode connection. */
export interface SlackDoor {
  readonly sender: MessageSender;
  routes(conversation: ReturnType<typeof buildConversation>, stores: { readonly progress: ProgressStore }, home?: Pick<HomeDeps, 'weekProduction'>): Route[];
  /** Opens the Socket Mode connection (no-op in HTTP mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Waits for background work (modal updates, App Home): tests. */
  settle(): Promise<void>;
}

/** Builds the Slack door when `config.slack` is set (SLACK_BOT_TOKEN…), else null. */
export function buildSlackDoor(config: Config, deps: {
  readonly clock: Clock; readonly logger: Logger; readonly database: DatabaseHandle; readonly transcriber?: Transcriber;
}): SlackDoor | null {
  const slack = config.slack;
  if (!slack) return null;
  const logger = deps.logger.child({ door: 'slack' });
  const t = createTranslator(config.locale);
  const texts = { more: (count: number) => t('slack.more', { count }) };
  const clients = createSlackClients({ apiUrl: slack.apiUrl, logger });
  // Looking up an unknown user's e-mail happens while Slack waits for our answer: short timeout.
  const lookups = createSlackClients({ apiUrl: slack.apiUrl, logger, timeoutMs: 2_000 });
  // OAuth distribution: each workspace's token comes from its installation; otherwise the one bot token.
  const installer = slack.mode === 'oauth' && slack.clientId && slack.clientSecret && slack.stateSecret && slack.tokenKey
    ? createSlackInstaller({
      clientId: slack.clientId, clientSecret: slack.clientSecret, stateSecret: slack.stateSecret, apiUrl: slack.apiUrl,
      publicUrl: config.http.publicUrl, clock: deps.clock, clients, t, logger,
      store: new DrizzleInstallationStore(deps.database.db, createTokenCipher(slack.tokenKey)),
    })
    : null;
  const tokenFor = installer ? installer.tokenFor : async (): Promise<string | undefined> => slack.botToken;
  let door: SlackApp | null = null;
  return {
    sender: createSlackSender({ clients, tokenFor, texts, logger, pacer: new ChannelPacer(deps.clock, slack.channelIntervalMs) }),
    routes: (conversation, stores, home) => {
      const identities = conversation.uow.stores.identities;
      const socket = slack.mode === 'socket' && slack.appToken;
      // Users already linked, remembered a few minutes: their events are acknowledged without reading the database first.
      const known = new Map<string, number>();
      const emails = new Map<string, { email: string | undefined; until: number }>();
      const KNOWN_MS = 5 * 60_000;
      const emailOf = async (user: IncomingUser, token: string): Promise<string | undefined> => {
        const key = `${user.workspaceId}:${user.userId}`;
        const now = deps.clock.now().getTime();
        if ((known.get(key) ?? 0) > now) return undefined;
        if (await identities.findPersonByPlatformUser(user)) {
          if (known.size > 10_000) known.clear();
          known.set(key, now + KNOWN_MS);
          return undefined;
        }
        // Not linked yet: Slack's answer (the e-mail, or none) is also remembered a few minutes, so a person
        // the roster does not know, or one writing a burst before being linked, costs one users.info, not one per event.
        const remembered = emails.get(key);
        if (remembered && remembered.until > now) return remembered.email;
        const info = await lookups.call<{ user?: { profile?: { email?: string } } }>(token, 'users.info', { user: user.userId });
        const email = info.ok ? info.value.user?.profile?.email : undefined;
        // A definite answer (an e-mail, none, or « user_not_found ») is kept; a network failure is not.
        if (info.ok || info.failure.kind === 'slack') {
          if (emails.size > 10_000) emails.clear();
          emails.set(key, { email, until: now + KNOWN_MS });
        }
        return email;
      };
      const { notes } = conversation.uow.stores;
      // Journal-aware: an event acknowledged a moment ago may not be in the inbox table yet.
      const inbox = conversation.inbox;
      const publishHome = async (user: IncomingUser, token: string): Promise<void> => {
        const email = await emailOf(user, token);
        const who = await conversation.useCases.identifyUser({
          user: { platform: 'slack', workspaceId: user.workspaceId, userId: user.userId }, door: 'slack', ...(email ? { email } : {}),
        });
        const reply = await homeReply(who.ok ? who.value.actor : null, {
          t, locale: config.locale, clock: deps.clock, defaultTimezone: config.defaultTimezone,
          notes: conversation.uow.stores.notes, identities, progress: stores.progress,
          ...(home?.weekProduction ? { weekProduction: home.weekProduction } : {}),
        });
        const published = await clients.call(token, 'views.publish', { user_id: user.userId, view: homeView(reply, texts) });
        // Network trouble or a rate limit passes: thrown so the inbox retries a refresh (a Slack error would not pass).
        if (!published.ok && published.failure.kind !== 'slack') throw new Error(`slack.views_publish_${published.failure.kind}`);
      };
      const notify = (messages: readonly OutgoingMessage[]) => conversation.uow.stores.outbox.enqueue(messages);
      const work = createSlackWork({
        t, logger, tokenFor, notify, intake: conversation.intake, publishHome, inboxStatus: (key) => inbox.statusOf(key),
        download: createSlackDownloader({ apiUrl: slack.apiUrl }),
        ...(deps.transcriber ? { transcriber: deps.transcriber } : {}),
        followEdit: async (incoming) => {
          const note = await notes.findByEvent('slack', incoming.id);
          if (!note) {
            // The original message (or clip) is still waiting in the inbox: the edit waits for its note.
            const original = (await inbox.statusOf(`slack:${incoming.id}`)) ?? (await inbox.statusOf(slackWorkKeys.voice(incoming)));
            return original === 'pending' || original === 'running' ? 'wait' : 'done';
          }
          if (note.status === 'received') return 'wait';
          // Only a note still in draft follows its message; a validated note is never changed by an edit.
          if (note.status !== 'draft' || !incoming.text) return 'done';
          const who = await conversation.useCases.identifyUser({ user: incoming.user, door: 'slack' });
          if (!who.ok || who.value.actor.personId !== note.authorId) return 'done';
          const edited = await conversation.useCases.editShiftNote({ actor: who.value.actor, noteId: note.id, edit: { kind: 'replace-text', text: incoming.text } });
          if (!edited.ok) logger.warn({ code: edited.code }, 'slack.edit_not_applied');
          return 'done';
        },
      });
      const enqueueVoice = conversation.defineWork(SLACK_WORK.voice, work.voice);
      const enqueueEdit = conversation.defineWork(SLACK_WORK.edit, work.edit);
      const enqueueHome = conversation.defineWork(SLACK_WORK.home, work.home);
      const receiver = socket ? null : new SharedServerReceiver({ signingSecret: slack.signingSecret ?? '', clock: deps.clock, logger });
      door = createSlackApp(receiver ?? { socket: { appToken: slack.appToken! } }, {
        t, logger, texts, clients, tokenFor, conversation: conversation.conversation, intake: conversation.intake,
        emailOf,
        notify,
        ...(deps.transcriber ? { intakeVoice: (clip: IncomingChat) => enqueueVoice(slackWorkKeys.voice(clip), clip as unknown as Record<string, unknown>) } : {}),
        intakeHomeRefresh: (action) => enqueueHome(slackWorkKeys.home(action), { user: action.user, after: `slack:${action.id}` }),
        intakeEdit: (incoming, version) => enqueueEdit(slackWorkKeys.edit(incoming, version), incoming as unknown as Record<string, unknown>),
        ...(installer ? { uninstalled: installer.uninstalled } : {}),
        publishHome,
      }, { apiUrl: slack.apiUrl });
      return [
        ...(receiver ? [{ method: 'POST' as const, path: SLACK_EVENTS_PATH, acknowledges: true, handler: (req: IncomingMessage, res: ServerResponse) => receiver.handle(req, res) }] : []),
        ...(installer ? installer.routes : []),
      ];
    },
    start: async () => {
      if (door && slack.mode === 'socket') await door.app.start();
    },
    stop: async () => {
      if (door && slack.mode === 'socket') await door.app.stop();
    },
    settle: async () => door?.settle(),
  };
}
