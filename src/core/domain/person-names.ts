import type { RosterEntry } from './roster.js';

export const simplifyName = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Finds who a name written by a user means (commands, corrections, form lines):
 * full name, first name, alias or last name, accent- and case-insensitive; the
 * preferred team wins ties. Returns every candidate when still ambiguous.
 */
export function matchPersonName(name: string, roster: readonly RosterEntry[], preferredTeam: string | null = null): RosterEntry[] {
  const wanted = simplifyName(name);
  if (wanted === '') return [];
  const tiers: Array<(p: RosterEntry) => boolean> = [
    (p) => p.id === name.trim(),
    (p) => simplifyName(`${p.firstName} ${p.lastName}`) === wanted || simplifyName(`${p.lastName} ${p.firstName}`) === wanted,
    (p) => simplifyName(p.firstName) === wanted || p.aliases.some((a) => simplifyName(a) === wanted),
    (p) => simplifyName(p.lastName) === wanted,
    (p) => simplifyName(p.firstName).startsWith(wanted) && wanted.length >= 3,
  ];
  for (const tier of tiers) {
    const found = roster.filter(tier);
    if (found.length === 0) continue;
    if (found.length > 1 && preferredTeam !== null) {
      const inTeam = found.filter((p) => p.team === preferredTeam);
      if (inTeam.length >= 1) return inTeam;
    }
    return found;
  }
  return [];
}
