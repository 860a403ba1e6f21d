/**
 * The Carnet de bord reference lists (situations, objectives, actions per
 * theme), loaded at run time from the shared TSV when present; the themes
 * below keep Relais working when it is absent.
 */
export interface CarnetReferential {
  /** Objective themes (ref_target), in file order. */
  readonly themes: readonly string[];
  readonly targets: Readonly<Record<string, readonly string[]>>;
  readonly actions: Readonly<Record<string, readonly string[]>>;
  readonly situations: Readonly<Record<string, readonly string[]>>;
  /** True when read from the reference file, false for the built-in fallback. */
  readonly fromFile: boolean;
}

export const FALLBACK_THEMES = [
  'choisir_un_metier', 'contraintes_familiales', 'creer_une_entreprise', 'difficulte_administrative', 'difficulte_financiere',
  'logement', 'maitrise_langue', 'mobilite', 'numerique', 'preparer_sa_candidature', 's_ouvrir_a_l_international', 'sante',
  'se_former', 'trouver_un_emploi',
] as const;

export const fallbackReferential: CarnetReferential = { themes: FALLBACK_THEMES, targets: {}, actions: {}, situations: {}, fromFile: false };

export interface CarnetReferentialSource {
  load(): Promise<CarnetReferential>;
}
