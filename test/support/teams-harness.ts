import { createHash } from 'node:crypto';
import { serve } from '../../src/app/serve.js';
import type { ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { startBotFrameworkAuth, type BotFrameworkAuth, type SignOptions } from './bot-framework-auth.js';
import { startConnector, type ConnectorStandIn } from './bot-framework-connector.js';
import { createHarness, type Harness } from './relais-harness.js';
import { teamsActivities, type Activity, type TeamsChannel, type TeamsUser } from './teams-activities.js';

export const APP_ID = '7d1a2c3e-4b5f-4a6b-8c7d-9e0f1a2b3c4d';
export const APP_PASSWORD = 'test-client-secret';
export const TENANT_ID = 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f';
export const CHANNEL: TeamsChannel = { id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2', teamId: '19:team-espaces-verts@thread.tacv2', name: 'Espaces verts' };

/** A whole Relais with the Teams door on a real HTTP port, Microsoft's side played by local stand-ins. */
export interface TeamsHarness {
  readonly h: Harness;
  readonly url: string;
  readonly auth: BotFrameworkAuth;
  readonly connector: ConnectorStandIn;
  readonly a: ReturnType<typeof teamsActivities>;
  /** The Teams account of a demo roster person (its e-mail is known to the connector). */
  user(rosterKey: string): TeamsUser;
  /** POSTs an activity to /api/messages with a valid token (or the given one, or none with `null`). */
  post(activity: Activity, token?: string | null | Partial<SignOptions>): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export async function createTeamsHarness(db: DatabaseHandle, options: { extractor: ShiftNoteExtractor; env?: Record<string, string> }): Promise<TeamsHarness> {
  const auth = await startBotFrameworkAuth({ appId: APP_ID, appPassword: APP_PASSWORD });
  const connector = await startConnector({ isValidToken: (token) => auth.issued.includes(token) });
  const h = await createHarness(db, {
    extractor: options.extractor,
    env: {
      PORT: '0', PLAYGROUND_ENABLED: 'false', TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: APP_PASSWORD,
      TEAMS_OPENID_METADATA_URL: auth.openIdMetadataUrl, TEAMS_TOKEN_URL: auth.tokenUrl, ...options.env,
    },
  });
  const serving = await serve(h.relais);
  const structure = await h.relais.stores.roster.defaultStructure();
  const people = await h.relais.stores.roster.listPeople(structure.id);
  const a = teamsActivities({ serviceUrl: connector.serviceUrl, tenantId: TENANT_ID, appId: APP_ID });
  return {
    h, url: serving.url, auth, connector, a,
    user(key) {
      const person = people.find((p) => p.rosterKey === key);
      if (!person) throw new Error(`no ${key}`);
      const hex = createHash('sha256').update(key).digest('hex');
      const user = {
        aadObjectId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
        memberId: `29:1${hex.slice(0, 40)}`, name: `${person.firstName} ${person.lastName}`,
      };
      connector.members.set(user.memberId, { email: person.email ?? undefined, userPrincipalName: person.email ?? undefined, aadObjectId: user.aadObjectId });
      return user;
    },
    async post(activity, token) {
      const bearer = token === null ? undefined
        : typeof token === 'string' ? token
          : await auth.sign({ serviceUrl: activity.serviceUrl, now: h.clock.now(), ...token });
      const res = await fetch(`${serving.url}/api/messages`, {
        method: 'POST', body: JSON.stringify(activity),
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) as unknown : undefined };
    },
    async close() {
      await h.relais.lifecycle.stop();
      await Promise.all([connector.close(), auth.close()]);
    },
  };
}

/** The Adaptive Card of a message the connector shows (undefined for a text message). */
export const cardOf = (activity: Record<string, unknown>): Record<string, unknown> | undefined =>
  (activity['attachments'] as Array<{ content: Record<string, unknown> }> | undefined)?.[0]?.content;

/** Every text a user reads in a shown message (card text blocks, facts, buttons, inputs, or the message text). */
export function shownText(activity: Record<string, unknown>): string {
  const parts: string[] = [typeof activity['text'] === 'string' ? activity['text'] : ''];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      for (const k of ['text', 'title', 'value', 'label']) if (typeof o[k] === 'string') parts.push(o[k] as string);
      Object.values(o).forEach(walk);
    }
  };
  walk(cardOf(activity));
  return parts.join('\n');
}
