import { dateTimeFormat } from '../core/intl-cache.js';
import type { Locale } from './translator.js';

const tag = (locale: Locale): string => (locale === 'fr' ? 'fr-FR' : 'en-GB');

/** A YYYY-MM-DD date as people read it: « 1 mars 2027 ». */
export const formatDate = (date: string, locale: Locale): string =>
  dateTimeFormat(tag(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** A YYYY-MM month, short: « sept. 2026 ». */
export const formatMonth = (month: string, locale: Locale): string =>
  dateTimeFormat(tag(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
