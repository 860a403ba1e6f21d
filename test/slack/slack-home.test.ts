import { shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { createSlackHarness, slackText, type SlackHarness } from '../support/slack-harness.js';
import { TEAM_ID } from '../support/slack-web-api.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

type View = { type: string; blocks: Array<Record<string, unknown>> };

describe('App Home in Slack', () => {
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
  const lastHome = (user: string): View => sh.slack.callsOf('views.publish').filter((c) => c.args['user_id'] === user).at(-1)!.args['view'] as View;
  /** The encadrant writes a note, then opens App Home: the tab as published, with its draft's buttons. */
  const homeWithDraft = async (ts: number) => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    await sh.event(sh.dmMessage(eti, 'Tout le monde était là. 120 m2 de tonte.', `${ts}.000100`));
    await settle();
    await sh.event({ type: 'app_home_opened', user: eti, channel: dm, tab: 'home', event_ts: `${ts + 1}.000100` });
    await settle();
    const home = lastHome(eti);
    const button = (actionId: string) => home.blocks.filter((b) => b['type'] === 'actions').flatMap((b) => b['elements'] as Array<Record<string, unknown>>)
      .find((e) => e['action_id'] === actionId);
    return { eti, home, button };
  };
  /** A click on a button of the published tab. */
  const clickInHome = (eti: string, home: View, actionId: string, value: unknown, ts: number) => sh.interaction({
    type: 'block_actions', team: { id: TEAM_ID, domain: 'relais-test' }, user: { id: eti, team_id: TEAM_ID, name: 'eti' }, api_app_id: 'A0RELAIS',
    trigger_id: `trig.home.${ts}`, container: { type: 'view', view_id: 'V0HOME' },
    view: { id: 'V0HOME', type: 'home', hash: 'h1', blocks: home.blocks, team_id: TEAM_ID },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: `${ts}.000100` }],
  });

  it('publishes the tab again after a click in it, once the click is processed, showing its effect', async () => {
    const { eti, home: before, button: find } = await homeWithDraft(1762100600);
    expect(slackText({ text: '', blocks: before.blocks })).toContain('Brouillons en attente : 1');
    const button = find('note.confirm');
    expect(button).toBeDefined();
    const publishedBefore = sh.slack.callsOf('views.publish').length;

    const res = await clickInHome(eti, before, 'note.confirm', button!['value'], 1762100602);
    expect(res.status).toBe(200);
    // Nothing is published before the click's action is done.
    expect(sh.slack.callsOf('views.publish')).toHaveLength(publishedBefore);
    await settle();
    expect((await db.db.select().from(shiftNotes))[0]!.status).toBe('confirmed');
    expect(sh.slack.callsOf('views.publish')).toHaveLength(publishedBefore + 1);
    const after = slackText({ text: '', blocks: lastHome(eti).blocks });
    expect(after).toContain('Brouillons en attente : 0');
    expect(after).toContain('envoyée et validée ✅');
    // The team's week: the confirmed production, which the draft did not count yet.
    expect(slackText({ text: '', blocks: before.blocks })).toContain('Aucune production enregistrée');
    expect(after).toContain('Production de la semaine — Espaces verts');
    expect(after).toContain('tonte : 120 m² (1 jour(s))');
  }, 30_000);

  it('publishes the tab again after a form opened from it is submitted (Modifier on a draft)', async () => {
    const { eti, home, button } = await homeWithDraft(1762100620);
    const edit = button('note.edit');
    expect(edit).toBeDefined();
    expect((await clickInHome(eti, home, 'note.edit', edit!['value'], 1762100622)).status).toBe(200);
    await settle();
    const form = sh.slack.callsOf('views.update').at(-1)!.args['view'] as { callback_id: string; private_metadata: string; blocks: Array<{ block_id: string; element: { initial_value?: string } }> };
    expect(form.callback_id).toBe('note.form');
    const publishedBefore = sh.slack.callsOf('views.publish').length;
    const values = Object.fromEntries(form.blocks.map((b) => [b.block_id, b.element.initial_value ?? '']));
    const state = Object.fromEntries(Object.entries({ ...values, production: 'tonte : 450 m2' }).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]));
    expect((await sh.interaction({
      type: 'view_submission', team: { id: TEAM_ID }, user: { id: eti, team_id: TEAM_ID }, trigger_id: 'trig.home.submit',
      view: { id: 'V000009', hash: 'h2', team_id: TEAM_ID, type: 'modal', callback_id: form.callback_id, private_metadata: form.private_metadata, state: { values: state } },
    })).status).toBe(200);
    await settle();
    expect(((await db.db.select().from(shiftNotes))[0]!.draft as { extraction: { production: unknown } }).extraction.production).toEqual([{ activity: 'tonte', quantity: 450, unit: 'm2' }]);
    expect(sh.slack.callsOf('views.publish')).toHaveLength(publishedBefore + 1);
    expect(slackText({ text: '', blocks: lastHome(eti).blocks })).toContain('Brouillons en attente : 1');
  }, 30_000);

  it('leaves the tab alone after a click in a message', async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    await sh.event(sh.dmMessage(eti, 'Tout le monde était là. 120 m2 de tonte.', '1762100610.000100'));
    await settle();
    await sh.click(eti, sh.slack.shown(dm)[0]!, 'note.confirm');
    await settle();
    expect((await db.db.select().from(shiftNotes))[0]!.status).toBe('confirmed');
    expect(sh.slack.callsOf('views.publish')).toHaveLength(0);
  }, 30_000);
});
