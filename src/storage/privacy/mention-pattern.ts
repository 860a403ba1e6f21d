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

/** One letter in both cases (`[nN]`), since PostgreSQL's case folding may ignore accents in a C locale. */
const bothCases = (ch: string): string => {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return lower !== upper && [...lower].length === 1 && [...upper].length === 1 ? `[${lower}${upper}]` : escapeRegex(ch);
};

/**
 * PostgreSQL prefilter: any row holding one of the terms, in any case. Looser
 * than the JavaScript test (no word boundaries), which then decides row by row.
 */
export function postgresMentionPattern(terms: readonly string[]): string {
  return `(${terms.map((t) => [...t].map(bothCases).join('')).join('|')})`;
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

/** Free text with every sentence naming the person replaced by `erased`; JSON with every string leaf naming them replaced. */
export function redactMentions(value: unknown, pattern: RegExp, erased: string): unknown {
  if (typeof value === 'string') {
    if (!pattern.test(value)) return value;
    return value.split(/(?<=[.!?\n])/).map((piece) => (pattern.test(piece) ? piece.replace(/^(\s*)[\s\S]*?([.!?\n]?)$/, `$1${erased}$2`) : piece)).join('');
  }
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, pattern, erased));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, pattern, erased)]));
  return value;
}

/** Inside JSON a string leaf is one fact: replaced whole. */
function redactStrings(value: unknown, pattern: RegExp, erased: string): unknown {
  if (typeof value === 'string') return pattern.test(value) ? erased : value;
  return redactMentions(value, pattern, erased);
}
