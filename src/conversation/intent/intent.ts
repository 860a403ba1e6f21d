import type { DraftSection } from '../../core/domain/draft-edits.js';
import type { NotePeriod } from '../../core/use-cases/list-shift-notes/list-shift-notes.js';

/** What a user asks, in platform-neutral terms. */
export type Intent =
  | { readonly kind: 'help' }
  | { readonly kind: 'smalltalk'; readonly topic: 'hello' | 'thanks' | 'bye' | 'howareyou' }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'confirm-draft' }
  | { readonly kind: 'discard-draft' }
  | { readonly kind: 'swap-person'; readonly from: string; readonly to: string }
  | { readonly kind: 'remove-line'; readonly section: DraftSection; readonly position: number | 'last' }
  | { readonly kind: 'append-to-draft'; readonly text: string }
  | { readonly kind: 'session-request'; readonly text: string }
  | { readonly kind: 'session-outcome'; readonly text: string }
  /** « attestation de compétences de Lucas », `/relais attestation Lucas`: the text names the salarié. */
  | { readonly kind: 'attestation-request'; readonly text: string }
  | { readonly kind: 'summary-request'; readonly text: string }
  /** « prod de la semaine », `/relais prod semaine [équipe]`: the production log. */
  | { readonly kind: 'production-log'; readonly period: 'day' | 'week' | 'month'; readonly team: string }
  /** « objectif pour Nadia : passer le code d'ici mars » (CIP, direction). */
  | { readonly kind: 'objective'; readonly text: string }
  /** `/relais rgpd export|effacer <personne>`, « exporte les données de Lucas » (direction, admin; issue #11). */
  | { readonly kind: 'gdpr'; readonly command: 'export' | 'erase'; readonly text: string }
  | { readonly kind: 'list-notes'; readonly period: NotePeriod }
  | { readonly kind: 'cancel-note'; readonly which: 'today' | 'yesterday' | 'last' }
  | { readonly kind: 'link'; readonly userId: string; readonly personName: string }
  /** `/relais équipe lier [#canal] [équipe]`. */
  | { readonly kind: 'bind-channel'; readonly channel?: string; readonly teamKey?: string }
  /** `/relais équipe réglages …`, `/relais digest aperçu|publier …`, `/relais rappels oui|non` (issue #10). */
  | { readonly kind: 'schedule'; readonly command: 'team-settings' | 'digest-preview' | 'digest-post' | 'reminders'; readonly args: string }
  | { readonly kind: 'command'; readonly name: string; readonly args: string }
  | { readonly kind: 'unknown'; readonly text: string };

export interface IntentContext {
  /** The user has a draft waiting for confirmation. */
  readonly hasDraft: boolean;
  /** Notes are written by encadrants (and direction, who may stand in). */
  readonly canWriteNotes: boolean;
}
