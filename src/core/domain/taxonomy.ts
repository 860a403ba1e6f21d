/**
 * Codes of the shared extraction contract (../shared/eval/README.md) and of
 * the field (../shared/domain/README.md). Codes stay French, as in the contract.
 */
export const BEHAVIOUR_CATEGORIES = [
  'ponctualite', 'assiduite', 'consignes', 'securite', 'qualite', 'rythme',
  'autonomie', 'equipe', 'relation', 'motivation', 'technique', 'atout',
] as const;

/** Freins (barriers): always confidential, never shown in a team channel. */
export const FREIN_CATEGORIES = [
  'mobilite', 'logement', 'sante', 'contraintes_familiales', 'difficulte_financiere',
  'difficulte_administrative', 'maitrise_langue', 'numerique', 'justice',
] as const;

/** GDPR art. 9 (health) and art. 10 (judicial matters). */
export const SPECIAL_CATEGORIES = ['sante', 'justice'] as const;

export const OBSERVATION_CATEGORIES = [...BEHAVIOUR_CATEGORIES, ...FREIN_CATEGORIES] as const;
export type ObservationCategory = (typeof OBSERVATION_CATEGORIES)[number];
export type FreinCategory = (typeof FREIN_CATEGORIES)[number];

export const POLARITIES = ['positive', 'negative', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const ATTENDANCE_STATUSES = ['present', 'absent', 'late', 'left_early'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const UNITS = ['m2', 'm', 'm3', 'kg', 't', 'l', 'h', 'piece'] as const;
export type Unit = (typeof UNITS)[number];

export const INCIDENT_KINDS = ['equipment', 'accident', 'conflict', 'safety', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const ALERT_TOPICS = [...FREIN_CATEGORIES, 'securite', 'violence'] as const;
export type AlertTopic = (typeof ALERT_TOPICS)[number];

export const ROLES = ['salarie', 'encadrant', 'cip', 'direction', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SIAE_KINDS = ['ACI', 'EI', 'AI', 'ETTI', 'EITI'] as const;
export type SiaeKind = (typeof SIAE_KINDS)[number];

export const SKILL_LEVELS = ['non_acquis', 'en_cours', 'acquis', 'maitrise', 'non_evalue'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_DIMENSIONS = ['maitrise', 'autonomie', 'frequence'] as const;
export type SkillDimension = (typeof SKILL_DIMENSIONS)[number];

export const OBJECTIVE_STATUSES = ['en_cours', 'realise', 'abandonne'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export const ACTION_STATUSES = [
  'en_projet', 'en_cours', 'realisee', 'en_attente', 'abandonnee_beneficiaire', 'annulee_structure',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const BILAN_KINDS = ['accueil', 'integration', 'intermediaire', 'prolongation', 'sortie'] as const;
export type BilanKind = (typeof BILAN_KINDS)[number];

export const NEED_INTENSITIES = ['++', '+', '-', '--'] as const;
export type NeedIntensity = (typeof NEED_INTENSITIES)[number];

export const EXIT_CATEGORIES = ['emploi_durable', 'emploi_transition', 'sortie_positive', 'autre'] as const;
export type ExitCategory = (typeof EXIT_CATEGORIES)[number];

export const TRADES = [
  'espaces_verts', 'recyclerie', 'batiment', 'nettoyage', 'maraichage', 'restauration', 'autre',
] as const;
export type Trade = (typeof TRADES)[number];
