import { eq } from 'drizzle-orm';
import { inbox, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';
import { TEAM_ID } from '../support/slack-web-api.js';

const THREAD = '1762100500.000100';

describe('the assistant side panel in Slack (Bolt Assistant)', () => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    sh = await createSlackHarness(db, { extractor: scriptedExtractor((note) => (note.includes('tonte') ? { production: [{ activity: 'tonte', quantity: 120, unit: 'm2' }] } : {})) });
  });
  afterEach(async () => sh.close());
  const settle = async () => {
    await sh.h.relais.slack!.settle();
    await sh.h.drain();
  };

  it('shows the suggested prompts when a thread starts, and answers in the thread through the inbox with a « Je réfléchis… » status', async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    const started = await sh.event({
      type: 'assistant_thread_started', event_ts: THREAD,
      assistant_thread: { user_id: eti, channel_id: dm, thread_ts: THREAD, context: { channel_id: 'C0ESPVERT1', team_id: TEAM_ID, enterprise_id: null } },
    });
    expect(started.status).toBe(200);
    const [prompts] = sh.slack.callsOf('assistant.threads.setSuggestedPrompts');
    expect(prompts!.args).toMatchObject({ channel_id: dm, thread_ts: THREAD, title: 'Que veux-tu faire ?' });
    expect((prompts!.args['prompts'] as Array<{ title: string }>).map((p) => p.title)).toEqual(['Dicter ma note de fin de journée', 'Préparer une séance', 'Résumé de parcours']);
    // The context of the panel is not kept: no history read, no message rewritten.
    expect((await sh.event({ type: 'assistant_thread_context_changed', event_ts: '1762100501.000100', assistant_thread: { user_id: eti, channel_id: dm, thread_ts: THREAD, context: { channel_id: 'C0AUTRE', team_id: TEAM_ID } } })).status).toBe(200);
    expect(sh.slack.calls.filter((c) => c.method === 'conversations.replies' || c.method === 'chat.update')).toEqual([]);

    const note = { type: 'message', channel: dm, channel_type: 'im', user: eti, text: 'Tout le monde était là. 120 m2 de tonte.', ts: '1762100510.000100', thread_ts: THREAD, team: TEAM_ID };
    expect((await sh.event(note, { eventId: 'EvA1' })).status).toBe(200);
    expect((await sh.event(note, { eventId: 'EvA1', retryNum: 1 })).status).toBe(200);
    // Stored before the answer, once; the status shows while the worker has not answered.
    await sh.h.stored();
    const stored = await db.db.select().from(inbox).where(eq(inbox.dedupeKey, `slack:${dm}:1762100510.000100`));
    expect(stored).toEqual([expect.objectContaining({ kind: 'incoming', status: 'pending' })]);
    expect(sh.slack.callsOf('assistant.threads.setStatus').map((c) => c.args)).toEqual([expect.objectContaining({ channel_id: dm, thread_ts: THREAD, status: 'Je réfléchis…' })]);
    expect(sh.slack.shown(dm)).toEqual([]);

    await settle();
    expect(await db.db.select().from(shiftNotes)).toEqual([expect.objectContaining({ rawText: 'Tout le monde était là. 120 m2 de tonte.', status: 'draft' })]);
    const shown = sh.slack.shown(dm);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.thread_ts).toBe(THREAD);
    expect(slackText(shown[0]!)).toContain('tonte');
  }, 30_000);

  it('reads a suggested prompt as the /relais command it stands for', async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    await sh.event({ type: 'message', channel: dm, channel_type: 'im', user: eti, text: 'Dicter ma note de fin de journée', ts: '1762100520.000100', thread_ts: THREAD, team: TEAM_ID });
    await settle();
    await sh.h.stored();
    const [stored] = await db.db.select().from(inbox);
    expect((stored!.payload as { text: string }).text).toBe('/relais note');
    expect(await db.db.select().from(shiftNotes)).toEqual([]);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('Ce que Relais sait faire');
  }, 30_000);
});
