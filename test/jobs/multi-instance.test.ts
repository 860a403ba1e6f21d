import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openPostgres } from '../../src/storage/open-postgres.js';
import { outbox, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { recordingSender } from '../support/recording-sender.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { testDatabaseUrl, warnIfPostgresSkipped } from '../support/test-database.js';
import { postgresTemplateName } from '../support/test-paths.js';

warnIfPostgresSkipped();
const url = testDatabaseUrl();

(url ? describe : describe.skip)('several instances on one PostgreSQL', () => {
  const name = `relais_multi_${randomUUID().slice(0, 8)}`;
  const handles: DatabaseHandle[] = [];
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${name}" template "${postgresTemplateName()}"`);
    await admin.end();
    const target = new URL(url!);
    target.pathname = `/${name}`;
    for (let i = 0; i < 3; i++) handles.push(await openPostgres(target.toString(), 4));
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('share the inbox and outbox: every note is processed once and every message sent once', async () => {
    const chat = recordingSender('chat');
    const instances: Harness[] = [];
    for (const [i, handle] of handles.entries()) {
      instances.push(await createHarness(handle, { extractor: scriptedExtractor(() => ({})), senders: [chat], workerId: `instance-${i}` }));
    }
    const h = instances[0]!;
    const eti = h.id('demo-eti-ev');
    await h.relais.conversation.uow.stores.identities.linkPlatformUser({ platform: 'chat', workspaceId: 'W', userId: 'U-ETI' }, eti, { directChannel: { conversationId: 'D-ETI' } });
    const events = Array.from({ length: 30 }, (_, i) => ({
      kind: 'message' as const, id: `ev-${i}`, text: `note numéro ${i} tout le monde était là`,
      user: { platform: 'chat', workspaceId: 'W', userId: 'U-ETI' }, place: { kind: 'dm' as const, workspaceId: 'W', conversationId: 'D-ETI' },
    }));
    // Each event reaches two instances (a platform retry landing elsewhere).
    await Promise.all(events.flatMap((e, i) => [instances[i % 3]!.relais.conversation.intake(e), instances[(i + 1) % 3]!.relais.conversation.intake(e)]));
    // An update waits (a quarter of a second) for the message it replaces when another instance is sending it:
    // move the clocks on until nothing is left.
    for (let round = 0; round < 20; round++) {
      await Promise.all(instances.map((x) => x.drain()));
      const pending = (await handles[0]!.db.select().from(outbox)).filter((r) => r.status !== 'done');
      if (pending.length === 0) break;
      for (const x of instances) x.clock.advance(1000);
    }
    const notes = await handles[0]!.db.select().from(shiftNotes);
    expect(notes).toHaveLength(30);
    expect(new Set(notes.map((n) => n.platformEventId)).size).toBe(30);
    const rows = (await handles[0]!.db.select().from(outbox)).filter((r) => r.platform === 'chat');
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    // One "received" message per note, updated in place by its draft: 30 posts and 30 updates, no duplicates.
    expect(chat.sent.filter((s) => !s.replaces)).toHaveLength(30);
    expect(chat.sent.filter((s) => s.replaces)).toHaveLength(30);
  }, 120_000);
});
