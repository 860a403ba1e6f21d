import { eq } from 'drizzle-orm';
import { serve } from '../../src/app/serve.js';
import type { Block, Reply } from '../../src/core/messages/reply.js';
import { DEMO_ROSTER } from '../../src/demo/demo-roster.js';
import { DrizzleAuditTrail } from '../../src/storage/audit/drizzle-audit-trail.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { auditLog, observations, people, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, type Harness } from '../support/relais-harness.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite } from '../support/test-database.js';

const extractor = scriptedExtractor((_note, who, context) => ({
  attendance: [{ person: context.roster.find((p) => p.lastName === 'Morel')!.id, status: 'present', excused: null, minutes: null }],
  observations: [
    { person: context.roster.find((p) => p.lastName === 'Morel')!.id, category: 'logement', polarity: 'negative', evidence: 'Lucas dort chez sa soeur depuis lundi' },
    { person: who('Moussa'), category: 'securite', polarity: 'positive', evidence: 'Moussa a mis ses EPI' },
  ],
}));

const roster = [
  ...DEMO_ROSTER,
  { id: 'demo-admin', firstName: 'Alain', lastName: 'Dupuis', team: '', role: 'admin', referent: '', aliases: '', contractStart: '', contractEnd: '', email: 'alain.dupuis@demo.relais.invalid' },
  { id: 'demo-s13', firstName: 'Lucas', lastName: 'Petit', team: 'Recyclerie', role: 'salarie', referent: 'demo-cip', aliases: '', contractStart: '2026-09-01', contractEnd: '2027-08-31', email: '' },
];

const last = async (h: Harness, key: string): Promise<Reply> => {
  const replies = await h.dm(key);
  return replies[replies.length - 1]!;
};
const buttons = (reply: Reply) => reply.blocks.flatMap((b: Block) => (b.type === 'actions' ? b.elements : [])).flatMap((e) => (e.type === 'button' ? [e] : []));
const links = (reply: Reply) => reply.blocks.flatMap((b: Block) => (b.type === 'links' ? b.links : []));

describe('GDPR rights in chat (/relais rgpd export|effacer)', () => {
  let db: DatabaseHandle;
  let h: Harness;
  let url: string;
  const observationsOf = async (personId: string) => (await db.db.select().from(observations).where(eq(observations.personId, personId))).length;

  beforeAll(async () => {
    db = await openTestPglite();
    h = await createHarness(db, { extractor, roster, env: { PORT: '0' } });
    url = (await serve(h.relais)).url;
    await h.say('demo-eti-ev', "Tout le monde était là. Lucas dort chez sa soeur depuis lundi. Moussa a mis ses EPI, très bien.");
    await h.drain();
    const [note] = await db.db.select().from(shiftNotes);
    await h.click('demo-eti-ev', 'note.confirm', note!.id);
    await h.drain();
  }, 60_000);
  afterAll(async () => { await h.relais.lifecycle.stop(); await db.close(); });

  it('politely refuses an encadrant and a CIP, before looking anyone up, and changes nothing', async () => {
    await h.say('demo-eti-ev', '/relais rgpd export Moussa');
    await h.drain();
    expect((await last(h, 'demo-eti-ev')).text).toMatch(/^Désolé, l’export des données personnelles .* réservé à la direction et à l’administrateur/);
    await h.say('demo-cip', '/relais rgpd effacer Lucas Morel');
    await h.drain();
    expect((await last(h, 'demo-cip')).text).toMatch(/^Désolé, l’effacement des données personnelles .* réservé à la direction et à l’administrateur/);
    await h.say('demo-cip', 'exporte les données de Lucas Morel');
    await h.drain();
    expect((await last(h, 'demo-cip')).text).toMatch(/^Désolé, l’export/);
    expect(await observationsOf(h.id('demo-s01'))).toBe(1);
    expect((await db.db.select().from(auditLog)).filter((r) => r.resourceType === 'gdpr-export')).toEqual([]);
  }, 30_000);

  it('gives the admin private, signed links to the JSON and PDF export, audited when downloaded', async () => {
    await h.say('demo-admin', '/relais rgpd export Moussa');
    await h.drain();
    const reply = await last(h, 'demo-admin');
    expect(reply.text).toContain('Export des données personnelles de Moussa Camara');
    const [pdf, json] = links(reply);
    expect(pdf!.url).toMatch(/^\/documents\//);
    const downloaded = await fetch(`${url}${json!.url}`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('cache-control')).toBe('private, no-store');
    const data = await downloaded.json() as { person: { firstName: string; lastName: string } };
    expect(JSON.stringify(data)).toContain('Camara');
    expect(JSON.stringify(data)).toContain('Moussa a mis ses EPI');
    expect(JSON.stringify(data)).not.toContain('soeur');
    const pdfBytes = Buffer.from(await (await fetch(`${url}${pdf!.url}`)).arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    const entries = (await db.db.select().from(auditLog)).filter((r) => r.resourceType === 'gdpr-export');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ action: 'export', actorId: h.id('demo-admin'), actorRole: 'admin', door: 'playground', subjectPersonId: h.id('demo-s03') });
    // A tampered link gives nothing.
    expect((await fetch(`${url}${json!.url.slice(0, -2)}xx`)).status).toBe(410);
  }, 30_000);

  it('asks which Lucas, then asks a confirmation; cancelling changes nothing', async () => {
    await h.say('demo-admin', '/relais rgpd effacer Lucas');
    await h.drain();
    const choice = await last(h, 'demo-admin');
    expect(choice.text).toBe('Plusieurs personnes correspondent à « Lucas ». Laquelle ?');
    expect(buttons(choice).map((b) => b.label).sort()).toEqual(['Lucas Morel', 'Lucas Petit']);
    const morel = buttons(choice).find((b) => b.label === 'Lucas Morel')!;
    await h.click('demo-admin', morel.action, morel.value);
    await h.drain();
    const question = await last(h, 'demo-admin');
    expect(question.text).toBe('Effacer définitivement les données de Lucas Morel ?');
    expect(buttons(question).map((b) => b.action)).toEqual(['gdpr.erase.confirm', 'gdpr.erase.cancel']);
    expect(await observationsOf(h.id('demo-s01'))).toBe(1);
    await h.click('demo-admin', 'gdpr.erase.cancel', h.id('demo-s01'));
    await h.drain();
    expect((await last(h, 'demo-admin')).text).toBe('Effacement annulé : rien n’a été modifié.');
    expect(await observationsOf(h.id('demo-s01'))).toBe(1);
  }, 30_000);

  it('erases after the confirmation: data gone, person anonymised, erasure audited; an encadrant cannot forge the click', async () => {
    const lucas = h.id('demo-s01');
    await h.click('demo-eti-ev', 'gdpr.erase.confirm', lucas);
    await h.drain();
    expect((await last(h, 'demo-eti-ev')).text).toMatch(/^Désolé, l’effacement/);
    expect(await observationsOf(lucas)).toBe(1);

    await h.say('demo-admin', 'efface les données de Lucas Morel');
    await h.drain();
    expect((await last(h, 'demo-admin')).text).toBe('Effacer définitivement les données de Lucas Morel ?');
    await h.click('demo-admin', 'gdpr.erase.confirm', lucas);
    await h.drain();
    expect((await last(h, 'demo-admin')).text).toMatch(/^Données de Lucas Morel effacées ou anonymisées : \d+ enregistrement\(s\) supprimé\(s\)/);
    expect(await observationsOf(lucas)).toBe(0);
    const [person] = await db.db.select().from(people).where(eq(people.id, lucas));
    expect(person!.status).toBe('anonymised');
    expect(JSON.stringify(person)).not.toMatch(/Lucas|Morel|Lulu/);
    const [note] = await db.db.select().from(shiftNotes);
    expect(note!.rawText ?? '').not.toMatch(/Lucas|soeur/);
    const [entry] = await new DrizzleAuditTrail(db.db, h.clock).list({ subjectPersonId: lucas, limit: 1 });
    expect(entry).toMatchObject({ action: 'erase', actorId: h.id('demo-admin'), door: 'playground', resourceType: 'gdpr-export' });
    expect(await new DrizzleAuditTrail(db.db, h.clock).verify()).toMatchObject({ ok: true });
    // A second click finds nobody to erase.
    await h.click('demo-admin', 'gdpr.erase.confirm', lucas);
    await h.drain();
    expect((await last(h, 'demo-admin')).text).toBe('Cette personne n’est plus dans la structure ou ses données ont déjà été effacées.');
  }, 30_000);
});
