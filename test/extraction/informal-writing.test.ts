import { tokenize } from '../../src/extraction/text/tokenize.js';
import { extract, pairs } from './helpers.js';

/** Notes typed on a phone or dictated: no apostrophes, no accents, initials, run-on sentences. */
describe('informal writing', () => {
  it('reads a lone elidable letter before a vowel as an elision, but not a unit or an initial', () => {
    const keys = tokenize('elle s est brulee j ai vu qu il a 1,2 t en tout et Mehdi D a fini').map((t) => t.key);
    expect(keys).toEqual(['elle', 'se', 'est', 'brulee', 'je', 'ai', 'vu', 'que', 'il', 'a', '1,2', 't', 'en', 'tout', 'et', 'mehdi', 'd', 'a', 'fini']);
  });

  it('finds an injury written without apostrophes', async () => {
    const out = await extract('Kenza elle s est brulee la main avec la plaque', 'eti2');
    expect(out.incidents.map((i) => i.kind)).toEqual(['accident']);
    expect(pairs(out.alerts, 'topic')).toEqual(['kenza:securite']);
  });

  it('tells apart two people sharing a first name by the initial of their last name', async () => {
    const out = await extract('Mohamed S a pas mis ses gants. Mohamed C tres rapide.');
    expect(pairs(out.observations, 'category')).toEqual(['mohamed2:securite', 'momo:rythme']);
  });

  it('reads « la » typed for « là » before « sauf »', async () => {
    const out = await extract('Tt le monde la sauf Rose.');
    expect(pairs(out.attendance, 'status')).toEqual(['greg:present', 'momo:present', 'nadia:present', 'pierre:present', 'rose:absent']);
  });

  it('keeps a pluperfect reason of a lateness in attendance', async () => {
    const out = await extract('Greg il est arrive a neuf heures au lieu de huit heures il avait rate le tram');
    expect(out.attendance).toEqual([{ person: 'greg', status: 'late', excused: null, minutes: 60 }]);
    expect(out.observations).toEqual([]);
  });

  it('does not deny a subject with the negation of the clause before: a sick child excusing an absence stays in attendance', async () => {
    const out = await extract('Rose elle a pas pu venir son fils est malade elle m a envoye un message');
    expect(out.attendance).toEqual([{ person: 'rose', status: 'absent', excused: true, minutes: null }]);
    expect(out.observations).toEqual([]);
  });

  it("gives the author's opinion about someone named after « que » to that person", async () => {
    const out = await extract('Je trouve que Kenza progresse bien au dressage.', 'eti2');
    expect(pairs(out.observations, 'category')).toEqual(['kenza:technique']);
  });

  it('makes a near miss a securite problem of whoever did it', async () => {
    const out = await extract("Pierre est monte sur l escabeau sans personne pour le tenir et a failli tomber.");
    expect(out.incidents.map((i) => i.kind)).toEqual(['safety']);
    expect(pairs(out.observations, 'category')).toEqual(['pierre:securite']);
    expect(out.alerts).toEqual([]);
  });

  it('keeps a theft and a malaise of one dictated sentence as two incidents', async () => {
    const out = await extract('on s est fait voler la remorque pendant la pause euh Rose elle a fait un malaise dans la serre');
    expect(out.incidents.map((i) => i.kind).sort()).toEqual(['other', 'other']);
  });

  it('reads an attempted punch as violence by the one who tried', async () => {
    const out = await extract('Greg a voulu mettre un coup de poing a Pierre, il a fallu les separer.');
    expect(pairs(out.alerts, 'topic')).toEqual(['greg:violence']);
    expect(out.incidents.map((i) => i.kind)).toEqual(['conflict']);
  });

  it('reads quantities as written on site: approximations before a unit, hours and minutes of work, « 1t2 »', async () => {
    const out = await extract('Pierre et Greg : une trentaine de m2 de faience, 2h30 de ponçage, 1t2 de gravats. Rose arrivee a 9h30 du matin au lieu de 8h.');
    expect(out.production.map((p) => `${p.quantity} ${p.unit}`)).toEqual(['30 m2', '2.5 h', '1.2 t']);
    expect(out.attendance).toEqual([{ person: 'rose', status: 'late', excused: null, minutes: 90 }]);
  });

  it("does not give a relative's departure to the salarié, nor read « toute seule » with children as autonomy", async () => {
    const out = await extract('Nadia elle doit garder ses trois enfants toute seule depuis que son mari est parti.');
    expect(out.attendance).toEqual([]);
    expect([...new Set(pairs(out.observations, 'category'))]).toEqual(['nadia:contraintes_familiales']);
  });

  it('makes a threat against a salarié at work a conflict, and one at home an alert only', async () => {
    const atWork = await extract('Nadia s est fait menacer par un jeune en sortant du chantier.');
    expect(atWork.incidents.map((i) => i.kind)).toEqual(['conflict']);
    expect(pairs(atWork.alerts, 'topic')).toEqual(['nadia:violence']);
    const atHome = await extract("Nadia m'a dit que son frère l'a frappée hier soir et qu'elle ne veut plus rentrer chez elle.");
    expect(atHome.incidents).toEqual([]);
    expect(pairs(atHome.alerts, 'topic')).toEqual(['nadia:logement', 'nadia:violence']);
  });
});
