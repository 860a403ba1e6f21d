/** A user as a platform knows them. */
export interface IncomingUser {
  readonly platform: string;
  readonly workspaceId: string;
  readonly userId: string;
  readonly displayName?: string;
  readonly email?: string;
}

/** Where the message was written. */
export interface IncomingPlace {
  readonly kind: 'dm' | 'channel';
  readonly workspaceId: string;
  readonly conversationId: string;
  readonly threadId?: string;
  /** Platform data needed to post here later without being asked (Teams conversation reference). */
  readonly reference?: Record<string, unknown>;
}

export interface IncomingAttachment {
  readonly kind: 'audio' | 'file' | 'image';
  readonly name: string;
  readonly mimeType?: string;
  readonly url?: string;
  /** A transcript the platform already made (Slack clips). */
  readonly transcript?: string;
}

interface IncomingBase {
  /** The platform's id of this event: the idempotency key of everything it causes. */
  readonly id: string;
  readonly user: IncomingUser;
  readonly place: IncomingPlace;
  /** How this user is reached privately, remembered for proactive messages. */
  readonly directChannel?: Record<string, unknown>;
}

/** Something a user wrote (or dictated) to Relais. */
export interface IncomingMessage extends IncomingBase {
  readonly kind: 'message';
  readonly text: string;
  readonly source?: 'text' | 'voice' | 'command';
  readonly transcript?: string;
  readonly attachments?: readonly IncomingAttachment[];
}

/** A button click, a select or a submitted form. */
export interface IncomingAction extends IncomingBase {
  readonly kind: 'action';
  readonly action: string;
  readonly value?: string;
  readonly form?: Readonly<Record<string, string>>;
}

export type Incoming = IncomingMessage | IncomingAction;
