import type { Actor } from '../core/domain/actor.js';
import type { Form, Reply } from '../core/messages/reply.js';
import type { Incoming } from './incoming.js';
import type { Intent } from './intent/intent.js';

/** How a handler answers: replies to the requester (privately when asked) and maybe a form to open. */
export interface HandlerContext {
  readonly actor: Actor;
  readonly incoming: Incoming;
  /** Sends a reply where the request came from; `private` forces the requester's DM. */
  reply(reply: Reply, options?: { private?: boolean; replaces?: string; key?: string }): Promise<void>;
}

/**
 * A feature's entry points into the conversation: intents it answers and
 * actions (button ids) it owns. Registered by the composition root.
 */
export interface FeatureHandler {
  /** Intent kinds it handles, e.g. 'session-request', 'summary-request'. */
  readonly intents?: readonly Intent['kind'][];
  /** Action id prefixes it owns, e.g. 'session.'. */
  readonly actionPrefixes?: readonly string[];
  handleIntent?(intent: Intent, ctx: HandlerContext): Promise<void>;
  handleAction?(action: { action: string; value?: string; form?: Readonly<Record<string, string>> }, ctx: HandlerContext): Promise<void>;
  /** A form to open at once for an action (Slack modals must open within 3 seconds). */
  formFor?(action: { action: string; value?: string }, actor: Actor): Promise<Form | null>;
}
