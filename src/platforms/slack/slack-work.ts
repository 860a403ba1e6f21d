import { placeOf } from '../../conversation/conversation.js';
import type { Incoming, IncomingMessage, IncomingUser } from '../../conversation/incoming.js';
import { textReply } from '../../core/messages/reply.js';
import type { InboxWork } from '../../core/ports/inbox.js';
import type { Logger } from '../../core/ports/logger.js';
import type { OutgoingMessage } from '../../core/ports/outbox.js';
import type { Transcriber } from '../../core/ports/transcriber.js';
import type { Translate } from '../../i18n/translator.js';
import type { Download } from './slack-files.js';

/** Inbox kinds of the Slack door's slow steps, done by the inbox worker after the acknowledgement. */
export const SLACK_WORK = { voice: 'slack.voice', edit: 'slack.edit', home: 'slack.home' } as const;

/** Dedupe keys: a redelivered clip or edit is dropped like any redelivered message. */
export const slackWorkKeys = {
  voice: (incoming: Incoming) => `slack:${incoming.id}:voice`,
  edit: (incoming: Incoming, editedTs: string) => `slack:${incoming.id}:edit:${editedTs}`,
  home: (action: Incoming) => `slack:${action.id}:home`,
};

/** A click in App Home: once the action it waits for is processed, the tab is published again. */
export interface HomeRefresh {
  readonly user: IncomingUser;
  /** Inbox key of the action the new view must reflect. */
  readonly after: string;
}

/** What the edit work learns from the conversation: applied (or nothing to do), or the note is not ready yet. */
export type EditOutcome = 'done' | 'wait';

export interface SlackWorkDeps {
  readonly t: Translate;
  readonly logger: Logger;
  readonly tokenFor: (workspaceId: string) => Promise<string | undefined>;
  readonly download: (url: string, token: string) => Promise<Download>;
  readonly transcriber?: Transcriber;
  /** The ordinary durable intake: a transcribed clip becomes an ordinary message. */
  readonly intake: (incoming: Incoming) => Promise<{ created: boolean }>;
  readonly notify: (messages: readonly OutgoingMessage[]) => Promise<void>;
  /** Makes a note still in draft follow its edited message. */
  readonly followEdit: (incoming: IncomingMessage) => Promise<EditOutcome>;
  /** Where an inbox item stands (null: never received). */
  readonly inboxStatus: (dedupeKey: string) => Promise<string | null>;
  /** Publishes a user's App Home (views.publish). */
  readonly publishHome: (user: IncomingUser, token: string) => Promise<void>;
}

/** A step that waiting may fix: thrown so the inbox worker retries it with backoff. */
class RetryLater extends Error {
  override readonly name = 'RetryLater';
}

/**
 * The inbox work of the Slack door. A voice clip without Slack's transcript
 * is stored as `slack.voice` before the door answers; the worker downloads it
 * with the workspace's token, transcribes it, and stores the text as an
 * ordinary message (`incoming`, same event id), so a crash or a provider
 * error between two steps is retried and the clip never becomes two notes.
 * A `message_changed` is stored as `slack.edit` and re-extracts the note
 * while it is a draft, waiting for the original message to be processed first.
 * A click in App Home stores `slack.home`, which publishes the tab again once
 * the click's action is processed, so the tab shows its effect.
 */
export function createSlackWork(deps: SlackWorkDeps): { readonly voice: InboxWork; readonly edit: InboxWork; readonly home: InboxWork } {
  const { t, logger } = deps;
  const tellFailed = (clip: IncomingMessage) =>
    deps.notify([{ key: `reply:${clip.id}:voice`, destination: placeOf(clip), reply: textReply(t('slack.voice.failed')) }]);

  return {
    voice: {
      async handle(payload) {
        const clip = payload as unknown as IncomingMessage;
        const audio = clip.attachments?.find((a) => a.kind === 'audio');
        if (!audio?.url || !deps.transcriber) return tellFailed(clip);
        const token = await deps.tokenFor(clip.user.workspaceId);
        if (!token) throw new RetryLater('slack.no_installation');
        const file = await deps.download(audio.url, token);
        if (!file.ok) {
          if (file.retry) throw new RetryLater(`slack.download_${file.reason}`);
          logger.warn({ reason: file.reason }, 'slack.voice_download_refused');
          return tellFailed(clip);
        }
        const text = await deps.transcriber.transcribe(file.bytes, audio.mimeType ?? 'audio/mp4');
        if (!text.ok) {
          if (text.code === 'transcription.unavailable') throw new RetryLater(text.code);
          logger.warn({ code: text.code }, 'slack.voice_not_transcribed');
          return tellFailed(clip);
        }
        await deps.intake({ ...clip, text: [clip.text, text.value.text].filter(Boolean).join('\n'), transcript: text.value.text });
      },
      dead: async (payload) => tellFailed(payload as unknown as IncomingMessage),
    },
    edit: {
      async handle(payload) {
        const edited = payload as unknown as IncomingMessage;
        if ((await deps.followEdit(edited)) === 'wait') throw new RetryLater('slack.edit_waits_for_note');
      },
    },
    home: {
      async handle(payload) {
        const { user, after } = payload as unknown as HomeRefresh;
        const status = await deps.inboxStatus(after);
        if (status === 'pending' || status === 'running') throw new RetryLater('slack.home_waits_for_action');
        const token = await deps.tokenFor(user.workspaceId);
        if (!token) throw new RetryLater('slack.no_installation');
        await deps.publishHome(user, token);
      },
    },
  };
}
