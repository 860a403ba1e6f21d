import { randomUUID } from 'node:crypto';
import { buildRelais, type BuildOptions, type Relais } from '../../src/app/composition-root.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Reply } from '../../src/core/messages/reply.js';
import type { RawRosterRow } from '../../src/core/roster/roster-row.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import type { Incoming } from '../../src/conversation/incoming.js';
import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../src/demo/demo-roster.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { FakeClock } from './fake-clock.js';

/** A whole Relais (conversation, use cases, workers) on a test database with the demo roster. */
export interface Harness {
  readonly relais: Relais;
  readonly clock: FakeClock;
  /** Person id of a demo roster key (`demo-eti-ev`, `demo-cip`…). */
  id(rosterKey: string): string;
  /** A message from a person, through the durable intake; returns the incoming event. */
  say(rosterKey: string, text: string, options?: { conversationId?: string; eventId?: string; kind?: 'dm' | 'channel' }): Promise<Incoming>;
  click(rosterKey: string, action: string, value?: string, form?: Record<string, string>): Promise<void>;
  /** Runs the workers until nothing is left. */
  drain(): Promise<void>;
  /**
   * Moves the events the doors journaled (embedded install in a folder) to the inbox table, so that
   * a test reads there every event stored before its acknowledgement.
   */
  stored(): Promise<void>;
  /** Relais messages of a playground conversation, in order (updates in place are one message). */
  messages(conversationId: string): Promise<Reply[]>;
  dm(rosterKey: string): Promise<Reply[]>;
  channel(teamKey: string): Promise<Reply[]>;
  teamId(teamKey: string): Promise<string>;
}

export async function createHarness(
  database: DatabaseHandle,
  options: Partial<BuildOptions> & { env?: Record<string, string>; now?: string; roster?: readonly RawRosterRow[] } = {},
): Promise<Harness> {
  // Tests hammer loopback: the HTTP rate limit is off unless a test turns it on.
  const loaded = loadConfig({ RELAIS_ENV: 'test', HTTP_RATE_LIMIT_PER_MINUTE: '0', ...options.env });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const clock = new FakeClock(options.now ?? '2026-11-02T16:30:00Z');
  const { roster, ...build } = options;
  const relais = await buildRelais(loaded.config, { database, logger: silentLogger, clock, migrate: false, ...build });
  await relais.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: roster ?? DEMO_ROSTER });
  const structure = await relais.stores.roster.defaultStructure();
  const people = await relais.stores.roster.listPeople(structure.id);
  const teams = await relais.stores.roster.listTeams(structure.id);
  const id = (key: string): string => {
    const p = people.find((x) => x.rosterKey === key);
    if (!p) throw new Error(`no ${key}`);
    return p.id;
  };
  const link = (key: string) => relais.conversation.uow.stores.identities.linkPlatformUser({ platform: 'playground', workspaceId: '', userId: id(key) }, id(key), {});
  const harness: Harness = {
    relais, clock, id,
    async say(key, text, opts = {}) {
      await link(key);
      const conversationId = opts.conversationId ?? `dm:${id(key)}`;
      const incoming: Incoming = {
        kind: 'message', id: opts.eventId ?? randomUUID(), text,
        user: { platform: 'playground', workspaceId: '', userId: id(key) },
        place: { kind: opts.kind ?? (conversationId.startsWith('dm:') ? 'dm' : 'channel'), workspaceId: '', conversationId },
      };
      await relais.conversation.intake(incoming);
      return incoming;
    },
    async click(key, action, value, form) {
      await link(key);
      await relais.conversation.intake({
        kind: 'action', id: randomUUID(), action, ...(value !== undefined ? { value } : {}), ...(form ? { form } : {}),
        user: { platform: 'playground', workspaceId: '', userId: id(key) },
        place: { kind: 'dm', workspaceId: '', conversationId: `dm:${id(key)}` },
      });
    },
    drain: () => relais.conversation.drain(),
    stored: async () => { await relais.conversation.journal?.flush(); },
    async messages(conversationId) {
      const list = await relais.conversation.transcript.since([conversationId], 0, 1000);
      return list.filter((m) => m.reply !== null).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id)).map((m) => m.reply!);
    },
    dm: (key) => harness.messages(`dm:${id(key)}`),
    async teamId(teamKey) {
      const team = teams.find((t) => t.key === teamKey);
      if (!team) throw new Error(`no team ${teamKey}`);
      return team.id;
    },
    async channel(teamKey) {
      return harness.messages(`team:${await harness.teamId(teamKey)}`);
    },
  };
  return harness;
}

/** Every visible string of a reply, for assertions on what a user can read. */
export function replyText(reply: Reply): string {
  const parts: string[] = [reply.text];
  for (const b of reply.blocks) {
    if (b.type === 'header' || b.type === 'text' || b.type === 'context') parts.push(b.text);
    if (b.type === 'fields') parts.push(...b.fields.flatMap((f) => [f.label, f.value]));
    if (b.type === 'list') parts.push(b.title ?? '', ...b.items.flatMap((i) => [i.title, ...i.lines]));
    if (b.type === 'actions') parts.push(...b.elements.map((e) => (e.type === 'button' ? e.label : e.placeholder)));
  }
  if (reply.form) parts.push(reply.form.title, ...reply.form.inputs.flatMap((i) => [i.label, i.value ?? '']));
  return parts.join('\n');
}
