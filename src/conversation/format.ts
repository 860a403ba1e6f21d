import type { Locale, Translate } from '../i18n/translator.js';
import type { RosterEntry } from '../core/domain/roster.js';
import { dateTimeFormat, numberFormat } from '../core/intl-cache.js';

/** "lundi 2 novembre" from a YYYY-MM-DD business date. */
export function formatDate(date: string, locale: Locale): string {
  return dateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
    .format(new Date(`${date}T12:00:00Z`));
}

export function formatQuantity(quantity: number, locale: Locale): string {
  return numberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(quantity);
}

/** Names as shown to the author and the CIP: full name; unknown ids never leak as raw ids. */
export function nameOf(roster: readonly RosterEntry[], id: string | null, t: Translate): string {
  if (id === null) return t('name.nobody');
  const p = roster.find((r) => r.id === id);
  return p ? `${p.firstName} ${p.lastName}`.trim() : t('name.unknown_person');
}

/** First names only, for team channels. */
export function firstNameOf(roster: readonly RosterEntry[], id: string): string | null {
  return roster.find((r) => r.id === id)?.firstName ?? null;
}

/** Shortens a quote for display without cutting a word in half. */
export function shorten(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
