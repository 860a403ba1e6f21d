import {
  ALERT_TOPICS, OBSERVATION_CATEGORIES, type AlertTopic, type AttendanceStatus, type ObservationCategory,
} from '../../core/domain/taxonomy.js';
import { fold } from '../text/fold.js';
import type {
  ActivityPhrase, AlertPhrase, CuePhrase, ExcusePhrase, FactPhrase, MarkerPhrase, PresencePhrase, UnitPhrase,
} from './lexicon-types.js';
import { INCIDENT_WORDS, POLARITY_WORDS, PRESENCE_WORDS, UNIT_WORDS, YES_NO } from './lexicon-words.js';
import type { Pattern } from './pattern.js';
import type { TsvRow } from './tsv.js';

/** Why a lexicon line was skipped (reported by loadLexicon, checked by a test). */
export class Problem {
  constructor(readonly message: string) {}
}

/** Builds a phrase from one row of a lexicon file (columns: see each file's header). */
export type RowBuilder<P> = (row: TsvRow, pattern: Pattern) => P | Problem;

function lookup<T>(table: Readonly<Record<string, T>>, value: string, what: string): T | Problem {
  const key = fold(value);
  return Object.hasOwn(table, key) ? table[key]! : new Problem(`${what} inconnu(e) « ${value} »`);
}
const isCode = <T extends string>(codes: readonly T[], value: string): value is T => (codes as readonly string[]).includes(value);
const STATUSES: readonly AttendanceStatus[] = ['present', 'absent', 'late', 'left_early'];

export const observationRow = (category: ObservationCategory | 'ignore'): RowBuilder<FactPhrase> => (r, pattern) => {
  if (category === 'ignore') return { pattern, type: 'ignore' };
  const polarity = lookup(POLARITY_WORDS, r.get('polarite'), 'polarité');
  if (polarity instanceof Problem) return polarity;
  const target = fold(r.get('cible')) || 'sujet';
  if (target !== 'sujet' && target !== 'objet') return new Problem(`cible « ${r.get('cible')} » : sujet ou objet`);
  return { pattern, type: 'observation', category, polarity, target };
};

export const incidentRow: RowBuilder<FactPhrase> = (r, pattern) => {
  if (fold(r.get('type')) === 'ignorer') return { pattern, type: 'ignore' };
  const kind = lookup(INCIDENT_WORDS, r.get('type'), 'type');
  if (kind instanceof Problem) return kind;
  return { pattern, type: 'incident', kind, withPersons: fold(r.get('personnes')) !== 'non' };
};

export const cueRow: RowBuilder<CuePhrase> = (r, pattern) => {
  const polarity = lookup(POLARITY_WORDS, r.get('polarite'), 'polarité');
  if (polarity instanceof Problem) return polarity;
  return polarity === 'neutral' ? new Problem('un indice est positif ou négatif') : { pattern, polarity };
};

export const presenceRow: RowBuilder<PresencePhrase> = (r, pattern) => {
  const status = lookup(PRESENCE_WORDS, r.get('statut'), 'statut');
  if (status instanceof Problem) return status;
  const neg = r.get('si_negation') === '' ? null : lookup(PRESENCE_WORDS, r.get('si_negation'), 'statut');
  if (neg instanceof Problem) return neg;
  if (neg !== null && !isCode(STATUSES, neg)) return new Problem(`si_negation « ${r.get('si_negation')} »`);
  const target = fold(r.get('cible')) || 'sujet';
  if (target !== 'sujet' && target !== 'objet') return new Problem(`cible « ${r.get('cible')} »`);
  return { pattern, status, onNegation: neg, target };
};

export const excuseRow: RowBuilder<ExcusePhrase> = (r, pattern) => {
  const excused = lookup(YES_NO, r.get('justifie'), 'valeur');
  return excused instanceof Problem ? excused : { pattern, excused };
};

export const alertRow: RowBuilder<AlertPhrase> = (r, pattern) => {
  const topic = fold(r.get('sujet'));
  if (topic !== 'ignorer' && !isCode(ALERT_TOPICS, topic)) return new Problem(`sujet inconnu « ${r.get('sujet')} »`);
  const role = fold(r.get('role')) || 'auteur';
  if (role !== 'auteur' && role !== 'victime' && role !== 'objet' && role !== 'secours') return new Problem(`rôle « ${r.get('role')} » : auteur, victime, objet ou secours`);
  const incident = r.get('incident') === '' ? null : lookup(INCIDENT_WORDS, r.get('incident'), 'incident');
  if (incident instanceof Problem) return incident;
  const observation = fold(r.get('observation'));
  if (observation !== '' && !isCode(OBSERVATION_CATEGORIES, observation)) return new Problem(`observation inconnue « ${observation} »`);
  return {
    pattern, role, incident,
    topic: topic === 'ignorer' ? 'ignore' : (topic as AlertTopic),
    observation: observation === '' ? null : observation,
  };
};

export const unitRow: RowBuilder<UnitPhrase> = (r, pattern) => {
  const unit = lookup(UNIT_WORDS, r.get('unite'), 'unité');
  if (unit instanceof Problem) return unit;
  const factor = r.get('facteur') === '' ? 1 : Number(r.get('facteur').replace(',', '.'));
  return Number.isFinite(factor) && factor > 0 ? { pattern, unit, factor } : new Problem(`facteur « ${r.get('facteur')} »`);
};

export const activityRow: RowBuilder<ActivityPhrase> = (r, pattern) =>
  r.get('activite') ? { pattern, activity: r.get('activite') } : new Problem('activité vide');

export const markerRow: RowBuilder<MarkerPhrase> = (r, pattern) => {
  const role = fold(r.get('role'));
  return role === 'remplissage' || role === 'rupture' || role === 'liaison' || role === 'locution' ? { pattern, role } : new Problem(`rôle « ${r.get('role')} »`);
};
