import type { ObservationCategory } from '../domain/taxonomy.js';

/**
 * Observation categories that attest a savoir-être, with the France Travail label used on an
 * attestation and the CléA domain it maps to (4 teamwork and rules, 5 autonomy, 7 gestures and safety).
 */
export const SAVOIR_ETRE: Partial<Record<ObservationCategory, { label: string; cleaDomain: number }>> = {
  ponctualite: { label: 'Rigueur : ponctualité et assiduité', cleaDomain: 4 },
  assiduite: { label: 'Rigueur : ponctualité et assiduité', cleaDomain: 4 },
  consignes: { label: 'Respect des règles et des consignes', cleaDomain: 4 },
  equipe: { label: 'Travail en équipe', cleaDomain: 4 },
  relation: { label: 'Sens de la communication', cleaDomain: 4 },
  autonomie: { label: 'Autonomie', cleaDomain: 5 },
  motivation: { label: 'Persévérance et implication', cleaDomain: 5 },
  securite: { label: "Respect des règles d'hygiène et de sécurité", cleaDomain: 7 },
};
