import { extract, pairs } from './helpers.js';

/** One plain sentence per category and polarity of the observation grid, as encadrants write them. */
const cases: Array<[string, string]> = [
  ['Greg arrive toujours pile à l’heure', 'greg:ponctualite:positive'],
  ['Nadia a encore oublié le planning, c’est la troisième fois', 'nadia:consignes:negative'],
  ['Greg ne respecte pas les horaires de pause', 'greg:consignes:negative'],
  ['Nadia porte toujours ses EPI sans qu’on lui demande', 'nadia:securite:positive'],
  ['Greg a laissé la tronçonneuse tourner sans surveillance', 'greg:securite:negative'],
  ['Nadia travail très soigné sur les massifs', 'nadia:qualite:positive'],
  ['Greg a bâclé le désherbage, tout est à refaire', 'greg:qualite:negative'],
  ['Nadia a fini avant tout le monde, super efficace', 'nadia:rythme:positive'],
  ['Greg est très lent, il traîne', 'greg:rythme:negative'],
  ['Nadia s’est débrouillée seule toute l’après-midi', 'nadia:autonomie:positive'],
  ['Greg attend toujours qu’on lui dise quoi faire', 'greg:autonomie:negative'],
  ['Nadia a aidé ses collègues à finir le chantier', 'nadia:equipe:positive'],
  ['Greg s’est isolé toute la journée, il parle à personne', 'greg:equipe:negative'],
  ['Nadia a été insolente avec moi quand je lui ai fait une remarque', 'nadia:relation:negative'],
  ['Greg a bien accepté mes remarques, il est resté calme', 'greg:relation:positive'],
  ['Nadia est très motivée, elle pose plein de questions', 'nadia:motivation:positive'],
  ['Greg n’avait aucune envie de travailler aujourd’hui', 'greg:motivation:negative'],
  ['Nadia sait maintenant régler la tondeuse toute seule', 'nadia:technique:positive'],
  ['Greg ne sait toujours pas affûter une chaîne', 'greg:technique:negative'],
  ['Nadia parle couramment anglais et arabe', 'nadia:atout:positive'],
  ['Greg a eu son permis B', 'greg:mobilite:positive'],
  ['Nadia n’a plus de voiture, elle vient à pied', 'nadia:mobilite:negative'],
  ['Greg est hébergé chez un ami depuis sa séparation', 'greg:logement:negative'],
  ['Nadia a des douleurs au dos depuis lundi', 'nadia:sante:negative'],
  ['Greg doit récupérer ses enfants à 16h30 tous les jours', 'greg:contraintes_familiales:neutral'],
  ['Nadia n’arrive pas à payer ses factures', 'nadia:difficulte_financiere:negative'],
  ['Greg attend toujours sa carte vitale', 'greg:difficulte_administrative:negative'],
  ['Nadia ne sait ni lire ni écrire', 'nadia:maitrise_langue:negative'],
  ['Greg n’a pas d’adresse mail', 'greg:numerique:negative'],
  ['Nadia a une convocation au tribunal le 12', 'nadia:justice:neutral'],
  ['Greg a trouvé un appartement, il signe le bail lundi', 'greg:logement:positive'],
  ['Nadia fume du cannabis pendant la pause', 'nadia:sante:negative'],
  ['Greg a été très patient avec le nouveau', 'greg:equipe:positive'],
  ['Nadia a refusé de faire le nettoyage', 'nadia:relation:negative'],
  ['Greg commence à prendre des initiatives', 'greg:autonomie:positive'],
  ['Nadia a formé Greg à la ponceuse', 'nadia:equipe:positive'],
  ['Rose a expliqué à Momo comment trier les métaux', 'rose:equipe:positive'],
  ['Momo traduit pour les nouveaux arrivants', 'momo:equipe:positive'],
  ['Pierre a du mal à boucler ses fins de mois, son frigo est souvent vide', 'pierre:difficulte_financiere:negative'],
  // Everyday idioms of encadrants (third fresh set round).
  ['Rose était au taquet toute la matinée sur le désherbage', 'rose:motivation:positive'],
  ['Greg joue sur son portable au lieu de bosser', 'greg:motivation:negative'],
  ['Momo complètement à la ramasse sur le chantier ce matin', 'momo:rythme:negative'],
  ['Nadia a terminé ses plinthes bien avant les autres', 'nadia:rythme:positive'],
  ['Pierre a vite pris le coup de main pour le jointoiement', 'pierre:technique:positive'],
  ['Rose a le coup de main maintenant pour enduire', 'rose:technique:positive'],
  ['Greg a rangé tout le camion de lui même', 'greg:autonomie:positive'],
  ['Nadia a balayé le dépôt sans que je lui demande', 'nadia:autonomie:positive'],
  ['Momo parle plus avec les collègues qu’au début', 'momo:equipe:positive'],
  ['Rose s’est fait chambrer toute la journée mais elle a pris sur elle', 'rose:relation:positive'],
  ['Pierre a posé ses montants bien d’équerre', 'pierre:qualite:positive'],
  ['Greg a fait le ponçage à moitié', 'greg:qualite:negative'],
  ['Nadia a posé les carreaux de travers', 'nadia:qualite:negative'],
  ['Greg a encore oublié ses lunettes, je lui ai dit 4 fois', 'greg:consignes:negative'],
  ['Momo comprend bien quand je lui explique les plans', 'momo:consignes:positive'],
  ['Nadia demande tout le temps ce qu’elle peut faire après sa tâche', 'nadia:motivation:positive'],
];

describe('observation categories', () => {
  it.each(cases)('%s → %s', async (note, expected) => {
    const out = await extract(note);
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toContain(expected);
  });

  it('reads a professional licence (poids lourd, CACES) as an atout, and the car licence as mobility', async () => {
    const cat = async (note: string) => pairs((await extract(note)).observations, 'category');
    expect(await cat('Franck a le permis poids lourd, il pourra conduire le camion de collecte.')).toEqual(['franck:atout']);
    expect(await cat('Kenza a obtenu son CACES chariot la semaine dernière.')).toEqual(['kenza:atout']);
    expect(await cat('Franck a eu son permis B ce matin.')).toEqual(['franck:mobilite']);
  });

  it('reads « fait (pas) attention à » the work as care (qualite), and to safety as safety', async () => {
    const obs = async (note: string) => (await extract(note)).observations.map((o) => `${o.person}:${o.category}:${o.polarity}`);
    expect(await obs('Kenza fait pas attention aux dates quand elle range la chambre froide.')).toEqual(['kenza:qualite:negative']);
    expect(await obs('Franck fait bien attention aux finitions.')).toEqual(['franck:qualite:positive']);
    expect(await obs('Greg fait jamais attention à la sécurité.')).toEqual(['greg:securite:negative']);
  });

  it('does not read "droit" (straight, right-hand) as rights', async () => {
    const out = await extract('Greg marchait pas droit en revenant de la pause, il a pris à droite au lieu de suivre.');
    expect(out.observations.filter((o) => o.category === 'difficulte_administrative')).toEqual([]);
  });

  it('reads « tout seul » next to caring for a relative as a family duty, not as autonomy', async () => {
    const out = await extract("Nadia s'occupe toute seule de son grand-père le week-end.");
    expect(out.observations.map((o) => `${o.person}:${o.category}`)).toEqual(['nadia:contraintes_familiales']);
  });

  it('does not read « faut lui montrer / expliquer » as help given to a colleague', async () => {
    const out = await extract('Greg a du mal avec les instructions, faut lui expliquer plusieurs fois.');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['greg:consignes:negative']);
  });

  it('gives progress « en français » or « en calcul » to the language, not to a professional gesture', async () => {
    const out = await extract('Kenza progresse vraiment en calcul depuis le mois dernier.', 'eti2');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['kenza:maitrise_langue:positive']);
  });

  it('reads « c’est un progrès » as a comment on the fact before it, not as technique', async () => {
    const out = await extract("Franck a rangé son poste tout seul à la fin du service, c'est un progrès.", 'eti2');
    expect(out.observations.map((o) => `${o.person}:${o.category}`)).toEqual(['franck:autonomie']);
  });

  it('reads « respecter » a rule or a marking as following it, not as politeness', async () => {
    const out = await extract('Rose a bien respecté le périmètre de sécurité autour de la tranchée.');
    expect(out.observations.filter((o) => o.category === 'relation')).toEqual([]);
    const polite = await extract('Nadia respecte ses collègues, toujours un mot gentil.');
    expect(polite.observations.map((o) => `${o.person}:${o.category}`)).toContain('nadia:relation');
  });

  it('reads « le fait bien » as good work and « se plaint de son genou » as health', async () => {
    const out = await extract('Greg a compris la méthode, maintenant il le fait bien. Nadia se plaint de son épaule depuis hier.');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`).sort()).toEqual(['greg:qualite:positive', 'nadia:sante:negative']);
  });

  it('does not praise autonomy for being alone in an unsafe gesture, and still does when the gesture is safe', async () => {
    const unsafe = await extract('Greg tout seul sur le toit sans casque, je l’ai fait redescendre.');
    expect(unsafe.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['greg:securite:negative']);
    const safe = await extract('Nadia a taillé la haie toute seule, bien équipée.');
    expect(safe.observations.map((o) => `${o.person}:${o.category}`)).toContain('nadia:autonomie');
  });

  it('does not read look-alikes of the new idioms: a look, a bike shed, tile joints, « ne parle plus », the author explaining', async () => {
    const look = await extract('Greg m’a regardé de travers quand je suis arrivé.');
    expect(look.observations.filter((o) => o.category === 'qualite')).toEqual([]);
    const shed = await extract('Pierre a repeint le local vélo de la résidence.');
    expect(shed.observations.filter((o) => o.category === 'mobilite')).toEqual([]);
    const joints = await extract('Nadia a refait les joints de la douche.');
    expect(joints.observations.filter((o) => o.category === 'sante')).toEqual([]);
    const silent = await extract('Momo parle plus avec personne depuis lundi.');
    expect(silent.observations.filter((o) => o.category === 'equipe' && o.polarity === 'positive')).toEqual([]);
    const author = await extract('Nadia comprend pas quand je lui explique le métré.');
    expect(author.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['nadia:consignes:negative']);
    const help = await extract('Greg a donné un coup de main à Rose pour décharger.');
    expect(help.observations.filter((o) => o.category === 'technique')).toEqual([]);
  });

  it('reads an unprompted safety gesture as safety, not as autonomy', async () => {
    const out = await extract('Pierre a mis ses lunettes de protection sans que je lui dise.');
    expect(out.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['pierre:securite:positive']);
  });

  it('gives « je lui ai dit » inside a sentence about someone to that person', async () => {
    const out = await extract('Rose avait pas mis ses gants alors que je lui ai dit trois fois. Greg était au poste d’à côté.');
    expect(out.observations.map((o) => `${o.person}:${o.category}`).sort()).toEqual(['rose:consignes', 'rose:securite']);
  });
});
