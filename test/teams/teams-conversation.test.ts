import { eq } from 'drizzle-orm';
import { alerts, channelBindings, inbox, observations, platformIdentities, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { CHANNEL, cardOf, createTeamsHarness, shownText, type TeamsHarness } from '../support/teams-harness.js';
import { cardValidator, errorsOf, haveCardSchema } from '../support/teams-schemas.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const NOTE = "Tout le monde était là sauf Stéphane. 300 m2 de tonte. Lucas a mis ses EPI sans qu'on lui dise. Inès a bien aidé Moussa. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.";
const extractor = scriptedExtractor((note, who) => {
  if (!note.startsWith('Tout le monde')) return {};
  return {
    attendance: ['Lucas', 'Inès', 'Moussa', 'Aïcha', 'Grégory'].map((n) => ({ person: who(n), status: 'present' as 'present' | 'absent', excused: null, minutes: null }))
      .concat([{ person: who('Stéphane'), status: 'absent', excused: null, minutes: null }]),
    production: [{ activity: 'tonte', quantity: 300, unit: 'm2' }],
    observations: [
      { person: who('Lucas'), category: 'securite', polarity: 'positive', evidence: "Lucas a mis ses EPI sans qu'on lui dise" },
      { person: who('Inès'), category: 'equipe', polarity: 'positive', evidence: 'Inès a bien aidé Moussa' },
      { person: who('Moussa'), category: 'logement', polarity: 'negative', evidence: 'il dort dans sa voiture depuis lundi' },
    ],
    alerts: [{ person: who('Moussa'), topic: 'logement', evidence: 'il dort dans sa voiture depuis lundi' }],
  };
});

/** Every card the connector shows or an invoke answers with is valid Adaptive Card 1.5. */
function expectValidCards(activities: Array<Record<string, unknown>>): void {
  if (!haveCardSchema) return;
  for (const a of activities) {
    const content = cardOf(a);
    if (content && !cardValidator()(content)) throw new Error(errorsOf(cardValidator()));
  }
}

describe.each(databaseTargets())('the Teams door on $name', ({ open }) => {
  let db: DatabaseHandle;
  let th: TeamsHarness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    th = await createTeamsHarness(db, { extractor });
  });
  afterEach(async () => th.close());

  const lastNote = async () => (await db.db.select().from(shiftNotes))[0]!;
  const dm = (key: string) => th.connector.shown(th.a.personalConversationId(th.user(key)));
  const ok = async (activity: Parameters<TeamsHarness['post']>[0]) => {
    const res = await th.post(activity);
    expect(res.status).toBe(200);
    return res.body as { statusCode?: number; type?: string; value?: unknown } | undefined;
  };

  it('runs the whole day in Teams: install, bind a channel, note, correction, form, Valider, summary and private alert', async () => {
    const eti = th.user('demo-eti-ev');
    const cip = th.user('demo-cip');
    // The CIP adds Relais to her chats: welcome, and her 1:1 chat is remembered (linked by her e-mail).
    await ok(th.a.installPersonal(cip));
    // Relais is added to the team: Teams sends two events, one welcome is posted in the channel.
    for (const activity of th.a.installTeam(eti, CHANNEL)) await ok(activity);
    await th.h.drain();
    expect(shownText(dm('demo-cip')[0]!.activity)).toContain('Bonjour, je suis Relais');
    expect(th.connector.shown(CHANNEL.id)).toHaveLength(1);
    expect(shownText(th.connector.shown(CHANNEL.id)[0]!.activity)).toContain('/relais équipe lier');
    const [cipIdentity] = await db.db.select().from(platformIdentities).where(eq(platformIdentities.userId, cip.aadObjectId));
    expect(cipIdentity).toMatchObject({ platform: 'teams', linkedBy: 'email', personId: th.h.id('demo-cip') });

    // In a thread of the channel: @Relais /relais équipe lier — answered in the thread, reference stored.
    const bind = th.a.channelMention(eti, CHANNEL, '/relais équipe lier');
    await ok(bind);
    await th.h.drain();
    expect(shownText(th.connector.shown(bind.conversation.id)[0]!.activity)).toContain("les résumés de l'équipe Espaces verts seront publiés ici");
    const [binding] = await db.db.select().from(channelBindings);
    expect(binding).toMatchObject({ platform: 'teams', channelId: CHANNEL.id, reference: expect.objectContaining({ serviceUrl: th.connector.serviceUrl }) });

    // The note in the 1:1 chat: "Je traite ta note…" becomes the draft card, in place.
    const noteActivity = th.a.personalMessage(eti, NOTE);
    await ok(noteActivity);
    await th.h.drain();
    expect(dm('demo-eti-ev')).toHaveLength(1);
    const draft = dm('demo-eti-ev')[0]!;
    expect(draft.updates).toBe(1);
    expect(shownText(draft.activity)).toContain('Brouillon — note du lundi 2 novembre');
    expect(JSON.stringify(draft.activity)).toContain('"verb":"note.confirm"');
    expectValidCards([draft.activity]);

    await ok(th.a.personalMessage(eti, "non c'est Aïcha pas Lucas"));
    await th.h.drain();
    expect(dm('demo-eti-ev')).toHaveLength(1);
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('Aïcha Mansouri');

    // Modifier: the edit card comes back at once in the invoke answer, nothing queued.
    const note = await lastNote();
    await th.h.stored();
    const queued = (await db.db.select().from(inbox)).length;
    const edit = await ok(th.a.execute(eti, 'note.edit', { value: note.id }, draft.id));
    expect(edit).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expectValidCards([{ attachments: [{ content: edit!.value }] }]);
    const inputs = (edit!.value as { body: Array<{ type: string; id?: string; value?: string }> }).body.filter((e) => e.type === 'Input.Text');
    const values = Object.fromEntries(inputs.map((i) => [i.id!, i.value ?? '']));
    expect(values['production']).toBe('tonte : 300 m²');
    await th.h.stored();
    expect((await db.db.select().from(inbox)).length).toBe(queued);

    // Enregistrer: the card keeps the typed values while the draft is updated through the outbox.
    const saved = await ok(th.a.execute(eti, 'note.form', { ...values, value: `${note.id}:${note.version}`, production: 'tonte : 450 m2' }, draft.id));
    expect(JSON.stringify(saved!.value)).toContain('J’enregistre');
    await th.h.drain();
    expect(((await lastNote()).draft as { extraction: { production: unknown } }).extraction.production).toEqual([{ activity: 'tonte', quantity: 450, unit: 'm2' }]);
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('450');

    // Valider: a working card at once, then the confirmed card in place, the summary in the channel, the alert privately.
    const confirm = await ok(th.a.execute(eti, 'note.confirm', { value: note.id }, draft.id));
    expect(JSON.stringify(confirm!.value)).toContain('je m’en occupe');
    await th.h.drain();
    expect((await lastNote()).status).toBe('confirmed');
    expect(await db.db.select().from(observations)).toHaveLength(3);
    expect(await db.db.select().from(alerts)).toHaveLength(1);
    expect(dm('demo-eti-ev')).toHaveLength(1);
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('validée ✅');

    const channel = th.connector.shown(CHANNEL.id);
    expect(channel).toHaveLength(2);
    const summary = shownText(channel[1]!.activity);
    expect(summary).toContain('Fin de journée — Espaces verts, lundi 2 novembre');
    expect(summary).toContain('tonte — 450 m²');
    expect(summary).not.toMatch(/voiture|dort|logement|Moussa|Camara/i);
    expectValidCards(channel.map((m) => m.activity));

    const cipChat = dm('demo-cip');
    expect(cipChat).toHaveLength(2);
    expect(shownText(cipChat[1]!.activity)).toContain('il dort dans sa voiture depuis lundi');
    expectValidCards(cipChat.map((m) => m.activity));

    // Teams delivers the note again (same activity id): still one note, no new message.
    await ok(noteActivity);
    await th.h.drain();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(dm('demo-eti-ev')).toHaveLength(1);
  });

  it('never creates a second note when Teams redelivers the same activity, even at the same time', async () => {
    const activity = th.a.personalMessage(th.user('demo-eti-ev'), NOTE);
    await Promise.all([ok(activity), ok(activity), ok(activity)]);
    await th.h.drain();
    await ok(activity);
    await th.h.drain();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(dm('demo-eti-ev')).toHaveLength(1);
  });

  it('Annuler (after its confirmation) keeps nothing; Modifier then Annuler la modification brings the draft back', async () => {
    const eti = th.user('demo-eti-ev');
    await ok(th.a.personalMessage(eti, NOTE));
    await th.h.drain();
    const draft = dm('demo-eti-ev')[0]!;
    const note = await lastNote();
    await ok(th.a.execute(eti, 'note.edit', { value: note.id }, draft.id));
    const back = await ok(th.a.execute(eti, 'note.show', { value: `${note.id}:${note.version}` }, draft.id));
    expect(JSON.stringify(back!.value)).toContain('je m’en occupe');
    await th.h.drain();
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('Brouillon');
    expect(JSON.stringify(dm('demo-eti-ev')[0]!.activity)).toContain('"verb":"note.discard"');

    await ok(th.a.execute(eti, 'note.discard', { value: note.id }, draft.id));
    await th.h.drain();
    expect((await lastNote()).status).toBe('discarded');
    expect(await db.db.select().from(observations)).toEqual([]);
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('Brouillon annulé');
    expect(JSON.stringify(dm('demo-eti-ev')[0]!.activity)).not.toContain('"verb"');
  });

  it('works with the Action.Submit fallback of older clients', async () => {
    const eti = th.user('demo-eti-ev');
    await ok(th.a.personalMessage(eti, NOTE));
    await th.h.drain();
    const note = await lastNote();
    await ok(th.a.submit(eti, { action: 'note.confirm', value: note.id }, dm('demo-eti-ev')[0]!.id));
    await th.h.drain();
    expect((await lastNote()).status).toBe('confirmed');
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('validée ✅');
  });

  it('answers a note written in a channel thread privately, in a 1:1 chat it opens, and nothing in the channel', async () => {
    const eti = th.user('demo-eti-ev');
    const mention = th.a.channelMention(eti, CHANNEL, NOTE, '1759881511856');
    await ok(mention);
    await th.h.drain();
    expect(th.connector.shown(mention.conversation.id)).toEqual([]);
    expect(th.connector.calls.some((c) => c.method === 'POST' && c.path.endsWith('/v3/conversations'))).toBe(true);
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('Brouillon');
    expect((await lastNote()).conversation).toMatchObject({ kind: 'channel', conversationId: CHANNEL.id, threadId: '1759881511856' });
  });

  it('never draws private content in a card clicked in a channel: the answer goes to the 1:1 chat', async () => {
    const eti = th.user('demo-eti-ev');
    await ok(th.a.personalMessage(eti, NOTE));
    await th.h.drain();
    const note = await lastNote();
    const answer = await ok(th.a.execute(eti, 'note.edit', { value: note.id }, '1759881511856', CHANNEL));
    expect(answer).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Je te réponds en message privé.' });
    await th.h.drain();
    expect(th.connector.shown(`${CHANNEL.id};messageid=1759881511856`)).toEqual([]);
    expect(JSON.stringify(dm('demo-eti-ev').at(-1)!.activity)).toContain('Input.Text');
  });

  it('commands of the Teams menu and prompt starters work like /relais commands', async () => {
    const eti = th.user('demo-eti-ev');
    await ok(th.a.personalMessage(eti, 'Aide'));
    await ok(th.a.personalMessage(eti, `Dicter ma note ${NOTE}`));
    await th.h.drain();
    expect(shownText(dm('demo-eti-ev')[0]!.activity)).toContain('Ce que Relais sait faire');
    expect((await lastNote()).rawText).toBe(NOTE);
  });

  it('tells an unknown Teams user politely who to ask', async () => {
    const stranger = { aadObjectId: '00000000-1111-4222-8333-444444444444', memberId: '29:stranger', name: 'Inconnu' };
    await ok(th.a.personalMessage(stranger, 'bonjour'));
    await th.h.drain();
    expect(shownText(th.connector.shown(th.a.personalConversationId(stranger))[0]!.activity)).toContain('Je ne te connais pas encore');
  });
});
