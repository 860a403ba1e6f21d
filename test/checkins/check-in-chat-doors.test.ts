import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { checkIns } from '../../src/storage/schema/index.js';
import { createSlackHarness, slackText } from '../support/slack-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createTeamsHarness, shownText } from '../support/teams-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

// « RAS, tout le monde était là » as the rules engine would read it: the team, all present.
const extractor = scriptedExtractor((note, who) => (note.startsWith('RAS')
  ? { attendance: ['Lucas', 'Inès', 'Moussa', 'Stéphane', 'Aïcha', 'Grégory'].map((n) => ({ person: who(n), status: 'present' as const, excused: null, minutes: null })) }
  : {}));

/** 16:31 in Paris on Monday 2 November 2026: just after the default shift end. */
const AFTER_SHIFT_END = '2026-11-02T15:31:00Z';

describe('the end-of-shift check-in in Slack and in Teams', () => {
  let db: DatabaseHandle;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => truncateAll(db));

  it('Slack: asked in the DM once, answered with « RAS » by a real button click, the draft follows', async () => {
    const sh = await createSlackHarness(db, { extractor });
    try {
      const eti = sh.user('demo-eti-ev');
      const dm = sh.dmOf(eti);
      sh.h.clock.set('2026-11-02T14:00:00Z');
      // Bruno says hello first: Relais links him by e-mail and learns his DM.
      expect((await sh.event(sh.dmMessage(eti, 'bonjour', '1762092000.000100'))).status).toBe(200);
      await sh.h.relais.slack!.settle();
      await sh.h.drain();
      sh.h.clock.set(AFTER_SHIFT_END);
      await sh.h.relais.digests.scheduler().tick();
      await sh.h.relais.digests.scheduler().tick();
      await sh.h.drain();
      const asked = sh.slack.shown(dm).filter((m) => slackText(m).includes('comment ça s’est passé ?'));
      expect(asked).toHaveLength(1);
      expect(asked[0]!.blocks.find((b) => b['type'] === 'actions')).toMatchObject({ elements: [
        { action_id: 'checkin.ras', value: '2026-11-02' }, { action_id: 'checkin.dictate' }, { action_id: 'checkin.later' },
      ] });
      expect((await sh.click(eti, asked[0]!, 'checkin.ras')).status).toBe(200);
      await sh.h.relais.slack!.settle();
      await sh.h.drain();
      expect(slackText(sh.slack.shown(dm).at(-1)!)).toContain('6 présent(s) · 0 absent(s)');
      const [row] = await db.db.select().from(checkIns).where(eq(checkIns.personId, sh.h.id('demo-eti-ev')));
      expect(row).toMatchObject({ date: '2026-11-02', state: 'note_received' });
    } finally {
      await sh.close();
    }
  }, 60_000);

  it('Teams: asked proactively in the personal chat, answered with « Plus tard » through Action.Execute', async () => {
    const th = await createTeamsHarness(db, { extractor });
    try {
      const eti = th.user('demo-eti-ev');
      th.h.clock.set('2026-11-02T14:00:00Z');
      expect((await th.post(th.a.installPersonal(eti))).status).toBe(200);
      await th.h.drain();
      th.h.clock.set(AFTER_SHIFT_END);
      await th.h.relais.digests.scheduler().tick();
      await th.h.drain();
      const chat = th.connector.shown(th.a.personalConversationId(eti));
      const asked = chat.filter((m) => shownText(m.activity).includes('comment ça s’est passé ?'));
      expect(asked).toHaveLength(1);
      expect(JSON.stringify(asked[0]!.activity)).toContain('"verb":"checkin.later","data":{"value":"2026-11-02"}');
      expect((await th.post(th.a.execute(eti, 'checkin.later', { value: '2026-11-02' }, asked[0]!.id))).status).toBe(200);
      await th.h.drain();
      const after = th.connector.shown(th.a.personalConversationId(eti));
      expect(after.map((m) => shownText(m.activity)).join('\n')).toContain('je te relance vers 17:31');
      const [row] = await db.db.select().from(checkIns).where(eq(checkIns.personId, th.h.id('demo-eti-ev')));
      expect(row).toMatchObject({ state: 'opened' });
    } finally {
      await th.close();
    }
  }, 60_000);
});
