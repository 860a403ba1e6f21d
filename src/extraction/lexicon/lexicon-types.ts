import type {
  AlertTopic, AttendanceStatus, IncidentKind, ObservationCategory, Polarity, Unit,
} from '../../core/domain/taxonomy.js';
import type { Phrase, PhraseSet } from './phrase-set.js';

export type Target = 'sujet' | 'objet';

/** A phrase that states a fact about a salarié (observation) or the shift (incident), or one to ignore. */
export type FactPhrase = Phrase & (
  | { readonly type: 'observation'; readonly category: ObservationCategory; readonly polarity: Polarity; readonly target: Target }
  | { readonly type: 'incident'; readonly kind: IncidentKind; readonly withPersons: boolean }
  | { readonly type: 'ignore' }
);
export type CuePhrase = Phrase & { readonly polarity: 'positive' | 'negative' };
/** "arrivee" is an arrival whose status depends on the time ("arrivé à 9h15"). */
export type PresencePhrase = Phrase & {
  readonly status: AttendanceStatus | 'arrivee' | 'ignore';
  readonly onNegation: AttendanceStatus | null;
  readonly target: Target;
};
export type ExcusePhrase = Phrase & { readonly excused: boolean | null };
/** An alert phrase; `incident` and `observation` are what the contract adds with it (an injury is also an accident and a sante observation). */
export type AlertPhrase = Phrase & {
  readonly topic: AlertTopic | 'ignore';
  /**
   * auteur: the subject does it (or suffers it when no roster subject); victime: the subject suffers it; objet: the person
   * acted on suffers it; secours: help called (« pompiers », « aux urgences »), read like auteur but only when the sentence
   * names no medical emergency of that person (a malaise and the firemen who came for it are one emergency, not an injury).
   */
  readonly role: 'auteur' | 'victime' | 'objet' | 'secours';
  readonly incident: IncidentKind | null;
  readonly observation: ObservationCategory | null;
};
export type UnitPhrase = Phrase & { readonly unit: Unit; readonly factor: number };
export type ActivityPhrase = Phrase & { readonly activity: string };
export type MarkerPhrase = Phrase & { readonly role: 'remplissage' | 'rupture' | 'liaison' | 'locution' };
export type PlainPhrase = Phrase;

/** The French lexicon, loaded once from lexicon/ (data a domain expert can read and extend). */
export interface Lexicon {
  readonly abbreviations: ReadonlyMap<string, string>;
  readonly markers: PhraseSet<MarkerPhrase>;
  readonly facts: PhraseSet<FactPhrase>;
  readonly cues: PhraseSet<CuePhrase>;
  readonly presence: PhraseSet<PresencePhrase>;
  readonly excuses: PhraseSet<ExcusePhrase>;
  readonly habits: PhraseSet<PlainPhrase>;
  readonly future: PhraseSet<PlainPhrase>;
  readonly alerts: PhraseSet<AlertPhrase>;
  readonly units: PhraseSet<UnitPhrase>;
  readonly activities: PhraseSet<ActivityPhrase>;
  /** Stems of nouns counted as pieces ("sacs", "meubles", "repas"). */
  readonly countNouns: ReadonlySet<string>;
  /** Stems of nouns that are never production after a number (time, people, money, places). */
  readonly nonProduction: ReadonlySet<string>;
  /** Folded first names → 'm' | 'f' (pronoun agreement). */
  readonly firstNames: ReadonlyMap<string, 'm' | 'f'>;
  /** Folded nouns of people off the roster ("habitant", "cliente", "jeune") → their gender, null when the determiner tells it. */
  readonly outsiders: ReadonlyMap<string, 'm' | 'f' | null>;
  /** Folded nouns of body parts (« pied », « doigts »), for `#corps`: an injury done to a part of someone. */
  readonly bodyParts: ReadonlySet<string>;
  /** Folded common words that are also names ("pierre", "rose", "petit"): a capital letter is required. */
  readonly commonWords: ReadonlySet<string>;
  /** Lines that could not be read, "file:line: reason"; empty for a healthy lexicon. */
  readonly problems: readonly string[];
}
