import { extract, pairs } from './helpers.js';

describe('person resolution', () => {
  it('finds first names, aliases and names without accents or capitals', async () => {
    const out = await extract('momo est arrivé en retard. Gregory absent. nadia de retour.');
    expect(pairs(out.attendance, 'status')).toEqual(['greg:absent', 'momo:late', 'nadia:present']);
  });

  it('tolerates a small typo in a capitalised name', async () => {
    const out = await extract('Nadai et Grégroy ont bien bossé ensemble.');
    expect(pairs(out.observations, 'category')).toEqual(['greg:equipe', 'nadia:equipe']);
  });

  it("prefers the author's team when two people share a name", async () => {
    const fromBatiment = await extract('Mohamed absent.', 'eti');
    const fromCuisine = await extract('Mohamed absent.', 'eti2');
    expect(fromBatiment.attendance.map((a) => a.person)).toEqual(['momo']);
    expect(fromCuisine.attendance.map((a) => a.person)).toEqual(['mohamed2']);
  });

  it('does not take common words for people (pierres, une rose, petit souci, Saint-Martin)', async () => {
    const out = await extract("On a trié les pierres du muret. Elle a trouvé une rose séchée. Petit souci avec la bétonnière. Collecte à Saint-Martin, absent personne.");
    const persons = [...out.attendance, ...out.observations].map((x) => x.person);
    expect(persons).not.toContain('pierre');
    expect(persons).not.toContain('rose');
    expect(persons).not.toContain('nadia');
    expect(persons).not.toContain('greg');
  });

  it('still reads a common-word name when a verb follows it', async () => {
    const out = await extract('Pierre a trié les gravats tout seul. Rose a bien aidé Momo.');
    expect(pairs(out.observations, 'category')).toEqual(['pierre:autonomie', 'rose:equipe']);
  });

  it('resolves il and elle to the last person named, by gender', async () => {
    const out = await extract('Greg et Nadia ont posé le placo. elle était très rapide');
    expect(pairs(out.observations, 'category')).toEqual(['nadia:rythme']);
  });

  it('gives an appraisal of the work just told (« du bon boulot ») to those who did it', async () => {
    const quality = async (note: string) => (await extract(note)).observations.filter((o) => o.category === 'qualite').map((o) => `${o.person}:${o.polarity}`).sort();
    expect(await quality('Kenza et Franck ont préparé les plateaux du self, du beau travail, rien à redire.')).toEqual(['franck:positive', 'kenza:positive']);
    expect(await quality('Greg a posé la plinthe du couloir, un travail bien fait.')).toEqual(['greg:positive']);
    // Told in a new sentence, the appraisal has no author to inherit.
    expect(await quality('Greg a posé la plinthe du couloir. Du bon boulot sur tout le chantier.')).toEqual([]);
  });

  it('puts people outside the roster in unknownNames', async () => {
    const out = await extract('Mme Texier est passée voir le chantier. Bogdan le nouveau a aidé Pierre. Zoltan le nouveau aussi, et la stagiaire Ninon.');
    expect(out.unknownNames).toEqual(expect.arrayContaining(['Mme Texier', 'Bogdan', 'Zoltan', 'Ninon']));
    expect(out.observations.every((o) => ['pierre', 'momo', 'rose', 'greg', 'nadia'].includes(o.person))).toBe(true);
  });

  it('makes the whole team present except the people after "sauf"', async () => {
    const out = await extract('tt le monde là sauf Greg et Momo');
    expect(pairs(out.attendance, 'status')).toEqual(['greg:absent', 'momo:absent', 'nadia:present', 'pierre:present', 'rose:present']);
  });
});

describe('people off the roster as antecedents', () => {
  it('reads « il » after « un client a … X » as the client, not X or whoever was named before', async () => {
    const out = await extract("Pierre a bien trié. Un client a parlé avec Momo, il était très en colère.");
    expect(pairs(out.observations, 'category').filter((p) => p.startsWith('momo'))).toEqual([]);
  });

  it('takes a name said earlier in the same clause as what « l\' » stands for', async () => {
    const out = await extract("Pierre a bien trié. Un voisin a insulté Rose et l'a menacée.");
    expect(pairs(out.alerts, 'topic')).toEqual(['rose:violence']);
    expect(out.incidents.flatMap((i) => i.persons)).not.toContain('pierre');
  });

  it('keeps a new arrival off the roster out of « il » and « elle »', async () => {
    const out = await extract('Greg a bien travaillé. Un nouveau stagiaire est arrivé, il est très motivé.');
    expect(pairs(out.observations, 'category')).not.toContain('greg:motivation');
  });
});
