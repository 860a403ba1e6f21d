import type { Person } from './organisation.js';

const simplify = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The people a name in a message or a command may mean: an exact roster id
 * first, then a full name, then a first name, last name or alias. Several
 * matches at the same level mean the name is ambiguous.
 */
export function matchPeople<P extends Pick<Person, 'rosterKey' | 'firstName' | 'lastName' | 'aliases'>>(query: string, people: readonly P[]): P[] {
  const byKey = people.filter((p) => p.rosterKey === query.trim());
  if (byKey.length > 0) return byKey;
  const q = simplify(query);
  if (q === '') return [];
  const levels: Array<(p: P) => boolean> = [
    (p) => simplify(`${p.firstName} ${p.lastName}`) === q || simplify(`${p.lastName} ${p.firstName}`) === q,
    (p) => simplify(p.firstName) === q || p.aliases.some((a) => simplify(a) === q),
    (p) => simplify(p.lastName) === q,
  ];
  for (const level of levels) {
    const found = people.filter(level);
    if (found.length > 0) return found;
  }
  return [];
}
