import type { AttendanceStatus, IncidentKind, Polarity, Unit } from '../../core/domain/taxonomy.js';

/** The French words the lexicon files use in their columns, folded, and the contract codes they stand for. */
export const POLARITY_WORDS: Readonly<Record<string, Polarity>> = {
  positif: 'positive', positive: 'positive', '+': 'positive',
  negatif: 'negative', negative: 'negative', '-': 'negative',
  neutre: 'neutral', neutral: 'neutral', '=': 'neutral',
};
export const TARGET_WORDS: Readonly<Record<string, 'sujet' | 'objet'>> = { sujet: 'sujet', objet: 'objet' };
export const PRESENCE_WORDS: Readonly<Record<string, AttendanceStatus | 'arrivee' | 'ignore'>> = {
  present: 'present', absent: 'absent', retard: 'late', late: 'late', parti: 'left_early', left_early: 'left_early',
  arrivee: 'arrivee', ignorer: 'ignore',
};
export const INCIDENT_WORDS: Readonly<Record<string, IncidentKind>> = {
  materiel: 'equipment', equipment: 'equipment', accident: 'accident', conflit: 'conflict', conflict: 'conflict',
  securite: 'safety', safety: 'safety', autre: 'other', other: 'other',
};
export const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  m2: 'm2', m: 'm', m3: 'm3', kg: 'kg', t: 't', l: 'l', h: 'h', piece: 'piece',
};
export const YES_NO: Readonly<Record<string, boolean | null>> = { oui: true, non: false, ignorer: null };
