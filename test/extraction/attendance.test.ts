import { extract, pairs } from './helpers.js';

const rows = async (note: string, start?: string): Promise<string[]> =>
  (await extract(note, 'eti', start)).attendance.map((a) => `${a.person}:${a.status}:${a.excused}:${a.minutes}`).sort();

describe('attendance', () => {
  it('reads lateness in minutes, stated or from both times', async () => {
    expect(await rows('Greg encore en retard, 20 min. Momo arrivé à 9h15 au lieu de 8h30, sans excuse.')).toEqual([
      'greg:late:null:20', 'momo:late:false:45',
    ]);
    expect(await rows('Pierre était en retard de 10 minutes. Nadia arrivée 8h50.')).toEqual(['nadia:late:null:null', 'pierre:late:null:10']);
  });

  it('uses the team start time when given, and only then counts minutes from "arrivé à 9h"', async () => {
    expect(await rows('Nadia arrivée à 9h.', '08:00')).toEqual(['nadia:late:null:60']);
    expect(await rows('Nadia arrivée à 9h.')).toEqual(['nadia:late:null:null']);
    expect(await rows('Nadia arrivée à 8h.')).toEqual(['nadia:present:null:null']);
  });

  it('tells excused from unexcused', async () => {
    expect(await rows("Pierre absent, rdv prévu, il m'avait prévenu. Greg pas venu, pas de nouvelles. Rose en congé. Nadia absente.")).toEqual([
      'greg:absent:false:null', 'nadia:absent:null:null', 'pierre:absent:true:null', 'rose:absent:true:null',
    ]);
  });

  it('reads early departures', async () => {
    expect(await rows('Rose partie 1h plus tôt elle avait prévenu. Greg parti à 15h sans rien dire.')).toEqual([
      'greg:left_early:false:null', 'rose:left_early:true:60',
    ]);
  });

  it('keeps one status per person: a late arrival is not also present; "de retour" is present', async () => {
    expect(await rows("Tout le monde était là. Momo est arrivé en retard. Pierre de retour aujourd'hui.")).toEqual([
      'greg:present:null:null', 'momo:late:null:null', 'nadia:present:null:null', 'pierre:present:null:null', 'rose:present:null:null',
    ]);
  });

  it('reads "était présent" for the whole team, for a salarié, and not for a visitor', async () => {
    expect(await rows('Ce matin toute l’équipe était présente sauf Momo.')).toEqual([
      'greg:present:null:null', 'momo:absent:null:null', 'nadia:present:null:null', 'pierre:present:null:null', 'rose:present:null:null',
    ]);
    expect(await rows('La gardienne était présente pour la visite. Greg était présent dès 7h.')).toEqual(['greg:present:null:null']);
  });

  it('reads "a dû partir" and a departure to the doctor as early departures', async () => {
    expect(await rows('Nadia a dû partir en fin de matinée.')).toEqual(['nadia:left_early:null:null']);
    expect(await rows('Greg est reparti voir le médecin vers onze heures.')).toEqual(['greg:left_early:true:null']);
  });

  it('reads "pas là ce matin… arrivé à midi" as a lateness, not an absence', async () => {
    expect(await rows("euh Greg il était pas là ce matin il est arrivé à midi sans prévenir")).toEqual(['greg:late:false:null']);
  });

  it('ignores people merely described at work and absences announced for later', async () => {
    expect(await rows('Greg et Momo étaient en collecte. Pierre sera absent demain.')).toEqual([]);
  });

  it('records a ponctualite observation only when the lateness is characterised', async () => {
    const once = await extract('Greg en retard.');
    const again = await extract("Greg encore en retard, c'est la 3e fois cette semaine.");
    expect(once.observations).toEqual([]);
    expect(again.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['greg:ponctualite:negative']);
  });
});

describe('attendance phrasings', () => {
  it.each([
    ["Greg n'est pas venu aujourd'hui", ['greg:absent:null']],
    ['Nadia a appelé, elle est malade', ['nadia:absent:true']],
    ["Greg en arrêt jusqu'à vendredi", ['greg:absent:true']],
    ['Momo a séché', ['momo:absent:false']],
    ['Greg est arrivé avec une demi-heure de retard', ['greg:late:null']],
    ['Nadia est partie à midi pour un rendez-vous médical', ['nadia:left_early:true']],
    ['Momo a quitté le chantier à 14h sans rien dire', ['momo:left_early:false']],
    ['Greg est revenu de congé', ['greg:present:null']],
    ['Nadia était bien là ce matin', ['nadia:present:null']],
    ['Greg est reparti chez lui à 10h, il se sentait mal', ['greg:left_early:true']],
    ['Greg pas là, Nadia en retard de 5 min', ['greg:absent:null', 'nadia:late:null']],
    ['Momo est arrivé en retard, panne de réveil', ['momo:late:null']],
  ])('%s → %s', async (note, expected) => {
    const out = await extract(note);
    expect(out.attendance.map((a) => `${a.person}:${a.status}:${a.excused}`).sort()).toEqual([...expected].sort());
  });
});

describe('what is said about someone else', () => {
  it('does not make a salarié absent or ill because a relative is', async () => {
    const out = await extract('Nadia a pleuré ce matin, son fils est hospitalisé. Sa mère est malade.');
    expect(out.attendance).toEqual([]);
    expect(out.observations.filter((o) => o.category === 'sante' && o.evidence.includes('hospitalisé'))).toEqual([]);
    expect(out.observations.map((o) => o.category)).toContain('contraintes_familiales');
  });

  it('keeps the reason of an absence in attendance only', async () => {
    const out = await extract('Greg absent, sa fille est malade.');
    expect(out.attendance.map((a) => `${a.person}:${a.status}:${a.excused}`)).toEqual(['greg:absent:true']);
    expect(out.observations).toEqual([]);
  });

  it('reads a bare list of names followed by « là » as present, typed with or without its accent', async () => {
    expect(await rows('Kenza et Franck là. Greg Nadia Rose la, Momo en congé.')).toEqual([
      'franck:present:null:null', 'greg:present:null:null', 'kenza:present:null:null', 'momo:absent:true:null', 'nadia:present:null:null', 'rose:present:null:null',
    ]);
  });

  it('keeps an absence when a participle other than « -é » follows « pas »: « absent pas prévenu »', async () => {
    expect(await rows('Greg absent pas prévenu. Rose absente pas venue la veille non plus.')).toEqual(['greg:absent:false:null', 'rose:absent:null:null']);
  });

  it('reads « toujours en arrêt » as « still », not as a habit, while « toujours en retard » stays one', async () => {
    const still = await extract('Pierre tjs en arrêt cette semaine. Nadia toujours pas là.');
    expect(still.observations).toEqual([]);
    const habit = await extract('Greg toujours en retard, 10 min ce matin.');
    expect(habit.observations.map((o) => `${o.person}:${o.category}`)).toEqual(['greg:ponctualite']);
  });

  it('keeps the one-off trouble told as the excuse of a lateness in attendance, not as a frein', async () => {
    const said = await extract("Momo arrivé à 9h30, il m'a dit que sa voiture avait pas voulu démarrer.");
    expect(said.attendance.map((a) => `${a.person}:${a.status}`)).toEqual(['momo:late']);
    expect(said.observations).toEqual([]);
    const warned = await extract('Rose en retard de 15 minutes métro arrêté elle a prévenu par téléphone.');
    expect(warned.observations).toEqual([]);
    // A situation that lasts is still a frein, even next to a lateness.
    const lasting = await extract("Greg en retard de 20 minutes, il m'a dit qu'il a plus de voiture depuis un mois.");
    expect(lasting.observations.map((o) => `${o.person}:${o.category}`)).toContain('greg:mobilite');
  });

  it('keeps a name after « sauf » absent when a pronoun about them follows, and their reason in attendance', async () => {
    const out = await extract('Tout le monde là sauf Rose elle avait rendez-vous à la préfecture pour ses papiers.');
    expect(out.attendance.filter((r) => r.person === 'rose').map((r) => `${r.status}:${r.excused}`)).toEqual(['absent:true']);
    expect(out.attendance.filter((r) => r.person === 'greg').map((r) => r.status)).toEqual(['present']);
    expect(out.observations).toEqual([]);
    const typed = await extract('tt le monde la sauf Greg il a eu un rdv a pole emploi');
    expect(typed.attendance.filter((r) => r.person === 'greg').map((r) => r.status)).toEqual(['absent']);
  });

  it('does not read « venue me chercher » or « depuis qu’elle est arrivée » as today’s presence', async () => {
    expect((await extract('Kenza est venue me chercher quand la friteuse a fumé.')).attendance).toEqual([]);
    expect((await extract('Nadia ne s’est jamais plainte depuis qu’elle est arrivée chez nous.')).attendance).toEqual([]);
    // An arrival told for today still counts.
    expect((await extract('Nadia est arrivée à 8h comme d’habitude.')).attendance.map((r) => r.status)).toEqual(['present']);
  });

  it('carries the author’s object over « puis » to a participle with no subject: « je l’ai mis au rangement puis renvoyé chez lui »', async () => {
    const out = await extract("Greg avait les yeux rouges ce matin. Je l'ai mis au rangement puis renvoyé chez lui vers 11h.");
    expect(out.attendance.map((r) => `${r.person}:${r.status}`)).toEqual(['greg:left_early']);
    // Without a participle, the clause after « puis » says nothing about him.
    const other = await extract("Greg est arrivé à l'heure. Je l'ai mis au rangement puis on a fini le mur.");
    expect(other.attendance.map((r) => `${r.person}:${r.status}`)).toEqual(['greg:present']);
  });

  it('keeps a one-off trouble said with a lateness, without « car », as its reason', async () => {
    for (const note of ['Franck en retard, sa voiture était en panne.', 'Kenza arrivée en retard de dix minutes, métro en panne.', 'Nadia en retard : bus en retard ce matin.']) {
      const out = await extract(note);
      expect(out.attendance.map((a) => a.status)).toEqual(['late']);
      expect(out.observations).toEqual([]);
    }
    // Told in another sentence, or lasting, the situation is still a frein.
    const apart = await extract('Franck en retard ce matin. Sa voiture est en panne, il habite loin de tout bus.');
    expect(apart.observations.map((o) => `${o.person}:${o.category}`)).toContain('franck:mobilite');
    const lasting = await extract('Kenza en retard, elle a plus de scooter depuis deux semaines.');
    expect(lasting.observations.map((o) => `${o.person}:${o.category}`)).toContain('kenza:mobilite');
  });

  it('reads « toujours à l’heure » as praise, not as today’s presence, and « de retour après X jours d’absence » as present', async () => {
    const praise = await extract('Nadia toujours à l’heure depuis le début du contrat.');
    expect(praise.attendance).toEqual([]);
    expect(pairs(praise.observations, 'category')).toEqual(['nadia:ponctualite']);
    const back = await extract('Greg de retour après une semaine d’absence.');
    expect(pairs(back.attendance, 'status')).toEqual(['greg:present']);
  });
});
