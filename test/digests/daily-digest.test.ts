import { desc } from 'drizzle-orm';
import type { Actor } from '../../src/core/domain/actor.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const extractor = scriptedExtractor((note, who) => {
  const day2 = note.includes('mardi');
  return {
    attendance: [
      { person: who('Lucas'), status: 'present' as const, excused: null, minutes: null },
      { person: who('Inès'), status: day2 ? 'present' as const : 'absent' as const, excused: null, minutes: null },
      { person: who('Moussa'), status: 'late' as const, excused: null, minutes: 10 },
    ],
    production: [
      { activity: 'tonte', quantity: day2 ? 300 : 100, unit: 'm2' as const },
      ...(day2 ? [] : [{ activity: 'tribunal débroussaillage', quantity: 2, unit: 'h' as const }]),
    ],
    observations: [
      { person: who('Lucas'), category: 'equipe' as const, polarity: 'positive' as const, evidence: 'Lucas a bien aidé' },
      { person: who('Moussa'), category: 'justice' as const, polarity: 'negative' as const, evidence: 'Moussa convoqué au tribunal' },
      { person: who('Inès'), category: 'logement' as const, polarity: 'negative' as const, evidence: 'Inès dort chez sa soeur' },
    ],
    alerts: day2 ? [] : [{ person: who('Inès'), topic: 'logement' as const, evidence: 'Inès dort chez sa soeur' }],
  };
});

describe('daily team digest', () => {
  let db: DatabaseHandle;
  let h: Harness;
  let eti: Actor;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor, now: '2026-11-02T15:30:00Z' });
    const structure = await h.relais.stores.roster.defaultStructure();
    eti = { personId: h.id('demo-eti-ev'), role: 'encadrant', structureId: structure.id, teamId: await h.teamId('espaces-verts'), door: 'cli' };
  });

  async function writeAndConfirm(text: string, confirm = true) {
    await h.say('demo-eti-ev', text);
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes).orderBy(desc(shiftNotes.createdAt)).limit(1);
    if (confirm) await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
  }

  it('shows production against targets, attendance counts and first-name highlights, and nothing confidential', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages objectif.tonte=150 m2 objectif.débroussaillage=10 h/semaine');
    await writeAndConfirm('lundi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur, 100 m2 de tonte');
    const built = await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: eti, date: '2026-11-02' });
    if (!built.ok) throw new Error(built.code);
    const text = replyText(built.value.reply);
    expect(text).toContain('Résumé du jour — Espaces verts, lundi 2 novembre');
    expect(text).toContain('2 présent(s) sur 6');
    expect(text).toContain('1 absence(s)');
    expect(text).toContain('1 retard(s)');
    expect(text).toContain('tonte — 100 m² (objectif 150 m²)');
    expect(text).toContain("Lucas : Travail d'équipe");
    // The activity word that appeared in a justice quote is dropped, the rest stays.
    expect(text).toContain('débroussaillage — 2 h');
    expect(text).toContain('débroussaillage — 2 / 10 h cette semaine');
    for (const secret of ['tribunal', 'soeur', 'convoqué', 'Justice', 'Logement', 'Morel', 'Belkacem', 'Camara', 'Inès', 'Moussa', 'bien aidé']) {
      expect(text).not.toContain(secret);
    }
  });

  it('adds up the week to date and names absentees only when the team allows it', async () => {
    await writeAndConfirm('lundi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur');
    h.clock.set('2026-11-03T15:30:00Z');
    await writeAndConfirm('mardi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur');
    const tuesday = await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: eti, date: '2026-11-03' });
    if (!tuesday.ok) throw new Error(tuesday.code);
    expect(replyText(tuesday.value.reply)).toContain('tonte — 300 m²');
    expect(replyText(tuesday.value.reply)).toContain('tonte — 400 m² depuis lundi');
    await h.say('demo-eti-ev', '/relais équipe réglages prenoms_absences=oui');
    await h.drain();
    const monday = await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: eti, date: '2026-11-02' });
    if (!monday.ok) throw new Error(monday.code);
    expect(replyText(monday.value.reply)).toContain('Absent(s) : Inès');
    expect(replyText(monday.value.reply)).not.toContain('Belkacem');
  });

  it('uses confirmed notes only', async () => {
    await writeAndConfirm('lundi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur', false);
    const built = await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: eti, date: '2026-11-02' });
    if (!built.ok) throw new Error(built.code);
    expect(built.value.digest.hasRecords).toBe(false);
    expect(replyText(built.value.reply)).toContain('Aucune note validée');
    expect(replyText(built.value.reply)).not.toContain('tonte');
  });

  it("refuses another team's encadrant and bad dates", async () => {
    const other: Actor = { ...eti, personId: h.id('demo-eti-rc'), teamId: await h.teamId('recyclerie') };
    const denied = await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: other, teamKey: 'espaces-verts', date: '2026-11-02' });
    expect(denied).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await h.relais.digests.useCases.buildDailyDigest.forActor({ actor: eti, date: '2026-13-45' })).toMatchObject({ ok: false, code: 'date.invalid' });
  });

  it("gives direction a weekly digest with counts only", async () => {
    await writeAndConfirm('lundi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur');
    const dir: Actor = { ...eti, personId: h.id('demo-dir'), role: 'direction', teamId: null };
    const weekly = await h.relais.digests.useCases.buildWeeklyDigest.forActor({ actor: dir, period: { from: '2026-11-02', to: '2026-11-08' } });
    if (!weekly.ok) throw new Error(weekly.code);
    const text = replyText(weekly.value.reply);
    expect(text).toContain('Espaces verts');
    expect(text).toContain('Taux de présence : 67 % (2/3 journées)');
    expect(text).toContain('Alertes ouvertes : 1');
    expect(text).toContain('Recyclerie');
    expect(text).not.toContain('soeur');
    expect(await h.relais.digests.useCases.buildWeeklyDigest.forActor({ actor: eti, period: { from: '2026-11-02', to: '2026-11-08' } })).toMatchObject({ ok: false });
  });
});

describe('/relais digest aperçu and publier', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor, now: '2026-11-02T15:30:00Z' });
  });

  it('previews privately, then posts to the channel once', async () => {
    await h.say('demo-eti-ev', 'lundi: Lucas a bien aidé, Moussa convoqué au tribunal, Inès dort chez sa soeur');
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes).orderBy(desc(shiftNotes.createdAt)).limit(1);
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
    const before = (await h.channel('espaces-verts')).length;
    await h.say('demo-eti-ev', '/relais digest aperçu');
    await h.drain();
    const preview = replyText((await h.dm('demo-eti-ev')).at(-1)!);
    expect(preview).toContain('Résumé du jour — Espaces verts, lundi 2 novembre');
    expect(preview).toContain('Aperçu : rien n’a été publié');
    expect((await h.channel('espaces-verts')).length).toBe(before);
    await h.say('demo-eti-ev', '/relais digest publier');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('Résumé du lundi 2 novembre publié pour Espaces verts');
    await h.say('demo-eti-ev', '/relais digest publier 2026-11-02');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('était déjà publié');
    const posted = (await h.channel('espaces-verts')).filter((r) => r.text.startsWith('Résumé du jour'));
    expect(posted).toHaveLength(1);
    expect(replyText(posted[0]!)).not.toContain('tribunal');
  });

  it('lets a CIP preview but not post, and explains a bad date', async () => {
    await h.say('demo-cip', '/relais digest aperçu recyclerie hier');
    await h.drain();
    expect(replyText((await h.dm('demo-cip')).at(-1)!)).toContain('Résumé du jour — Recyclerie, dimanche 1 novembre');
    await h.say('demo-cip', '/relais digest publier recyclerie');
    await h.drain();
    expect(replyText((await h.dm('demo-cip')).at(-1)!)).toContain("tu n'as pas accès");
    await h.say('demo-eti-ev', '/relais digest aperçu 31/02/2026');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('Date invalide');
  });
});
