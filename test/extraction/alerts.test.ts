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
  ])('%s → %s', async (note, expected) => {
    expect(pairs((await extract(note)).alerts, 'topic')).toContain(expected);
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
