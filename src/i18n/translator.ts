import { catalog } from './catalog/index.js';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: Params) => string;

/**
 * Everything a user reads goes through here: French first, English available.
 * A missing English text falls back to French; a missing key shows the key
 * (caught by the catalog test, never silently blank).
 */
export function createTranslator(locale: Locale): Translate {
  return (key, params) => {
    const template = catalog[locale][key] ?? catalog.fr[key] ?? key;
    return params === undefined
      ? template
      : template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
