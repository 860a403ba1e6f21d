import { extract, pairs } from './helpers.js';

/**
 * Vocabulary of garages, sewing workshops, forestry and food banks (fresh-set-4's trades),
 * on sentences written for these tests.
 */
const kinds = async (note: string): Promise<string[]> => (await extract(note)).incidents.map((i) => i.kind).sort();
const facts = async (note: string): Promise<string[]> => (await extract(note)).observations.map((o) => `${o.person}:${o.category}:${o.polarity}`).sort();

describe('threats with a blade', () => {
  it('reads « je vais te planter » as a threat, not « tu vas te planter » (a mistake)', async () => {
    const threat = await extract('Greg a dit à Momo je vais te planter si tu touches encore à mon marteau.');
    expect(pairs(threat.alerts, 'topic')).toEqual(['greg:violence']);
    expect(threat.incidents.map((i) => i.kind)).toEqual(['conflict']);
    expect((await extract('Pierre, si tu mesures pas deux fois tu vas te planter sur la découpe.')).alerts).toEqual([]);
  });
});

describe('incidents look-alikes', () => {
  it('does not take finding a fault for a breakdown', async () => {
    expect(await kinds('Greg a trouvé la panne de la tondeuse en dix minutes.')).toEqual([]);
    expect(await kinds('Le compresseur est tombé en panne.')).toEqual(['equipment']);
  });

  it('reads « crevé » about a person as tiredness and about a tyre as a breakdown', async () => {
    expect(await kinds('Rose crevée en fin de journée mais contente.')).toEqual([]);
    expect(await kinds('On était crevés après la livraison.')).toEqual([]);
    expect(await kinds('La brouette a un pneu crevé.')).toEqual(['equipment']);
  });

  it('reads a load dropped next to someone, or « c’était moins une », as a near miss', async () => {
    expect(await kinds('Momo a laissé tomber une planche à côté de Greg.')).toEqual(['safety']);
    expect(await facts('Momo a laissé tomber une planche à côté de Greg.')).toContain('momo:securite:negative');
    expect(await kinds('La palette a glissé du chariot, c’était moins une.')).toEqual(['safety']);
  });
});

describe('pace, team climate, care of the work', () => {
  it.each([
    ['Nadia a tenu le rythme tout l’après-midi.', 'nadia:rythme:positive'],
    ['Nadia fatiguée mais elle a tenu jusqu’au bout.', 'nadia:rythme:positive'],
    ['Greg a mis une super ambiance sur le chantier.', 'greg:equipe:positive'],
    ['Momo fait rire tout le monde à la pause.', 'momo:equipe:positive'],
  ])('%s → %s', async (note, expected) => {
    expect(await facts(note)).toContain(expected);
  });

  it('reads « travail soigné » as quality, not as being treated', async () => {
    expect(await facts('Nadia a repeint la porte, travail très soigné.')).toEqual(['nadia:qualite:positive']);
  });

  it('does not take « ça aide » (a thing helping) for teamwork', async () => {
    expect(await facts('Kenza parle arabe, ça aide beaucoup avec les clients.')).not.toContain('kenza:equipe:positive');
    expect(await facts('Kenza aide beaucoup Franck à la plonge.')).toContain('kenza:equipe:positive');
  });
});

describe('counted work of a garage and a sewing workshop', () => {
  it.each([
    ['On a fait 3 vidanges et 2 révisions ce matin.', ['piece|3', 'piece|2']],
    ['Rose a cousu 25 masques et 8 tabliers.', ['piece|25', 'piece|8']],
    ['Greg a affûté 6 chaînes de tronçonneuse.', ['piece|6']],
  ])('%s', async (note, expected) => {
    expect((await extract(note)).production.map((p) => `${p.unit}|${p.quantity}`).sort()).toEqual([...expected].sort());
  });
});

describe('know-how on a task, and a task named', () => {
  it('reads « très bon sur le / la… » as know-how', async () => {
    expect(await facts('Franck très bon sur le réglage des feux, rien à reprendre.')).toContain('franck:technique:positive');
  });

  it('reads « fait les finitions » as the task, not its quality', async () => {
    expect(await facts('Rose fait les finitions seule maintenant.')).not.toContain('rose:qualite:positive');
    expect(await facts('Kenza a rendu des finitions impeccables.')).toContain('kenza:qualite:positive');
  });
});
