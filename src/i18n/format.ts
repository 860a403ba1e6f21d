import type { Locale } from './translator.js';

// Building an Intl formatter costs far more than using one: documents format hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, kind: 'date' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}/${kind}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', kind === 'date'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', year: 'numeric', timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** A YYYY-MM-DD date as people read it: « 1 mars 2027 ». */
export const formatDate = (date: string, locale: Locale): string => formatter(locale, 'date').format(new Date(`${date}T12:00:00Z`));

/** A YYYY-MM month, short: « sept. 2026 ». */
export const formatMonth = (month: string, locale: Locale): string => formatter(locale, 'month').format(new Date(`${month}-15T12:00:00Z`));
