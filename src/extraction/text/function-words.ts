/**
 * Closed classes of French grammar words, folded. Grammar rather than
 * vocabulary, so they live in code; the open vocabulary is in lexicon/.
 */
const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

export const SUBJECT_PRONOUNS = set('il elle ils elles je on nous');
export const IMPERSONAL = set("ce c' ca cela");
export const OBJECT_PRONOUNS = set("le la lui les leur l'");
export const PREPOSITIONS = set("a de du des d' avec par pour chez sauf entre contre vers sur sans excepte hormis envers aupres selon apres avant pendant depuis dans en au aux comme");
export const COORDINATORS = set('et ou ni');
export const CLAUSE_CONJUNCTIONS = set('et mais donc puis car alors');
export const SUBORDINATORS = set("que qu' si s' quand lorsque comme ou parce puisque dont quoique");
export const DETERMINERS = set("le la les l' un une des du ce cet cette ces mon ma mes ton ta tes notre nos votre vos quelques plusieurs aucun aucune chaque");
export const POSSESSIVES = set('son sa ses leur leurs');
export const AUXILIARIES = set("a ai as avait avais avaient avons avez ont est suis es etait etaient sont ete eu etre avoir");
export const TITLES = set('m mr mme mmes madame monsieur mlle mademoiselle dr docteur me maitre');
export const PLACE_WORDS = set('rue avenue boulevard bd place parc square allee impasse chemin route lycee college ecole stade gymnase residence cite quartier bois foret saint sainte st ste salle centre maison mairie eglise hopital clinique pont quai gare marche zone');
export const STOPWORDS = set(
  "a au aux avec ce ces cet cette dans de des du elle elles en et est eu il ils je la le les leur lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses si son sur ta te tes toi ton tu un une vos votre vous y ca ci la ici oui non bon bien tout tous toute toutes plus moins tres trop peu",
);
/** Starts of a clock time or a duration ("à 9h", "vers dix heures") and of approximate quantities. */
export const TIME_PREPOSITIONS = set('a vers des jusqu jusque avant apres entre de');
