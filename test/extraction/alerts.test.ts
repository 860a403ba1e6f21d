import { extract, pairs } from './helpers.js';

describe('alerts', () => {
  it.each([
    ["Pierre m'a dit qu'il dort dans sa voiture depuis lundi", 'pierre:logement'],
    ["Nadia m'a dit qu'elle sait pas où dormir ce soir", 'nadia:logement'],
    ["Momo m'a dit qu'il en pouvait plus et qu'il avait envie d'en finir", 'momo:sante'],
    ['Rose m’a confié qu’on serait mieux sans elle', 'rose:sante'],
    ["Greg sentait l'alcool à plein nez ce matin", 'greg:sante'],
    ['Pierre est tombé de l’échafaudage, les pompiers sont venus', 'pierre:securite'],
    ['Greg a menacé Momo avec un cutter', 'greg:violence'],
    ["Nadia s'est fait agresser en rentrant chez elle hier soir", 'nadia:violence'],
    ['Pierre m’a avoué que ses placards sont vides depuis dimanche', 'pierre:difficulte_financiere'],
    ['Rose a plus un sou pour finir la semaine et son frigo est vide', 'rose:difficulte_financiere'],
  ])('%s → %s', async (note, expected) => {
    expect(pairs((await extract(note)).alerts, 'topic')).toContain(expected);
  });

  it('does not take a slippery floor sign for a fall', async () => {
    const out = await extract('Le sol du hall était glissant, Greg a posé le panneau sol glissant tout de suite.');
    expect(out.alerts).toEqual([]);
    expect(out.incidents).toEqual([]);
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toContain('greg:securite:positive');
    expect(pairs((await extract('Momo a glissé dans la cuisine, il s’est tordu le poignet')).alerts, 'topic')).toEqual(['momo:securite']);
  });

  it('reads a leaking machine as equipment, driving a machine too fast as safety, and losing one\'s temper as no breakage', async () => {
    const kinds = async (note: string) => (await extract(note)).incidents.map((i) => `${i.kind}:${[...i.persons].sort().join(',')}`);
    expect(await kinds('Le lave-vaisselle a fui toute la matinée.')).toEqual(['equipment:']);
    expect(await kinds('Franck conduisait trop vite avec le chariot dans la réserve.')).toEqual(['safety:franck']);
    const temper = await extract("Greg a pété les plombs quand je lui ai demandé de ranger l'atelier.");
    expect(temper.incidents).toEqual([]);
    expect(pairs(temper.observations, 'category')).toEqual(['greg:relation']);
    // A tool that broke is still a breakage.
    expect(await kinds('Le manche de la pioche a pété.')).toEqual(['equipment:']);
  });

  it('reads a dispute « entre eux / elles » as a conflict of the people just named, and « ça s’est calmé » as about nobody', async () => {
    const out = await extract('Nadia a repris Rose sur son balayage, ça a chauffé entre elles mais ça s’est calmé tout seul.');
    expect(out.incidents.map((i) => i.kind)).toEqual(['conflict']);
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`).sort()).toEqual(['nadia:equipe:negative', 'rose:equipe:negative']);
  });

  it('keeps a dispute with a client a conflict, without an `equipe` problem (a client is not a peer)', async () => {
    const client = await extract('Kenza a eu une prise de bec avec un client qui voulait être remboursé.');
    expect(client.incidents.map((i) => i.kind)).toEqual(['conflict']);
    expect(client.observations).toEqual([]);
    // A client who only watches does not change a dispute between colleagues.
    const peers = await extract('Greg et Momo se sont disputés devant les clients.');
    expect(pairs(peers.observations, 'category')).toEqual(['greg:equipe', 'momo:equipe']);
  });

  it('reads an odd noise of a machine as an equipment incident', async () => {
    const out = await extract('la bétonnière fait un drôle de bruit depuis ce matin, et le karcher a un bruit anormal');
    expect(out.incidents.map((i) => i.kind)).toEqual(['equipment']);
  });

  it('is not cancelled by a negation elsewhere in the sentence', async () => {
    const out = await extract("Pierre n'est pas venu ce matin, il ne sait pas où dormir ce soir");
    expect(pairs(out.alerts, 'topic')).toEqual(['pierre:logement']);
  });

  it('brings the contract companions: a fight is equipe + violence + conflict, an injury is accident + securite + sante', async () => {
    const fight = await extract('Greg a frappé Momo, je les ai séparés.');
    expect(pairs(fight.observations, 'category')).toEqual(['greg:equipe']);
    expect(fight.incidents.map((i) => i.kind)).toEqual(['conflict']);
    const injury = await extract("Rose s'est coupée au doigt avec la disqueuse.");
    expect(injury.incidents.map((i) => i.kind)).toEqual(['accident']);
    expect(pairs(injury.alerts, 'topic')).toEqual(['rose:securite']);
    expect(pairs(injury.observations, 'category')).toEqual(['rose:sante']);
  });

  it('does not alert on look-alikes: a breakdown, a near miss, offcuts, a helping hand', async () => {
    const out = await extract('La bétonnière est tombée en panne. Une planche a failli tomber sur Greg. Rose a ramassé les chutes de bois. Pierre a donné un coup de main.');
    expect(out.alerts).toEqual([]);
    expect(out.incidents.map((i) => i.kind).sort()).toEqual(['equipment', 'safety']);
  });
});

describe('alerts phrased indirectly, and look-alikes', () => {
  it.each([
    ["Greg m'a dit qu'il a plus de toit depuis hier soir", 'greg:logement'],
    ["Nadia s'est fait mettre à la porte par son copain, elle sait pas où aller ce soir", 'nadia:logement'],
    ['Greg dort dehors depuis deux nuits', 'greg:logement'],
    ["Nadia a dit qu'elle voulait plus se réveiller le matin", 'nadia:sante'],
    ["Greg m'a confié qu'il pense à se suicider", 'greg:sante'],
    ["Nadia parle de tout arrêter, de disparaître, elle m'inquiète", 'nadia:sante'],
    ['Greg avait les yeux rouges et sentait le cannabis', 'greg:sante'],
    ['Nadia est arrivée ivre ce matin', 'nadia:sante'],
    ['Greg tenait des propos incohérents, il avait bu', 'greg:sante'],
    ["Nadia s'est évanouie pendant le désherbage", 'nadia:sante'],
    ["Greg s'est entaillé la main avec la serpe, il saignait beaucoup", 'greg:securite'],
    ['Nadia a reçu une branche sur la tête, on a appelé le SAMU', 'nadia:securite'],
    ["Greg s'est fait mordre par un chien pendant la tournée", 'greg:securite'],
    ['Greg a giflé Nadia', 'greg:violence'],
    ['Nadia a menacé Greg avec un cutter', 'nadia:violence'],
    ["Greg m'a dit qu'il allait me faire la peau", 'greg:violence'],
    ["Nadia a des bleus sur les bras, elle dit que c'est son compagnon", 'nadia:violence'],
    ["Greg s'est fait racketter à la sortie du chantier", 'greg:violence'],
    ["Nadia n'a pas mangé depuis trois jours, elle a plus rien", 'nadia:difficulte_financiere'],
  ])('%s → %s', async (note, expected) => {
    expect(pairs((await extract(note)).alerts, 'topic')).toContain(expected);
  });

  it.each([
    ['Greg a tondu toute la matinée, rien à signaler'],
    ['Nadia a fait tomber une caisse, pas de casse'],
    ['La tondeuse est tombée en panne, Greg a fini à la débroussailleuse'],
    ['Greg a donné un coup de main à Nadia'],
    ['Nadia a coupé les haies et ramassé les chutes'],
    ["Greg a tué le temps en rangeant l'atelier"],
    ['Nadia était morte de rire toute la journée'],
    ['Greg a passé le balai dans le local'],
    ['Il a plu, on a fini plus tôt'],
    ['Nadia a fini la taille, on a évacué les branches'],
  ])('no alert: %s', async (note) => {
    expect((await extract(note)).alerts).toEqual([]);
  });

  it('reads a machine leaking oil or burnt out as a breakdown, not a person running away or burning themselves', async () => {
    const leak = await extract('La mini-pelle fuit de l’huile depuis ce matin.');
    expect(leak.incidents.map((i) => i.kind)).toEqual(['equipment']);
    const burnt = await extract('Le moteur de la bétonnière a cramé à midi.');
    expect(burnt.incidents.map((i) => i.kind)).toEqual(['equipment']);
    const burn = await extract('Kenza s’est brûlée avec le four, elle a la main cramée.', 'eti2');
    expect(burn.incidents.map((i) => i.kind)).toEqual(['accident']);
  });
});

describe('who a threat, a blow or an injury is about', () => {
  const alertsOf = async (note: string): Promise<string[]> => pairs((await extract(note)).alerts, 'topic');
  const equipeOf = async (note: string): Promise<string[]> =>
    pairs((await extract(note)).observations, 'category').filter((p) => p.endsWith(':equipe'));

  it.each([
    // Someone off the roster attacks a salarié named as the object: the alert goes to the one who suffers it, not to whoever was named before.
    ["Pierre a bien travaillé. Un habitant a agressé Rose, il l'a frappée.", ['rose:violence']],
    ["Pierre a bien travaillé. Un habitant a insulté Rose et l'a menacée.", ['rose:violence']],
    ["Kenza est en arrêt. Un voisin a insulté Nadia parce qu'elle lui demandait de baisser la musique, il l'a menacée de la frapper.", ['nadia:violence']],
    ["Le gardien a agressé Pierre ce matin, il l'a frappé au visage.", ['pierre:violence']],
    ["Des jeunes du quartier s'en sont pris à Pierre, ils l'ont insulté.", ['pierre:violence']],
    ['Un client a menacé Nadia.', ['nadia:violence']],
    ["Greg a fini la tonte. Une cliente s'est énervée contre Nadia, elle l'a menacée.", ['nadia:violence']],
    // Between two salariés, the alert goes to the one who acts (the dev set's convention).
    ['Greg a poussé Momo, Momo est tombé.', ['greg:violence', 'momo:securite']],
    ["Greg a insulté Momo, il l'a menacé.", ['greg:violence']],
    ["Rose a bousculé Nadia et l'a insultée.", ['rose:violence']],
    // Said in the passive, with or without who did it; a salarié after « par » is the one who acts.
    ['Greg a été bousculé par un client.', ['greg:violence']],
    ["Nadia s'est fait gifler par une cliente.", ['nadia:violence']],
    ['Greg a été frappé par Momo.', ['momo:violence']],
    // Whoever steps in is not the one attacked.
    ['Un client a frappé Greg, Momo est intervenu.', ['greg:violence']],
    // An injury goes to the person hurt, whatever did it.
    ['Greg a blessé Momo avec la débroussailleuse.', ['momo:securite']],
    ["Nadia était à côté, Greg l'a blessée avec la débroussailleuse.", ['nadia:securite']],
    ['La palette a écrasé le pied de Momo.', ['momo:securite']],
    ['Le chien du voisin a mordu Nadia.', ['nadia:securite']],
  ])('%s → %j', async (note, expected) => {
    expect(await alertsOf(note)).toEqual(expected);
  });

  it('gives no equipe observation to a salarié attacked by someone off the roster', async () => {
    expect(await equipeOf("Un client a bousculé Momo, il l'a insulté et menacé.")).toEqual([]);
    expect(await equipeOf("Le gardien a agressé Pierre ce matin, il l'a frappé au visage.")).toEqual([]);
    expect(await equipeOf("Des jeunes du quartier s'en sont pris à Pierre, ils l'ont insulté.")).toEqual([]);
    expect(await equipeOf("Greg a insulté Momo, il l'a menacé.")).toEqual(['greg:equipe']);
  });

  it.each([
    ['Un client a félicité Nadia pour son travail, il était content.'],
    ['Greg a menacé de démissionner si on change encore son planning.'],
    ['Une cliente a menacé de porter plainte pour le bruit, Nadia est restée calme.'],
    ["Un client a parlé avec Momo, il l'a remercié."],
  ])('no alert: %s', async (note) => {
    expect(await alertsOf(note)).toEqual([]);
  });
});

describe('injuries said as something done to a body part', () => {
  const injuryOf = async (note: string): Promise<{ alerts: string[]; incidents: string[]; sante: string[] }> => {
    const out = await extract(note);
    return {
      alerts: pairs(out.alerts, 'topic'),
      incidents: out.incidents.map((i) => `${i.kind}:${[...i.persons].sort().join(',')}`),
      sante: out.observations.filter((o) => o.category === 'sante' && o.polarity === 'negative').map((o) => o.person).sort(),
    };
  };

  it.each([
    // Someone else's body part, after « de »: the one hurt is that person, not the subject.
    ['Pierre a laissé échapper un madrier sur la jambe de Nadia.', 'nadia'],
    ['Le portail a claqué sur les doigts de Greg.', 'greg'],
    ['Rose a écrasé le pouce de Momo avec le transpalette.', 'momo'],
    ['Le vent a rabattu la porte du camion sur le bras de Kenza.', 'kenza'],
    // The reflexive subject hurts himself or herself.
    ["Franck s'est pris un coup de marteau sur le pouce.", 'franck'],
    ["Greg s'est pris la porte du local dans la figure.", 'greg'],
    ["Nadia s'est tapé le genou contre le coin de l'établi.", 'nadia'],
    ["Pierre est arrivé à l'heure. Il s'est pincé les doigts dans la presse.", 'pierre'],
    ["Kenza s'est froissé un muscle de l'épaule.", 'kenza'],
    // « lui » before the verb is the one hurt, not the subject.
    ['Nadia tenait le madrier, Pierre lui a écrasé la main en le reposant.', 'nadia'],
    ['Kenza lavait les bacs, Franck lui a fait tomber une casserole sur le pied.', 'kenza'],
    // Someone hurt by another at a body part.
    ['Pierre a entaillé Rose à la main en taillant la haie.', 'rose'],
    ['Franck a brûlé Kenza au poignet avec la poêle.', 'kenza'],
    ["Momo est arrivé tôt. Greg l'a coupé au doigt avec le cutter sans faire exprès.", 'momo'],
    ["Pierre a marché sur la main de Nadia en descendant de l'échelle.", 'nadia'],
    // A sunburn is a burn.
    ['Franck a pris un coup de soleil sur le cou en plein midi.', 'franck'],
    ['Rose avait des coups de soleil sur les bras ce soir.', 'rose'],
  ])('%s → securite, accident and sante for %s', async (note, person) => {
    expect(await injuryOf(note)).toEqual({ alerts: [`${person}:securite`], incidents: [`accident:${person}`], sante: [person] });
  });

  it.each([
    ['Rose a mal au genou depuis des années, elle en parle souvent.'],
    ['Nadia a vite pris la main sur la caisse.'],
    ['Greg a donné un coup de main à Momo sur le chantier.'],
    ["Ce contrat lui a mis le pied à l'étrier."],
    ['Son oncle a le bras long à la mairie.'],
    ['Momo a posé la main sur l’épaule de Greg pour le calmer.'],
    ['Pierre a porté les sacs sur le dos toute la matinée.'],
    ["Kenza s'est fait les ongles pendant la pause."],
    ["Greg s'est pris la tête avec Momo pour le planning."],
    ["Greg a coupé Nadia pendant qu'elle parlait."],
    ['Momo lui a serré la main en arrivant.'],
    ['Rose ne se laisse pas marcher sur les pieds.'],
    ['Il faut se protéger des coups de soleil, Nadia a mis sa casquette.'],
  ])('no injury: %s', async (note) => {
    const out = await injuryOf(note);
    expect(out.alerts).toEqual([]);
    expect(out.incidents).toEqual([]);
  });

  it('keeps a blow from someone a violence alert, even said with the body part hit', async () => {
    expect(pairs((await extract("Un client a craqué, Greg s'est pris un coup de poing dans le ventre.")).alerts, 'topic')).toEqual(['greg:violence']);
  });
});

describe('help called for a medical emergency', () => {
  it('keeps a malaise with the firemen who came for it one emergency: no accident, no injury alert, and a sante observation even when it excuses a departure', async () => {
    const out = await extract('Kenza se sentait mal, elle a fait un malaise vers midi, pompiers appelés, emmenée à l’hôpital.', 'eti2');
    expect(pairs(out.alerts, 'topic')).toEqual(['kenza:sante']);
    expect(out.incidents.map((i) => i.kind)).toEqual(['other']);
    expect(pairs(out.observations, 'category')).toContain('kenza:sante');
    expect(pairs(out.attendance, 'status')).toEqual(['kenza:left_early']);
  });

  it('still reads the firemen as an injury when no malaise is told', async () => {
    const out = await extract('Franck est tombé de l’escabeau, les pompiers l’ont emmené aux urgences.', 'eti2');
    expect(pairs(out.alerts, 'topic')).toEqual(['franck:securite']);
    expect(out.incidents.map((i) => i.kind)).toEqual(['accident']);
  });
});
