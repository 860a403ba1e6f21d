import { eq } from 'drizzle-orm';
import { alerts, attendance, observations, productionEntries, shiftNotes } from '../../src/storage/schema/index.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

const NOTE = "Tout le monde était là sauf Stéphane. 300 m2 de tonte. Lucas a mis ses EPI sans qu'on lui dise. Inès a bien aidé Moussa. Moussa m'a dit qu'il dort dans sa voiture depuis lundi.";

const extractor = scriptedExtractor((note, who) => {
  if (note.startsWith('Tout le monde')) {
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
  }
  if (/Grégory absent/.test(note)) return { attendance: [{ person: who('Grégory'), status: 'absent', excused: true, minutes: null }] };
  return {};
});

describe.each(databaseTargets())('the shift-note workflow on $name', ({ open }) => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor });
  });

  const lastNote = async () => (await db.db.select().from(shiftNotes))[0]!;

  it('stores the note, acknowledges, and shows a draft updated in place', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    const dm = await h.dm('demo-eti-ev');
    expect(dm).toHaveLength(1); // "Je traite ta note…" became the draft
    const text = replyText(dm[0]!);
    expect(text).toContain('Brouillon — note du lundi 2 novembre');
    expect(text).toContain('Stéphane Girard — absent');
    expect(text).toContain('tonte — 300 m²');
    expect(text).toContain("1. Sécurité (positif) — « Lucas a mis ses EPI sans qu'on lui dise »");
    expect(text).toContain('⚠️ Logement — Moussa Camara');
    expect(dm[0]!.blocks.some((b) => b.type === 'actions' && b.elements.map((e) => e.type === 'button' && e.action).join() === 'note.confirm,note.edit,note.discard')).toBe(true);
    const note = await lastNote();
    expect(note).toMatchObject({ status: 'draft', rawText: NOTE, shiftDate: '2026-11-02', authorId: h.id('demo-eti-ev') });
    expect(await db.db.select().from(observations)).toEqual([]); // nothing is a record before confirmation
  });

  it('never creates a second note when the same event is delivered again', async () => {
    const first = await h.say('demo-eti-ev', NOTE, { eventId: 'evt-1' });
    await Promise.all([h.say('demo-eti-ev', NOTE, { eventId: first.id }), h.say('demo-eti-ev', NOTE, { eventId: first.id })]);
    await h.drain();
    await h.say('demo-eti-ev', NOTE, { eventId: first.id });
    await h.drain();
    expect(await db.db.select().from(shiftNotes)).toHaveLength(1);
    expect(await h.dm('demo-eti-ev')).toHaveLength(1);
  });

  it('on Valider stores records, posts a neutral team summary and alerts the CIP and direction privately', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    const note = await lastNote();
    await h.click('demo-eti-ev', 'note.confirm', note.id);
    await h.click('demo-eti-ev', 'note.confirm', note.id); // double click
    await h.drain();
    expect((await lastNote()).status).toBe('confirmed');
    expect(await db.db.select().from(attendance).where(eq(attendance.noteId, note.id))).toHaveLength(6);
    expect(await db.db.select().from(productionEntries)).toEqual([expect.objectContaining({ activity: 'tonte', quantity: 300, unit: 'm2' })]);
    const obs = await db.db.select().from(observations);
    expect(obs.map((o) => [o.category, o.sensitivity]).sort()).toEqual([['equipe', 'team'], ['logement', 'restricted'], ['securite', 'team']]);
    expect(await db.db.select().from(alerts)).toHaveLength(1);

    const dm = await h.dm('demo-eti-ev');
    expect(dm).toHaveLength(1);
    expect(replyText(dm[0]!)).toContain('validée ✅');
    const channel = await h.channel('espaces-verts');
    expect(channel).toHaveLength(1);
    const summary = replyText(channel[0]!);
    expect(summary).toContain('Fin de journée — Espaces verts, lundi 2 novembre');
    expect(summary).toContain('5 présent(s) sur 6');
    expect(summary).toContain('tonte — 300 m²');
    expect(summary).toContain('👏 Lucas — Sécurité');
    expect(summary).not.toMatch(/voiture|dort|logement|Moussa|EPI|Girard|Camara/i);

    for (const key of ['demo-cip', 'demo-dir']) {
      const inbox = await h.dm(key);
      expect(inbox).toHaveLength(1);
      expect(replyText(inbox[0]!)).toContain('il dort dans sa voiture depuis lundi');
      expect(replyText(inbox[0]!)).toContain('Moussa Camara');
    }
    expect(await h.dm('demo-eti-rc')).toEqual([]);
  });

  it('corrects a draft from plain words: swap a person, remove a line, add words', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await h.say('demo-eti-ev', "non c'est Aïcha pas Lucas");
    await h.drain();
    let draft = (await lastNote()).draft as { extraction: { observations: Array<{ person: string }>; attendance: Array<{ person: string; status: string }> } };
    expect(draft.extraction.observations[0]!.person).toBe(h.id('demo-s05'));
    expect(draft.extraction.attendance.filter((a) => a.person === h.id('demo-s05'))).toHaveLength(1);
    await h.say('demo-eti-ev', 'enlève la 2e observation');
    await h.drain();
    draft = (await lastNote()).draft as typeof draft;
    expect(draft.extraction.observations).toHaveLength(2);
    await h.say('demo-eti-ev', 'ajoute : Grégory absent, il avait prévenu');
    await h.drain();
    const note = await lastNote();
    draft = note.draft as typeof draft;
    expect(draft.extraction.attendance.find((a) => a.person === h.id('demo-s06'))?.status).toBe('absent');
    expect(note.rawText).toContain('Grégory absent');
    const dm = await h.dm('demo-eti-ev');
    expect(dm).toHaveLength(1); // every correction updated the same draft message
    expect(replyText(dm[0]!)).toContain('Aïcha Mansouri');
  });

  it('explains an ambiguous or unknown name instead of guessing', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await h.say('demo-eti-ev', "non c'est Bernard pas Lucas");
    await h.drain();
    const dm = await h.dm('demo-eti-ev');
    expect(replyText(dm.at(-1)!)).toContain('Je ne trouve personne qui s\'appelle « Bernard »');
  });

  it('edits through the form, pre-filled with every line', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    const note = await lastNote();
    const form = await h.relais.conversation.conversation.formFor({
      kind: 'action', id: 'x', action: 'note.edit', value: note.id,
      user: { platform: 'playground', workspaceId: '', userId: h.id('demo-eti-ev') }, place: { kind: 'dm', workspaceId: '', conversationId: 'dm:x' },
    });
    expect(form).not.toBeNull();
    const values = Object.fromEntries(form!.inputs.map((i) => [i.name, i.value ?? '']));
    expect(values['production']).toBe('tonte : 300 m²');
    expect(values['observations']).toContain("Lucas Morel · Sécurité · positif · Lucas a mis ses EPI sans qu'on lui dise");
    await h.click('demo-eti-ev', 'note.form', `${note.id}:${note.version}`, { ...values, production: 'tonte : 450 m2\nramassage : 12 sacs' });
    await h.drain();
    const edited = (await lastNote()).draft as { extraction: { production: unknown[]; observations: unknown[] } };
    expect(edited.extraction.production).toEqual([{ activity: 'tonte', quantity: 450, unit: 'm2' }, { activity: 'ramassage', quantity: 12, unit: 'piece' }]);
    expect(edited.extraction.observations).toHaveLength(3);
    await h.click('demo-eti-ev', 'note.form', note.id, { ...values, observations: 'Personne · truc · bof · rien' });
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain("Je n’ai pas compris ces lignes");
  });

  it('Annuler keeps nothing; "mes notes" lists every note with its status', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await h.click('demo-eti-ev', 'note.discard', (await lastNote()).id);
    await h.drain();
    expect((await lastNote()).status).toBe('discarded');
    expect(await db.db.select().from(observations)).toEqual([]);
    expect(await h.channel('espaces-verts')).toEqual([]);
    await h.say('demo-eti-ev', 'mes notes de la semaine');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toMatch(/lundi 2 novembre — annulée/);
  });

  it('cancels a confirmed note within the window and withdraws the team summary in place', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await h.click('demo-eti-ev', 'note.confirm', (await lastNote()).id);
    await h.drain();
    h.clock.set('2026-11-03T08:00:00Z');
    await h.say('demo-eti-ev', "annule ma note d'hier");
    await h.drain();
    expect((await lastNote()).status).toBe('discarded');
    expect(await db.db.select().from(observations)).toEqual([]);
    const channel = await h.channel('espaces-verts');
    expect(channel).toHaveLength(1);
    expect(replyText(channel[0]!)).toContain('a été retiré par son auteur');
  });

  it('refuses to cancel after the window', async () => {
    await h.say('demo-eti-ev', NOTE);
    await h.drain();
    await h.click('demo-eti-ev', 'note.confirm', (await lastNote()).id);
    await h.drain();
    h.clock.set('2026-11-05T08:00:00Z');
    await h.say('demo-eti-ev', 'annule ma dernière note');
    await h.drain();
    expect((await lastNote()).status).toBe('confirmed');
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('plus de 48 h');
  });

  it('answers help, small talk, unknown requests and unknown users, never silence', async () => {
    await h.say('demo-eti-ev', 'aide');
    await h.say('demo-eti-ev', 'bonjour');
    await h.say('demo-cip', 'que penses-tu de la météo de demain matin');
    await h.drain();
    const eti = (await h.dm('demo-eti-ev')).map(replyText);
    expect(eti[0]).toContain('Ce que Relais sait faire');
    expect(eti[1]).toContain('Bonjour Bruno');
    expect(replyText((await h.dm('demo-cip'))[0]!)).toContain('écrites par les encadrants');
    await h.relais.conversation.intake({
      kind: 'message', id: 'stranger-1', text: 'bonjour',
      user: { platform: 'playground', workspaceId: '', userId: 'nobody' }, place: { kind: 'dm', workspaceId: '', conversationId: 'dm:nobody' },
    });
    await h.drain();
    expect(replyText((await h.messages('dm:nobody'))[0]!)).toContain('Je ne te connais pas encore');
  });

  it('sends the draft privately when the note is written in a team channel', async () => {
    const teamId = await h.teamId('espaces-verts');
    await h.say('demo-eti-ev', NOTE, { conversationId: `team:${teamId}` });
    await h.drain();
    expect(await h.channel('espaces-verts')).toEqual([]);
    expect(replyText((await h.dm('demo-eti-ev'))[0]!)).toContain('Brouillon');
  });
});
