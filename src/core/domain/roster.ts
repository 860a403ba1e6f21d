import type { Role } from './taxonomy.js';

/** A person as the extraction engines and the conversation see them. */
export interface RosterEntry {
  readonly id: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
  /** Team key (slug); null for people outside any team (direction, some CIPs). */
  readonly team: string | null;
  readonly role: Role;
}

export const fullName = (p: Pick<RosterEntry, 'firstName' | 'lastName'>): string =>
  `${p.firstName} ${p.lastName}`.trim();
