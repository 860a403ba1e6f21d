/** What names a person in free text: their names, aliases, e-mail and id. */
export interface MentionSource {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
  readonly email: string | null;
}

/** The terms to look for, longest first so "Mariama Sow" wins over "Mariama"; one-letter terms are too ambiguous. */
export function mentionTerms(person: MentionSource): string[] {
  const candidates = [
    `${person.firstName} ${person.lastName}`, `${person.lastName} ${person.firstName}`,
    person.firstName, person.lastName, ...person.aliases, person.email ?? '', person.id,
  ];
  const terms = [...new Set(candidates.map((t) => t.trim()).filter((t) => t.length >= 2))];
  return terms.sort((a, b) => b.length - a.length);
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * PostgreSQL ARE pattern: a term between non-word characters. Group 1 and 3 are
 * the neighbours, kept by the replacement `\1[effacé]\3`.
 */
export function postgresMentionPattern(terms: readonly string[]): string {
  return `(^|[^[:alnum:]_])(${terms.map(escapeRegex).join('|')})($|[^[:alnum:]_])`;
}

/** The same test in JavaScript, accents counted as letters. */
export function jsMentionPattern(terms: readonly string[]): RegExp {
  return new RegExp(`(^|[^\\p{L}\\p{N}_])(${terms.map(escapeRegex).join('|')})(?=$|[^\\p{L}\\p{N}_])`, 'iu');
}

/** The sentences of a text, or the string leaves of a JSON value, that name the person. */
export function mentioningPassages(value: unknown, pattern: RegExp): string[] {
  if (typeof value === 'string') {
    return value.split(/(?<=[.!?\n])\s+/).map((s) => s.trim()).filter((s) => s.length > 0 && pattern.test(s));
  }
  if (Array.isArray(value)) return value.flatMap((v) => mentioningPassages(v, pattern));
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap((v) => mentioningPassages(v, pattern));
  return [];
}
