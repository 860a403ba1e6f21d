const simplify = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Words that point to a Carnet de bord objective theme; the first theme that matches wins. */
const HINTS: ReadonlyArray<[RegExp, string]> = [
  [/\b(code|permis|conduite|voiture|vehicule|scooter|transport|bus|velo|mobilite|trajet|covoiturage)\b/, 'mobilite'],
  [/\b(logement|appartement|hebergement|loyer|hlm|bail|foyer|demenag\w*)\b/, 'logement'],
  [/\b(sante|medecin|soins?|mdph|rqth|invalidite|mutuelle|cmu|css|addiction|dependances?)\b/, 'sante'],
  [/\b(garde|creche|nourrice|enfants?|parentalite|aidant|famille)\b/, 'contraintes_familiales'],
  [/\b(budget|dettes?|endettement|surendettement|banque|compte bancaire|argent|impayes?|epargne)\b/, 'difficulte_financiere'],
  [/\b(papiers|titre de sejour|carte d'identite|caf|impots?|administratif\w*|droits|dossier|juridique|justice)\b/, 'difficulte_administrative'],
  [/\b(francais|lire|lecture|ecrire|ecriture|calcul|fle|alphabetisation)\b/, 'maitrise_langue'],
  [/\b(ordinateur|internet|numerique|smartphone|tablette|mail|email|courriel|en ligne)\b/, 'numerique'],
  [/\b(cv|lettre de motivation|candidatures?|reseau|linkedin)\b/, 'preparer_sa_candidature'],
  [/\b(formation|diplome|caces|qualification|certificat|titre professionnel|cap|cqp)\b/, 'se_former'],
  [/\b(metier|immersion|pmsmp|stage|decouvrir|orientation)\b/, 'choisir_un_metier'],
  [/\b(entreprise|auto-?entrepreneur|micro-?entreprise|creation)\b/, 'creer_une_entreprise'],
  [/\b(etranger|international)\b/, 's_ouvrir_a_l_international'],
  [/\b(emploi|cdi|cdd|embauche|travail|job|entretiens?|interim|recrut\w*)\b/, 'trouver_un_emploi'],
];

/** The likeliest theme of an objective's label among those known; null when nothing points to one. */
export function guessTheme(label: string, themes: readonly string[]): string | null {
  const text = simplify(label);
  for (const [pattern, theme] of HINTS) if (themes.includes(theme) && pattern.test(text)) return theme;
  return null;
}
