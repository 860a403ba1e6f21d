import { outbox, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { recordingSender } from '../support/recording-sender.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const extractor = scriptedExtractor((note, who) => ({
  attendance: [{ person: who('Lucas'), status: 'present' as const, excused: null, minutes: null }],
  production: note.includes('tonte') ? [{ activity: 'tonte', quantity: 100, unit: 'm2' as const }] : [],
}));

describe('team channel binding and delivery through a platform sender', () => {
  let db: DatabaseHandle;
  let h: Harness;
  const chat = recordingSender('chat');
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    chat.sent.length = 0;
    h = await createHarness(db, { extractor, senders: [chat] });
  });

  async function sayOnChat(key: string, text: string, place: { kind: 'dm' | 'channel'; conversationId: string }) {
    await h.relais.conversation.uow.stores.identities.linkPlatformUser({ platform: 'chat', workspaceId: 'W1', userId: `u-${key}` }, h.id(key), { directChannel: { conversationId: `D-${key}` } });
    await h.relais.conversation.intake({ kind: 'message', id: `${key}-${text}`, text, user: { platform: 'chat', workspaceId: 'W1', userId: `u-${key}` }, place: { ...place, workspaceId: 'W1' } });
    await h.drain();
  }

  it('binds the encadrant\'s team to the channel the command is typed in, then posts summaries there', async () => {
    await sayOnChat('demo-eti-ev', '/relais équipe lier', { kind: 'channel', conversationId: 'C-VERTS' });
    expect(replyText(chat.sent.at(-1)!.reply)).toContain("les résumés de l'équipe Espaces verts seront publiés ici");
    await sayOnChat('demo-eti-ev', 'tout le monde là, 100 m2 de tonte au parc', { kind: 'dm', conversationId: 'D-demo-eti-ev' });
    const [note] = await db.db.select().from(shiftNotes);
    await h.relais.conversation.intake({ kind: 'action', id: 'click-1', action: 'note.confirm', value: note!.id, user: { platform: 'chat', workspaceId: 'W1', userId: 'u-demo-eti-ev' }, place: { kind: 'dm', workspaceId: 'W1', conversationId: 'D-demo-eti-ev' } });
    await h.drain();
    const toChannel = chat.sent.filter((s) => s.delivery.conversationId === 'C-VERTS');
    expect(toChannel.map((s) => replyText(s.reply))).toEqual([expect.stringContaining('les résumés'), expect.stringContaining('Fin de journée — Espaces verts')]);
    // The draft message was updated in place twice (draft, then confirmed) with the ref of the first send.
    const updates = chat.sent.filter((s) => s.delivery.conversationId === 'D-demo-eti-ev' && s.replaces);
    expect(updates.length).toBe(2);
    expect(new Set(updates.map((u) => JSON.stringify(u.replaces))).size).toBe(1);
  });

  it('asks a direction member which team to bind', async () => {
    await sayOnChat('demo-dir', '/relais équipe lier', { kind: 'channel', conversationId: 'C-X' });
    expect(replyText(chat.sent.at(-1)!.reply)).toContain("Précise l'équipe");
    await sayOnChat('demo-dir', '/relais équipe lier recyclerie', { kind: 'channel', conversationId: 'C-X' });
    expect(replyText(chat.sent.at(-1)!.reply)).toContain('Recyclerie');
  });

  it('retries after a rate limit without using up attempts, and never drops the message', async () => {
    chat.failNext([
      { ok: false, retryAfterMs: 1000, reason: 'ratelimited', rateLimited: true },
      { ok: false, retryAfterMs: 1000, reason: 'ratelimited', rateLimited: true },
      { ok: false, retryAfterMs: 500, reason: '503' },
    ]);
    await sayOnChat('demo-eti-ev', 'aide', { kind: 'dm', conversationId: 'D-demo-eti-ev' });
    expect(chat.sent).toHaveLength(0);
    for (let i = 0; i < 5 && chat.sent.length === 0; i++) {
      h.clock.advance(1500);
      await h.drain();
    }
    expect(chat.sent).toHaveLength(1);
    const [row] = await db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'done', attempt: 2 });
  });
});
