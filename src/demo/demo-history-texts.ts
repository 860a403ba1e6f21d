/** Invented, factual, non-judgemental notes as ETI write them, for the demo and the benchmark. */
export const OBSERVATION_TEXTS: Readonly<Record<string, { positive: readonly string[]; negative: readonly string[] }>> = {
  ponctualite: {
    positive: ["à l'heure toute la semaine", 'arrivé en avance pour préparer le matériel', 'ponctuel ce matin malgré la pluie'],
    negative: ['arrivé en retard de 20 minutes', 'encore en retard ce matin, bus raté', 'retard de 10 minutes après la pause'],
  },
  consignes: {
    positive: ['a bien suivi les consignes de tri', 'a relu la fiche de poste avant de commencer'],
    negative: ["n'a pas respecté les consignes de tri", 'a commencé sans attendre les consignes'],
  },
  securite: {
    positive: ["porte ses EPI sans qu'on le rappelle", 'a balisé la zone avant de débroussailler'],
    negative: ['a retiré ses gants sur le chantier', 'a oublié ses lunettes de protection'],
  },
  qualite: {
    positive: ['travail soigné sur la haie', 'finitions propres sur le massif', 'tri impeccable des textiles'],
    negative: ['travail bâclé en fin de journée', 'a laissé des déchets sur le site'],
  },
  equipe: {
    positive: ['aide spontanément les collègues', 'a expliqué le geste à un nouveau'],
    negative: ["s'est isolé de l'équipe à la pause", 'tension avec un collègue au dépôt'],
  },
  autonomie: {
    positive: ['a organisé seul le chantier du matin', 'a pris l’initiative de ranger le camion'],
    negative: ["attend qu'on lui dise quoi faire", 'a besoin d’être relancé pour chaque tâche'],
  },
  motivation: {
    positive: ["m'a dit qu'il veut continuer dans le métier", 'demande à apprendre la taille', "m'a expliqué qu'il vise le CACES"],
    negative: ['semble fatigué et démotivé cette semaine', "m'a dit qu'il ne voit pas l'intérêt de la formation"],
  },
};

/** Confidential observations: freins (restricted) and health (special). */
export const FREIN_TEXTS: ReadonlyArray<{ category: string; sensitivity: 'restricted' | 'special'; text: string }> = [
  { category: 'logement', sensitivity: 'restricted', text: "m'a dit qu'il dort chez un ami en ce moment" },
  { category: 'mobilite', sensitivity: 'restricted', text: 'pas de bus le samedi, a dû venir à pied' },
  { category: 'contraintes_familiales', sensitivity: 'restricted', text: 'doit partir plus tôt pour récupérer ses enfants' },
  { category: 'difficulte_financiere', sensitivity: 'restricted', text: "m'a dit avoir du mal à finir le mois" },
  { category: 'sante', sensitivity: 'special', text: 'douleurs au dos, a demandé à changer de poste' },
];

export const SKILLS_BY_TRADE: Readonly<Record<string, readonly string[]>> = {
  espaces_verts: ['Tonte', 'Taille de haies', 'Débroussaillage'],
  recyclerie: ['Tri des textiles', 'Tenue de caisse', 'Test des appareils électriques'],
  batiment: ['Peinture', 'Préparation des supports'],
  nettoyage: ['Nettoyage des surfaces', 'Dosage des produits'],
  maraichage: ['Semis', 'Récolte'],
  restauration: ['Mise en place', 'Plonge'],
  autre: ['Port des EPI', 'Rangement du poste'],
};

export const SELF_ASSESSMENTS = ['Je me sens plus à l’aise', 'Je ne suis pas encore sûr de moi', 'Je veux aller plus vite', 'Ça devient facile'];

export const SITUATIONS = [
  { theme: 'mobilite', kind: 'frein', label: 'Dépendant des transports en commun', intensity: '+' },
  { theme: 'logement', kind: 'frein', label: 'Hébergé chez un tiers', intensity: '++' },
  { theme: 'difficulte_financiere', kind: 'frein', label: 'Difficulté dans la gestion d’un budget', intensity: '-' },
  { theme: 'numerique', kind: 'frein', label: 'Pas d’accès à un ordinateur', intensity: '+' },
  { theme: 'mobilite', kind: 'atout', label: 'Permis B', intensity: null },
  { theme: 'maitrise_langue', kind: 'atout', label: 'Bilingue arabe-français', intensity: null },
] as const;

export const OBJECTIVES = [
  { theme: 'mobilite', label: 'Obtenir le permis de conduire (code / conduite)', action: 'Bourse au permis' },
  { theme: 'logement', label: 'Accéder à un logement', action: 'Demande de logement social' },
  { theme: 'preparer_sa_candidature', label: 'Réaliser un CV et/ou une lettre de motivation', action: 'Atelier CV' },
  { theme: 'se_former', label: 'Trouver sa formation', action: 'Rendez-vous avec un organisme de formation' },
  { theme: 'trouver_un_emploi', label: 'Répondre à des offres d’emploi', action: 'Inscription sur les emplois de l’inclusion' },
] as const;

export const SALARIE_VIEWS = [
  'Je veux continuer dans les espaces verts', 'Je me sens mieux intégré dans l’équipe', 'Je voudrais passer le permis avant la fin du contrat',
  'J’ai besoin de plus de temps pour le logement',
];
