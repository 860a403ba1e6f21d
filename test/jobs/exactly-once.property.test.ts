import fc from 'fast-check';
import { shiftNotes } from '../../src/storage/schema/index.js';
import type { Incoming } from '../../src/conversation/incoming.js';
import { createHarness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';

describe('exactly one note per platform event', () => {
  it('creates one note whatever the interleaving of redeliveries and worker runs', async () => {
    const db = await openTestPglite();
    const h = await createHarness(db, { extractor: scriptedExtractor(() => ({})) });
    await h.relais.conversation.uow.stores.identities.linkPlatformUser({ platform: 'playground', workspaceId: '', userId: h.id('demo-eti-ev') }, h.id('demo-eti-ev'), {});
    let run = 0;
    try {
      await fc.assert(fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), async (s, deliveries, drains) => {
        run += 1;
        const incoming: Incoming = {
          kind: 'message', id: `evt-${run}`, text: 'tout le monde était là, rien à signaler aujourd’hui',
          user: { platform: 'playground', workspaceId: '', userId: h.id('demo-eti-ev') }, place: { kind: 'dm', workspaceId: '', conversationId: `dm:${h.id('demo-eti-ev')}` },
        };
        const tasks = [
          ...Array.from({ length: deliveries }, () => s.schedule(Promise.resolve()).then(() => h.relais.conversation.intake(incoming))),
          ...Array.from({ length: drains }, () => s.schedule(Promise.resolve()).then(() => h.relais.conversation.workers.inbox.drain())),
        ];
        await s.waitAll();
        await Promise.all(tasks);
        await h.drain();
        const notes = (await db.db.select().from(shiftNotes)).filter((n) => n.platformEventId === incoming.id);
        expect(notes).toHaveLength(1);
        expect(notes[0]!.status).toBe('draft');
      }), { numRuns: 20 });
    } finally {
      await db.close();
    }
  }, 120_000);
});
