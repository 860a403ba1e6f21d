import { alerts, inbox, observations, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { BOT_USER_ID, TEAM_ID } from '../support/slack-web-api.js';
import { CHANNEL_ID, createSlackHarness, SIGNING_SECRET, slackText, type SlackHarness } from '../support/slack-harness.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const NOTE = "Tout le monde était là sauf Stéphane. 300 m2 de tonte. Lucas a mis ses EPI sans qu'on lui dise. Inès a bien aidé Moussa. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.";
const extractor = scriptedExtractor((note, who) => {
  if (!note.startsWith('Tout le monde')) return {};
  return {
    attendance: ['Lucas', 'Inès', 'Moussa', 'Aïcha', 'Grégory'].map((n) => ({ person: who(n), status: 'present' as 'present' | 'absent', excused: null, minutes: null }))
      .concat([{ person: who('Stéphane'), status: 'absent', excused: null, minutes: null }]),
    production: [{ activity: 'tonte', quantity: note.includes('450 m2') ? 450 : 300, unit: 'm2' }],
    observations: [
      { person: who('Lucas'), category: 'securite', polarity: 'positive', evidence: "Lucas a mis ses EPI sans qu'on lui dise" },
      { person: who('Inès'), category: 'equipe', polarity: 'positive', evidence: 'Inès a bien aidé Moussa' },
      { person: who('Moussa'), category: 'logement', polarity: 'negative', evidence: 'il dort dans sa voiture depuis lundi' },
    ],
    alerts: [{ person: who('Moussa'), topic: 'logement', evidence: 'il dort dans sa voiture depuis lundi' }],
  };
});

describe.each(databaseTargets())('the Slack door (Bolt, HTTP mode) on $name', ({ open }) => {
  let db: DatabaseHandle;
  let sh: SlackHarness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    sh = await createSlackHarness(db, { extractor });
  });
  afterEach(async () => sh.close());

  const lastNote = async () => (await db.db.select().from(shiftNotes))[0]!;
  const ok = async (p: Promise<{ status: number; text: string }>) => {
    const res = await p;
    expect(res.status).toBe(200);
    return res.text;
  };
  const settle = async () => {
    await sh.h.relais.slack!.settle();
    await sh.h.drain();
  };

  it('runs the day in Slack: bind a channel, DM a note, draft blocks, Modifier in a modal, Valider in place, neutral summary', async () => {
    const eti = sh.user('demo-eti-ev');
    const cip = sh.user('demo-cip');
    const dm = sh.dmOf(eti);
    // `/relais équipe lier` in the team's channel: answered there (Relais joins the public channel first).
    sh.slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await ok(sh.command(eti, CHANNEL_ID, 'équipe lier'));
    await settle();
    expect(sh.slack.callsOf('conversations.join')).toHaveLength(1);
    expect(slackText(sh.slack.shown(CHANNEL_ID)[0]!)).toContain("les résumés de l'équipe Espaces verts seront publiés ici");

    // The CIP says hello in her DM: she is linked by the e-mail users.info gives.
    await ok(sh.event(sh.dmMessage(cip, 'bonjour', '1762100000.000100')));
    // The note in a DM: "Je traite ta note…" becomes the draft, in place.
    await ok(sh.event(sh.dmMessage(eti, NOTE, '1762100001.000100')));
    await settle();
    expect(sh.slack.callsOf('users.info').map((c) => c.args['user'])).toEqual(expect.arrayContaining([eti, cip]));
    expect(sh.slack.shown(dm)).toHaveLength(1);
    const draft = sh.slack.shown(dm)[0]!;
    expect(draft.updates).toBe(1);
    expect(slackText(draft)).toContain('Brouillon — note du lundi 2 novembre');
    expect(draft.blocks.find((b) => b['type'] === 'actions')).toMatchObject({ elements: [{ action_id: 'note.confirm' }, { action_id: 'note.edit' }, { action_id: 'note.discard' }] });
    const post = sh.slack.callsOf('chat.postMessage').find((c) => c.args['channel'] === dm)!;
    expect(post.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });

    // Modifier: a waiting modal at once on the trigger id, then the form replaces it.
    const note = await lastNote();
    await sh.h.stored();
    const queued = (await db.db.select().from(inbox)).length;
    await ok(sh.click(eti, draft, 'note.edit'));
    const opened = sh.slack.callsOf('views.open').at(-1)!;
    expect(opened.args['trigger_id']).toMatch(/^trig\./);
    expect(JSON.stringify(opened.args['view'])).toContain('Je prépare le formulaire…');
    await settle();
    const updated = sh.slack.callsOf('views.update').at(-1)!;
    const view = updated.args['view'] as { callback_id: string; private_metadata: string; blocks: Array<{ block_id: string; element: { initial_value?: string } }> };
    expect(updated.args['view_id']).toEqual(expect.stringMatching(/^V\d+$/));
    expect(view.callback_id).toBe('note.form');
    const values = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element.initial_value ?? '']));
    expect(values['production']).toBe('tonte : 300 m²');
    await sh.h.stored();
    expect((await db.db.select().from(inbox)).length).toBe(queued);

    // Enregistrer: the modal closes, the draft is updated in place with the correction.
    const state = Object.fromEntries(Object.entries({ ...values, production: 'tonte : 450 m2' }).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]));
    await ok(sh.interaction({
      type: 'view_submission', team: { id: TEAM_ID }, user: { id: eti, team_id: TEAM_ID }, trigger_id: 'trig.submit',
      view: { id: 'V000001', hash: 'h1', team_id: TEAM_ID, type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, state: { values: state } },
    }));
    await settle();
    expect(((await lastNote()).draft as { extraction: { production: unknown } }).extraction.production).toEqual([{ activity: 'tonte', quantity: 450, unit: 'm2' }]);
    expect(sh.slack.shown(dm)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('450');

    // Valider: the draft message becomes the confirmation in place, the summary goes to the channel, the alert to the CIP.
    await ok(sh.click(eti, sh.slack.shown(dm)[0]!, 'note.confirm'));
    await settle();
    expect((await lastNote()).status).toBe('confirmed');
    expect(note.id).toBe((await lastNote()).id);
    expect(await db.db.select().from(observations)).toHaveLength(3);
    expect(await db.db.select().from(alerts)).toHaveLength(1);
    expect(sh.slack.shown(dm)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('validée ✅');
    const channel = sh.slack.shown(CHANNEL_ID);
    expect(channel).toHaveLength(2);
    const summary = slackText(channel[1]!);
    expect(summary).toContain('Fin de journée — Espaces verts, lundi 2 novembre');
    expect(summary).toContain('tonte — 450 m²');
    expect(summary).not.toMatch(/voiture|dort|logement|Moussa|Camara/i);
    expect(sh.slack.callsOf('chat.postMessage').find((c) => c.args['channel'] === CHANNEL_ID && c.args['text'] === channel[1]!.text)!.args)
      .toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
    expect(slackText(sh.slack.shown(sh.dmOf(cip)).at(-1)!)).toContain('il dort dans sa voiture depuis lundi');

    // App Home: the ETI sees today's note validated; the CIP her salariés and the open alert (topic only, never the quote).
    const home = async (user: string) => {
      await ok(sh.event({ type: 'app_home_opened', user, channel: sh.dmOf(user), tab: 'home', event_ts: '1762100050.000100' }));
      await settle();
      const published = sh.slack.callsOf('views.publish').filter((c) => c.args['user_id'] === user).at(-1)!;
      const homeView = published.args['view'] as { type: string; blocks: Array<Record<string, unknown>> };
      expect(homeView.type).toBe('home');
      return slackText({ text: '', blocks: homeView.blocks });
    };
    const etiHome = await home(eti);
    expect(etiHome).toContain('Note du jour* — envoyée et validée ✅');
    expect(etiHome).toContain('Brouillons en attente : 0');
    const cipHome = await home(cip);
    expect(cipHome).toMatch(/Mes salariés : \d+/);
    expect(cipHome).toContain('Moussa');
    expect(cipHome).toContain('Alerte ouverte : Logement');
    expect(cipHome).not.toMatch(/voiture|dort/);
  });

  it('never makes a second note from a Slack retry, nor from the message and app_mention events of one message', async () => {
    const eti = sh.user('demo-eti-ev');
    const event = sh.dmMessage(eti, NOTE, '1762100002.000200');
    await ok(sh.event(event, { eventId: 'Ev1' }));
    await Promise.all([ok(sh.event(event, { eventId: 'Ev1', retryNum: 1 })), ok(sh.event(event, { eventId: 'Ev1', retryNum: 2 }))]);
    await settle();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(sh.slack.shown(sh.dmOf(eti))).toHaveLength(1);

    // In a channel: a mention in a thread Relais started comes as `message` and `app_mention`: one note, drafted in the DM.
    const inThread = { channel: CHANNEL_ID, channel_type: 'channel', user: eti, ts: '1762100003.000300', thread_ts: '1762100000.000001', parent_user_id: BOT_USER_ID, text: `<@${BOT_USER_ID}> Tout le monde était là. 10 m2 de tonte.` };
    await ok(sh.event({ type: 'message', ...inThread }, { eventId: 'Ev2' }));
    await ok(sh.event({ type: 'app_mention', ...inThread }, { eventId: 'Ev3' }));
    await settle();
    const notes = await db.db.select().from(shiftNotes);
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => (n.rawText ?? '').includes('10 m2'))!.rawText).toBe('Tout le monde était là. 10 m2 de tonte.');
    expect(sh.slack.shown(CHANNEL_ID).filter((m) => slackText(m).includes('Brouillon'))).toEqual([]);
  });

  it('follows an edit of the message while the note is a draft, and never after validation', async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    const original = sh.dmMessage(eti, NOTE, '1762100030.000100');
    await ok(sh.event(original));
    await settle();
    const edit = (text: string, editTs: string) => sh.event({
      type: 'message', subtype: 'message_changed', channel: dm, channel_type: 'im', hidden: true, ts: editTs, event_ts: editTs,
      message: { ...original, text, edited: { user: eti, ts: editTs } }, previous_message: original,
    });
    await ok(edit(NOTE.replace('300 m2', '450 m2'), '1762100031.000100'));
    await settle();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect((await lastNote()).rawText).toBe(NOTE.replace('300 m2', '450 m2'));
    expect(sh.slack.shown(dm)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('450');

    await ok(sh.click(eti, sh.slack.shown(dm)[0]!, 'note.confirm'));
    await settle();
    await ok(edit(NOTE, '1762100032.000100'));
    await settle();
    expect((await lastNote())).toMatchObject({ status: 'confirmed', rawText: NOTE.replace('300 m2', '450 m2') });
  });

  it('stores an edit durably before answering; an edit that overtakes its note waits for the draft, and a redelivery is one edit', async () => {
    const eti = sh.user('demo-eti-ev');
    const dm = sh.dmOf(eti);
    const original = sh.dmMessage(eti, NOTE, '1762100040.000100');
    const edit = { type: 'message', subtype: 'message_changed', channel: dm, channel_type: 'im', hidden: true, ts: '1762100041.000100',
      message: { ...original, text: NOTE.replace('300 m2', '450 m2'), edited: { user: eti, ts: '1762100041.000100' } }, previous_message: original };
    // The engine is down when the note first comes: the note stays `received`, retried later.
    extractor.fail = true;
    await ok(sh.event(original, { eventId: 'EvNote' }));
    await ok(sh.event(edit, { eventId: 'EvEdit' }));
    await ok(sh.event(edit, { eventId: 'EvEdit', retryNum: 1 }));
    await sh.h.stored();
    expect((await db.db.select().from(inbox)).map((r) => r.kind).sort()).toEqual(['incoming', 'slack.edit']);
    await settle();
    expect((await lastNote()).status).toBe('received');
    await sh.h.stored();
    expect((await db.db.select().from(inbox)).every((r) => r.status === 'pending' && r.attempt === 1)).toBe(true);

    extractor.fail = false;
    const calls = extractor.calls;
    sh.h.clock.advance(1_500);
    await settle();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(await lastNote()).toMatchObject({ status: 'draft', rawText: NOTE.replace('300 m2', '450 m2') });
    // Extracted once as written, once as edited: the redelivered edit did nothing more.
    expect(extractor.calls - calls).toBe(2);
    await sh.h.stored();
    expect((await db.db.select().from(inbox)).every((r) => r.status === 'done')).toBe(true);
    expect(sh.slack.shown(dm)).toHaveLength(1);
    expect(slackText(sh.slack.shown(dm)[0]!)).toContain('450');
  }, 30_000);

  it('keeps a reply when Slack rate-limits it, and posts it after the time Slack asked', async () => {
    const eti = sh.user('demo-eti-ev');
    sh.slack.failNext('chat.postMessage', { error: 'ratelimited', retryAfter: 30 }, 2);
    await ok(sh.command(eti, sh.dmOf(eti), 'aide'));
    await settle();
    expect(sh.slack.shown(sh.dmOf(eti))).toHaveLength(0);
    expect(sh.slack.callsOf('chat.postMessage')).toHaveLength(1);
    sh.h.clock.advance(31_000);
    await settle();
    sh.h.clock.advance(31_000);
    await settle();
    expect(sh.slack.shown(sh.dmOf(eti))).toHaveLength(1);
    expect(slackText(sh.slack.shown(sh.dmOf(eti))[0]!)).toContain('Ce que Relais sait faire');
  });

  it('ignores bot messages, its own messages, channel chatter and reactions', async () => {
    const eti = sh.user('demo-eti-ev');
    await ok(sh.event({ type: 'message', subtype: 'bot_message', bot_id: 'B999', channel: sh.dmOf(eti), channel_type: 'im', text: NOTE, ts: '1.1' }));
    await ok(sh.event({ type: 'message', user: BOT_USER_ID, channel: sh.dmOf(eti), channel_type: 'im', text: NOTE, ts: '1.2' }));
    await ok(sh.event({ type: 'message', user: eti, channel: CHANNEL_ID, channel_type: 'channel', text: NOTE, ts: '1.3' }));
    await ok(sh.event({ type: 'reaction_added', user: eti, reaction: 'thumbsup', item: { type: 'message', channel: sh.dmOf(eti), ts: '1.3' }, event_ts: '1.4' }));
    await settle();
    await sh.h.stored();
    expect(await db.db.select().from(inbox)).toEqual([]);
    expect(sh.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('answers /relais aide with the French help, and tells an unknown user who to ask', async () => {
    const eti = sh.user('demo-eti-ev');
    await ok(sh.command(eti, sh.dmOf(eti), 'aide'));
    await ok(sh.event(sh.dmMessage('U0STRANGER', 'bonjour', '1762100009.000900')));
    await settle();
    expect(slackText(sh.slack.shown(sh.dmOf(eti))[0]!)).toContain('Ce que Relais sait faire');
    expect(slackText(sh.slack.shown('D0STRANGER')[0]!)).toContain('Je ne te connais pas encore');
    // Slack's answer about a person Relais does not know is kept a few minutes: one users.info, not one per message.
    await ok(sh.event(sh.dmMessage('U0STRANGER', 'toujours là ?', '1762100009.000901')));
    await ok(sh.event(sh.dmMessage('U0STRANGER', 'allô', '1762100009.000902')));
    await settle();
    expect(sh.slack.callsOf('users.info').filter((c) => c.args['user'] === 'U0STRANGER')).toHaveLength(1);
    expect(sh.slack.shown('D0STRANGER')).toHaveLength(3);
  });

  it('lets the direction link a Slack account without a matching e-mail with /relais lier @personne Prénom Nom', async () => {
    const dir = sh.user('demo-dir');
    // Slack escapes the mention in the command text (should_escape): `<@U…|name>`.
    await ok(sh.command(dir, sh.dmOf(dir), 'lier <@U0NOEMAIL|gregory> Grégory Vasseur'));
    await settle();
    expect(slackText(sh.slack.shown(sh.dmOf(dir))[0]!)).toContain('Grégory Vasseur');
    await ok(sh.event(sh.dmMessage('U0NOEMAIL', 'bonjour', '1762100040.000100')));
    await settle();
    expect(slackText(sh.slack.shown('D0NOEMAIL')[0]!)).not.toContain('Je ne te connais pas encore');
    expect(slackText(sh.slack.shown('D0NOEMAIL')[0]!)).toContain('Grégory');
  });

  it('refuses bad signatures and stale timestamps, and answers the URL check', async () => {
    const eti = sh.user('demo-eti-ev');
    const body = JSON.stringify({ type: 'event_callback', team_id: TEAM_ID, event_id: 'EvX', event: sh.dmMessage(eti, NOTE, '1762100010.000100') });
    expect((await sh.post(body, 'application/json', { signature: 'v0=deadbeef' })).status).toBe(401);
    const stale = Math.floor(sh.h.clock.now().getTime() / 1000) - 6 * 60;
    expect((await sh.post(body, 'application/json', { timestamp: stale })).status).toBe(401);
    // A signature made with another secret.
    const { createHmac } = await import('node:crypto');
    const now = Math.floor(sh.h.clock.now().getTime() / 1000);
    const forged = `v0=${createHmac('sha256', `${SIGNING_SECRET}x`).update(`v0:${now}:${body}`).digest('hex')}`;
    expect((await sh.post(body, 'application/json', { signature: forged, timestamp: now })).status).toBe(401);
    await sh.h.stored();
    expect(await db.db.select().from(inbox)).toEqual([]);

    const challenge = await sh.post(JSON.stringify({ token: 't', challenge: 'chal-123', type: 'url_verification' }), 'application/json');
    expect(challenge.status).toBe(200);
    expect(challenge.text).toContain('chal-123');
  });

  it('saves a message as an observation with the message shortcut: the draft goes to the DM of whoever clicked', async () => {
    const eti = sh.user('demo-eti-ev');
    const payload = {
      type: 'message_action', callback_id: 'relais_observation', team: { id: TEAM_ID }, user: { id: eti, team_id: TEAM_ID }, trigger_id: 'trig.sc',
      channel: { id: CHANNEL_ID, name: 'espaces-verts' }, message_ts: '1762100020.000100',
      message: { type: 'message', user: 'U0OTHER', ts: '1762100020.000100', text: NOTE },
    };
    await ok(sh.interaction(payload));
    await ok(sh.interaction(payload));
    await settle();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(slackText(sh.slack.shown(sh.dmOf(eti))[0]!)).toContain('Brouillon');
    expect(sh.slack.shown(CHANNEL_ID)).toEqual([]);
  });
});
