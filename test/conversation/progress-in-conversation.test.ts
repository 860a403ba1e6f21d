import { request } from 'node:http';
import { serve } from '../../src/app/serve.js';
import type { Block, Reply } from '../../src/core/messages/reply.js';
import { generateHistory } from '../../src/demo/demo-history.js';
import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../src/demo/demo-roster.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { objectives } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

function links(reply: Reply): Array<{ label: string; url: string }> {
  return reply.blocks.flatMap((b: Block) => (b.type === 'links' ? [...b.links] : b.type === 'image' ? [{ label: b.alt, url: b.url }] : []));
}

function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('progress summaries and objectives asked in conversation (playground door)', () => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { env: { PORT: '0' }, now: '2026-11-27T16:30:00Z' });
    await h.relais.useCases.seedDemoHistory(generateHistory);
  });

  it('gives the referent CIP a sourced summary in private, for the period asked, with working document links', async () => {
    await h.say('demo-cip', 'Résumé de parcours de Lucas depuis septembre');
    await h.drain();
    const reply = (await h.dm('demo-cip')).at(-1)!;
    const text = replyText(reply);
    expect(text).toContain('Lucas Morel');
    expect(text).toMatch(/1(er)? septembre 2026/);
    // Every listed fact carries its source: a date and an author in parentheses.
    expect(text).toMatch(/\(Source : \p{L}+ du \d{1,2}(er)? \p{L}+ 2026, [\p{L} -]+\)/u);
    expect(reply.marker).toBe('rules');

    const urls = links(reply);
    expect(urls.map((l) => l.label)).toEqual(expect.arrayContaining(['Résumé en PDF', 'Résumé en Markdown']));
    const serving = await serve(h.relais);
    try {
      const pdf = await get(`${serving.url}${urls.find((l) => l.label === 'Résumé en PDF')!.url}`);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      const md = await get(`${serving.url}${urls.find((l) => l.label === 'Résumé en Markdown')!.url}`);
      expect(md.body.toString()).toContain('# Résumé de parcours — Lucas Morel');
      const chart = urls.find((l) => l.label === 'Présence et ponctualité par mois');
      expect(chart).toBeDefined();
      const png = await get(`${serving.url}${chart!.url}`);
      expect(png.type).toBe('image/png');
      expect(png.body.subarray(1, 4).toString()).toBe('PNG');

      // A tampered link is refused, and a link expires after 24 hours.
      const tampered = urls[0]!.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await get(`${serving.url}${tampered}`)).status).toBe(410);
      h.clock.advance(25 * 3_600_000);
      const expired = await get(`${serving.url}${urls[0]!.url}`);
      expect(expired.status).toBe(410);
      expect(expired.body.toString()).toContain('expiré');
    } finally {
      await h.relais.lifecycle.stop();
    }
  });

  it('politely refuses an encadrant asking about someone outside their team, in private', async () => {
    await h.say('demo-eti-rc', 'résumé de parcours de Lucas');
    await h.drain();
    const text = replyText((await h.dm('demo-eti-rc')).at(-1)!);
    expect(text).toContain("Désolé, vous n'avez pas accès");
    expect(text).not.toContain('Présence');
  });

  it('asks which person when a name is ambiguous, and answers after the click', async () => {
    await h.relais.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: [...DEMO_ROSTER, { ...DEMO_ROSTER[4]!, id: 'demo-s13', lastName: 'Petit', aliases: '', email: 'lucas.petit@demo.relais.invalid' }] });
    const people = await h.relais.stores.roster.listPeople((await h.relais.stores.roster.defaultStructure()).id);
    expect(people.filter((p) => p.firstName === 'Lucas')).toHaveLength(2);
    await h.say('demo-cip', '/relais suivi Lucas');
    await h.drain();
    const ask = (await h.dm('demo-cip')).at(-1)!;
    expect(replyText(ask)).toContain('peut désigner plusieurs personnes');
    const buttons = ask.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.map((b) => (b.type === 'button' ? b.label : ''))).toEqual(expect.arrayContaining(['Lucas Morel', 'Lucas Petit']));
    const morel = buttons.find((b) => b.type === 'button' && b.label === 'Lucas Morel')!;
    await h.click('demo-cip', morel.action, morel.type === 'button' ? morel.value : undefined);
    await h.drain();
    expect(replyText((await h.dm('demo-cip')).at(-1)!)).toContain('Résumé de parcours — Lucas Morel');
  });

  it('records an objective said in conversation, then the salarié\'s consent from the button', async () => {
    await h.say('demo-cip', "objectif pour Inès : passer le code d'ici mars");
    await h.drain();
    const created = (await h.dm('demo-cip')).at(-1)!;
    expect(replyText(created)).toContain('Objectif enregistré pour Inès Belkacem');
    const consent = created.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0]!;
    const objectiveId = consent.type === 'button' ? consent.value : undefined;
    const row = (await db.db.select().from(objectives)).find((o) => o.id === objectiveId);
    expect({ label: row!.label, consent: row!.consentGiven }).toEqual({ label: 'Passer le code', consent: false });
    await h.click('demo-cip', consent.action, consent.type === 'button' ? consent.value : undefined);
    await h.drain();
    expect(replyText((await h.dm('demo-cip')).at(-1)!)).toContain('Accord de Inès enregistré');
    const after = (await db.db.select().from(objectives)).find((o) => o.id === objectiveId);
    expect(after!.consentGiven).toBe(true);
  });
});
