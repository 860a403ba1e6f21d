import { request } from 'node:http';
import { eq } from 'drizzle-orm';
import { serve } from '../../src/app/serve.js';
import type { Button, Reply } from '../../src/core/messages/reply.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { learningSessions, skillEvaluations, skills } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { databaseTargets, truncateAll, warnIfPostgresSkipped } from '../support/test-database.js';

warnIfPostgresSkipped();

function get(url: string): Promise<{ status: number; type: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

const buttons = (reply: Reply): string[] => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => (e.type === 'button' ? e.action : e.action)) : []));

describe.each(databaseTargets())('learning sessions in the conversation on $name', ({ open }) => {
  let db: DatabaseHandle;
  let h: Harness;
  beforeAll(async () => { db = await open(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db); // Monday 2 November 2026, 16:30 UTC
  });

  const theSession = async () => (await db.db.select().from(learningSessions))[0]!;
  const cip = async () => ({ personId: h.id('demo-cip'), role: 'cip' as const, structureId: (await theSession()).teamId && (await h.relais.stores.roster.defaultStructure()).id, teamId: null, door: 'cli' as const });

  async function prepareAndConfirm(): Promise<string> {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const session = await theSession();
    await h.click('demo-eti-ev', 'session.confirm', session.id);
    await h.drain();
    return session.id;
  }

  it('drafts a fiche de séance privately from one message, with Valider / Modifier / Annuler', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const dm = await h.dm('demo-eti-ev');
    expect(dm).toHaveLength(1);
    const text = replyText(dm[0]!);
    expect(text).toContain('Brouillon — fiche de séance : Taille de haies');
    expect(text).toContain("À l'issue de la séance, Lucas et Moussa seront capables de tailler une haie");
    expect(text).toContain('jeudi 5 novembre');
    expect(text).toContain('1 h30');
    expect(text).toContain('Séquence réflexive (hors production) — ');
    expect(text).toContain('Gants anti-coupure');
    expect(buttons(dm[0]!)).toEqual(['session.confirm', 'session.edit', 'session.cancel']);
    expect(await theSession()).toMatchObject({ status: 'draft', date: '2026-11-05', durationMinutes: 90, trainerId: h.id('demo-eti-ev') });
    expect(await h.channel('espaces-verts')).toEqual([]);
  });

  it('edits any part through the form, re-validates, and updates the draft in place', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const session = await theSession();
    await h.click('demo-eti-ev', 'session.edit', session.id);
    await h.drain();
    const form = (await h.dm('demo-eti-ev')).at(-1)!.form!;
    const values = Object.fromEntries(form.inputs.map((i) => [i.name, i.value ?? '']));
    expect(values).toMatchObject({ date: '05/11/2026', duration: '90', participants: 'Lucas Morel, Moussa Camara' });
    await h.click('demo-eti-ev', 'session.submit', session.id, { ...values, duration: '120', site: 'Parc des Tilleuls', participants: 'Lucas, Inès', time: '14h', task: 'Tailler la haie de charmille côté école', epi: 'Gants anti-coupure\nLunettes' });
    await h.drain();
    const edited = await theSession();
    expect(edited).toMatchObject({ durationMinutes: 120, site: 'Parc des Tilleuls', startTime: '14:00' });
    const plan = edited.plan as { objective: string; sequence: Array<{ minutes: number }>; situation: { task: string; epi: string[] } };
    expect(plan.situation).toMatchObject({ task: 'Tailler la haie de charmille côté école', epi: ['Gants anti-coupure', 'Lunettes'] });
    expect(plan.objective).toMatch(/^À l'issue de la séance, Lucas et Inès seront capables de tailler/);
    expect(plan.sequence.reduce((s, x) => s + x.minutes, 0)).toBe(120);
    const dm = await h.dm('demo-eti-ev');
    expect(dm).toHaveLength(2); // the draft (updated in place) and the form
    expect(replyText(dm[0]!)).toContain('Parc des Tilleuls');

    // A health detail in an adaptation is refused, and nothing changes.
    await h.click('demo-eti-ev', 'session.submit', session.id, { ...values, adaptations: 'restriction_physique : hernie discale' });
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('une adaptation ne dit rien de la santé');
    expect((await theSession()).durationMinutes).toBe(120);
  });

  it('edits the targeted skills, the timed steps and the criteria through the same form', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const session = await theSession();
    await db.db.insert(skills).values({ teamId: session.teamId, key: 'ramassage-dechets-verts', label: 'Ramasser et évacuer les déchets verts', romeCode: 'A1203' });
    await h.click('demo-eti-ev', 'session.edit', session.id);
    await h.drain();
    const values = Object.fromEntries((await h.dm('demo-eti-ev')).at(-1)!.form!.inputs.map((i) => [i.name, i.value ?? '']));
    const before = session.plan as { skills: Array<{ key: string; label: string }>; sequence: Array<{ kind: string; minutes: number; questions: string[] }> };
    expect(values.sequence!.split('\n')[0]).toMatch(/^Démonstration \(\d+ min\) : /);
    // A longer first step, one more question, one more skill from the referential with its criterion.
    const steps = values.sequence!.split('\n');
    steps[0] = steps[0]!.replace(/\((\d+) min\)/, (_m, n: string) => `(${Number(n) + 15} min)`);
    steps[steps.length - 1] = `${steps.at(-1)!} ; Qu’est-ce que tu referais autrement ?`;
    await h.click('demo-eti-ev', 'session.submit', session.id, {
      ...values, sequence: steps.join('\n'),
      skills: `${values.skills}\nramasser et evacuer les dechets verts`,
      criteria: `${values.criteria}\nRamasser et évacuer les déchets verts : zone propre en fin de chantier (comment l’observer : tour du chantier avec le salarié)`,
    });
    await h.drain();
    const edited = await theSession();
    const plan = edited.plan as typeof before & { criteria: Array<{ skillKey: string; criterion: string }> };
    expect(edited.durationMinutes).toBe(105);
    expect(plan.sequence[0]!.minutes).toBe(before.sequence[0]!.minutes + 15);
    expect(plan.sequence.at(-1)!.questions.at(-1)).toBe('Qu’est-ce que tu referais autrement ?');
    expect(plan.skills.map((s) => s.key)).toEqual([...before.skills.map((s) => s.key), 'ramassage-dechets-verts']);
    expect(plan.criteria.at(-1)).toMatchObject({ skillKey: 'ramassage-dechets-verts', criterion: 'zone propre en fin de chantier' });
    expect(replyText((await h.dm('demo-eti-ev'))[0]!)).toContain('zone propre en fin de chantier');

    // A skill outside the referential, or steps and duration that disagree: refused, said, nothing changed.
    await h.click('demo-eti-ev', 'session.submit', session.id, { ...values, skills: `${values.skills}\nPilotage de drone` });
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('compétence « Pilotage de drone » absente du référentiel de l’équipe');
    const otherSteps = values.sequence!.replace(/\((\d+) min\)/, (_m, n: string) => `(${Number(n) + 20} min)`);
    await h.click('demo-eti-ev', 'session.submit', session.id, { ...values, duration: '60', sequence: otherSteps });
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toMatch(/la séquence dure \d+ min au lieu de 60/);
    expect((await theSession()).plan).toEqual(plan);
  });

  it('on Valider schedules the séance and adds its skills to the team referential; another ETI cannot touch it', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30');
    await h.drain();
    const session = await theSession();
    await h.click('demo-eti-rc', 'session.confirm', session.id);
    await h.drain();
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain('accès');
    expect((await theSession()).status).toBe('draft');
    await h.click('demo-eti-ev', 'session.confirm', session.id);
    await h.click('demo-eti-ev', 'session.confirm', session.id); // double click
    await h.drain();
    expect((await theSession()).status).toBe('scheduled');
    // The digests remind the trainer the day before, and only then.
    expect(await h.relais.learning.useCases.listSessionReminders()).toEqual([]);
    h.clock.set('2026-11-04T17:00:00Z');
    expect(await h.relais.learning.useCases.listSessionReminders()).toEqual([{
      trainerId: h.id('demo-eti-ev'), sessionId: session.id, topic: 'Taille de haies', date: '2026-11-05', startTime: null, participants: ['Lucas Morel', 'Moussa Camara'],
    }]);
    const dm = await h.dm('demo-eti-ev');
    expect(replyText(dm[0]!)).toContain('Séance programmée — Taille de haies');
    expect(buttons(dm[0]!)).toEqual([]);
    expect((await db.db.select().from(skills)).map((s) => [s.key, s.romeCode]).sort()).toEqual([
      ['ev-affutage', 'A1203'], ['ev-securite-outils', 'A1203'], ['ev-taille-haie', 'A1203'],
    ]);
  });

  it('turns « Séance de jeudi : … » into an evaluation draft, then the skills history once confirmed; the attestation uses confirmed data only', async () => {
    const sessionId = await prepareAndConfirm();
    h.clock.set('2026-11-05T17:00:00Z');
    await h.say('demo-eti-ev', "Séance de jeudi : Lucas a réussi seul, Moussa doit revoir l'affûtage. Il dit qu'il a eu peur de la machine.");
    await h.drain();
    const draft = (await h.dm('demo-eti-ev')).at(-1)!;
    const text = replyText(draft);
    expect(text).toContain('Brouillon — compte rendu de la séance « Taille de haies » du jeudi 5 novembre');
    expect(text).toContain('Tailler une haie au taille-haie — La haie est droite, à la hauteur du cordeau, sans trou : *Acquis* (autonomie) — « Lucas a réussi seul »');
    expect(text).toContain("Entretenir et affûter les outils de coupe — Nettoie et affûte la lame sans aide : *En cours d’acquisition* (maîtrise) — « Moussa doit revoir l'affûtage »");
    expect(text).toContain('Auto-évaluation : « Il a eu peur de la machine »');
    expect(text).toContain("Prochaine étape : Revoir l'affûtage");
    expect(buttons(draft)).toEqual(['session.outcome.confirm', 'session.outcome.discard']);
    const rows = await db.db.select().from(skillEvaluations);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.status === 'draft')).toBe(true);
    const moussa = rows.filter((r) => r.personId === h.id('demo-s03')).map((r) => r.level).sort();
    expect(moussa).toEqual(['en_cours', 'non_evalue', 'non_evalue']);

    const actor = await cip();
    expect(await h.relais.learning.useCases.issueSkillsAttestation({ actor, personId: h.id('demo-s01') })).toMatchObject({ ok: false, code: 'attestation.empty' });

    await h.click('demo-eti-ev', 'session.outcome.confirm', sessionId);
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toContain('4 évaluation(s)');
    expect((await theSession()).status).toBe('done');
    expect((await db.db.select().from(skillEvaluations).where(eq(skillEvaluations.status, 'confirmed')))).toHaveLength(6);

    const attestation = await h.relais.learning.useCases.issueSkillsAttestation({ actor, personId: h.id('demo-s01') });
    if (!attestation.ok) throw new Error(attestation.code);
    expect(attestation.value.salarie.name).toBe('Lucas Morel');
    expect(attestation.value.activities).toEqual([{ label: 'Taille de haies au taille-haie et à la cisaille', sessions: 1, from: '2026-11-05', to: '2026-11-05' }]);
    expect(attestation.value.competences.map((c) => [c.label, c.level, c.romeCode, c.evidence[0]!.fact])).toEqual([
      ['Appliquer les consignes de sécurité des outils motorisés', 'acquis', 'A1203', 'Lucas a réussi seul'],
      ['Entretenir et affûter les outils de coupe', 'acquis', 'A1203', 'Lucas a réussi seul'],
      ['Tailler une haie au taille-haie', 'acquis', 'A1203', 'Lucas a réussi seul'],
    ]);
    const forMoussa = await h.relais.learning.useCases.issueSkillsAttestation({ actor, personId: h.id('demo-s03') });
    expect(forMoussa.ok && forMoussa.value.competences.map((c) => [c.label, c.level])).toEqual([['Entretenir et affûter les outils de coupe', 'en_cours']]);
    // An ETI of another team may not issue it.
    const other = { personId: h.id('demo-eti-rc'), role: 'encadrant' as const, structureId: actor.structureId, teamId: await h.teamId('recyclerie'), door: 'cli' as const };
    expect(await h.relais.learning.useCases.issueSkillsAttestation({ actor: other, personId: h.id('demo-s01') })).toMatchObject({ ok: false, code: 'access.denied' });
    expect(await h.channel('espaces-verts')).toEqual([]);
  });

  it('goes from a salarié’s summary to a séance on the skill still being acquired, in one tap, for their own encadrant only', async () => {
    const sessionId = await prepareAndConfirm();
    h.clock.set('2026-11-05T17:00:00Z');
    await h.say('demo-eti-ev', "Séance de jeudi : Lucas a réussi seul, Moussa doit revoir l'affûtage");
    await h.drain();
    await h.click('demo-eti-ev', 'session.outcome.confirm', sessionId);
    await h.say('demo-eti-ev', 'résumé de parcours de Moussa');
    await h.drain();
    const prepare = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e): e is Button => e.type === 'button' && e.action === 'session.prepare');
    const button = prepare((await h.dm('demo-eti-ev')).at(-1)!);
    expect(button).toMatchObject({ label: 'Séance « Entretenir et affûter les outils de coupe » avec Moussa' });
    await h.click('demo-eti-ev', 'session.prepare', button!.value);
    await h.click('demo-eti-ev', 'session.prepare', button!.value); // a second tap shows the same draft
    await h.drain();
    const draft = (await h.dm('demo-eti-ev')).at(-1)!;
    expect(replyText(draft)).toContain('Brouillon — fiche de séance');
    expect(replyText(draft)).toContain("À l'issue de la séance, Moussa sera capable");
    expect(buttons(draft)).toEqual(['session.confirm', 'session.edit', 'session.cancel']);
    const drafted = (await db.db.select().from(learningSessions).where(eq(learningSessions.status, 'draft')));
    expect(drafted.map((s) => (s.plan as { identification: { participants: Array<{ personId: string }> } }).identification.participants.map((p) => p.personId)))
      .toEqual([[h.id('demo-s03')]]);

    // The CIP reads the same summary without the button; another team's encadrant cannot use one.
    await h.say('demo-cip', 'résumé de parcours de Moussa');
    await h.drain();
    expect(replyText((await h.dm('demo-cip')).at(-1)!)).toContain('Moussa');
    expect(prepare((await h.dm('demo-cip')).at(-1)!)).toBeUndefined();
    await h.click('demo-eti-rc', 'session.prepare', button!.value);
    await h.drain();
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain('Pour qui est la séance ?');
    expect((await db.db.select().from(learningSessions).where(eq(learningSessions.status, 'draft')))).toHaveLength(1);
  });

  it('asks for the topic when the salarié has no skill being acquired yet', async () => {
    await h.say('demo-eti-ev', 'résumé de parcours de Moussa');
    await h.drain();
    const button = (await h.dm('demo-eti-ev')).at(-1)!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e): e is Button => e.type === 'button' && e.action === 'session.prepare');
    expect(button).toMatchObject({ label: 'Préparer une séance avec Moussa' });
    await h.click('demo-eti-ev', 'session.prepare', button!.value);
    await h.drain();
    expect(replyText((await h.dm('demo-eti-ev')).at(-1)!)).toMatch(/^Sur quoi, la séance avec Moussa \? .*Modèles de ton métier : Taille de haies/);
    expect(await db.db.select().from(learningSessions)).toEqual([]);
  });

  it('gives a CIP the attestation in chat with signed PDF and Markdown links, and refuses another team’s ETI', async () => {
    h = await createHarness(db, { env: { PORT: '0' } });
    const sessionId = await prepareAndConfirm();
    h.clock.set('2026-11-05T17:00:00Z');
    await h.say('demo-eti-ev', "Séance de jeudi : Lucas a réussi seul, Moussa doit revoir l'affûtage");
    await h.drain();
    await h.click('demo-eti-ev', 'session.outcome.confirm', sessionId);
    await h.say('demo-cip', 'attestation de compétences de Lucas ?');
    await h.say('demo-eti-rc', '/relais attestation Lucas');
    await h.drain();
    const reply = (await h.dm('demo-cip')).at(-1)!;
    const text = replyText(reply);
    expect(text).toContain('Attestation de compétences — Lucas Morel');
    expect(text).toContain('Tailler une haie au taille-haie — Acquis');
    expect(text).toContain('jeudi 5 novembre : « Lucas a réussi seul »');
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain('accès');
    const links = reply.blocks.flatMap((b) => (b.type === 'links' ? [...b.links] : []));
    expect(links.map((l) => l.label)).toEqual(['Attestation en PDF', 'Attestation en Markdown']);
    const linksOf = (r: Reply) => r.blocks.flatMap((b) => (b.type === 'links' ? [...b.links] : []));
    expect(linksOf((await h.dm('demo-eti-ev'))[0]!).map((l) => l.label)).toEqual(['Fiche de séance en PDF', 'Fiche de séance en Markdown']);
    const fiche = linksOf((await h.dm('demo-eti-ev')).at(-1)!); // after the outcome: the fiche with its evaluation
    const serving = await serve(h.relais);
    try {
      const ficheMd = await get(`${serving.url}${fiche[1]!.url}`);
      expect(ficheMd.body.toString()).toContain('# Fiche de séance — Taille de haies');
      expect(ficheMd.body.toString()).toContain('Lucas a réussi seul'); // the confirmed evaluation is in the fiche
      const pdf = await get(`${serving.url}${links[0]!.url}`);
      expect(pdf.status).toBe(200);
      expect(pdf.type).toBe('application/pdf');
      expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
      const md = await get(`${serving.url}${links[1]!.url}`);
      expect(md.body.toString()).toContain('# Attestation de compétences');
      expect(md.body.toString()).toContain('Tailler une haie au taille-haie (ROME A1203) — Acquis');
    } finally {
      await h.relais.lifecycle.stop();
    }
  });

  it('answers a request written in the team channel privately, and posts nothing to the channel', async () => {
    const channel = `team:${await h.teamId('espaces-verts')}`;
    await h.say('demo-eti-ev', 'Prépare une séance sur la taille de haies pour Lucas et Moussa jeudi 1h30', { conversationId: channel, kind: 'channel' });
    await h.drain();
    expect(await h.channel('espaces-verts')).toEqual([]);
    expect(replyText((await h.dm('demo-eti-ev'))[0]!)).toContain('Brouillon — fiche de séance : Taille de haies');
  });

  it('says clearly what is missing instead of guessing', async () => {
    await h.say('demo-eti-ev', 'Prépare une séance de soudure pour Lucas jeudi');
    await h.say('demo-eti-ev', 'Séance de mardi : Lucas a réussi seul');
    await h.say('demo-cip', 'Prépare une séance sur la taille de haies pour Lucas jeudi');
    await h.drain();
    const texts = (await h.dm('demo-eti-ev')).map(replyText);
    expect(texts[0]).toContain('Je n’ai pas de modèle de séance pour ce sujet. Modèles de ton métier : Taille de haies, Débroussaillage.');
    expect(texts[1]).toContain('Je ne trouve pas de séance programmée à cette date');
    expect(replyText((await h.dm('demo-cip'))[0]!)).toContain('accès');
    expect(await db.db.select().from(learningSessions)).toEqual([]);
  });
});
