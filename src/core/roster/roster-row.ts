import { z } from 'zod';
import type { Role } from '../domain/taxonomy.js';

/** One line of a roster file after header mapping, before validation. */
export type RawRosterRow = Partial<Record<RosterField, string>>;

export const ROSTER_FIELDS = [
  'id', 'firstName', 'lastName', 'aliases', 'team', 'role', 'referent', 'email', 'phone',
  'contractStart', 'contractEnd',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** A validated roster line. */
export interface RosterRow {
  readonly id: string | null;
  readonly firstName: string;
  readonly lastName: string;
  readonly aliases: readonly string[];
  /** Team key (slug) and the name as written in the file. */
  readonly team: string | null;
  readonly teamName: string | null;
  readonly role: Role;
  readonly referent: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly contractStart: string | null;
  readonly contractEnd: string | null;
}

export type RosterRejectReason =
  | 'missing_name' | 'unknown_role' | 'duplicate_id' | 'bad_date' | 'bad_email';

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const simplify = (s: string): string => stripAccents(s).toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const ROLE_WORDS: ReadonlyArray<[RegExp, Role]> = [
  [/^(salarie|salarie en insertion|si|sal|cddi|salarie polyvalent|agent|ouvrier|employe|salariee)( en insertion)?$/, 'salarie'],
  [/^(encadrant|encadrante|eti|encadrant technique|encadrante technique|encadrant technique d insertion|chef d equipe|chef de chantier|encadrant d atelier)$/, 'encadrant'],
  [/^(cip|conseiller|conseillere|conseiller en insertion|conseillere en insertion|conseiller en insertion professionnelle|conseillere en insertion professionnelle|asp|accompagnateur|accompagnatrice|accompagnateur socio professionnel|accompagnatrice socio professionnelle|charge d accompagnement|chargee d accompagnement)$/, 'cip'],
  [/^(direction|directeur|directrice|coordinateur|coordinatrice|coordination|responsable|president|presidente)$/, 'direction'],
  [/^(admin|administrateur|administratrice)$/, 'admin'],
];

export function parseRole(value: string | undefined): Role | null {
  const v = simplify(value ?? '');
  if (v === '') return 'salarie';
  for (const [pattern, role] of ROLE_WORDS) if (pattern.test(v)) return role;
  return null;
}

/** Accepts ISO dates and French dd/mm/yyyy; returns ISO or null. */
export function parseFrenchDate(value: string | undefined): string | null | 'invalid' {
  const v = (value ?? '').trim();
  if (v === '') return null;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(v);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3].length === 2 ? `20${fr[3]}` : fr[3])];
  else return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return date.toISOString().slice(0, 10);
}

const emailSchema = z.email();

/** Team keys are slugs so that "Espaces verts" and "espaces-verts" are the same team. */
export function teamKey(value: string): string {
  return simplify(value).replace(/ /g, '-');
}

export function validateRosterRow(raw: RawRosterRow): { ok: true; row: RosterRow } | { ok: false; reason: RosterRejectReason } {
  const firstName = (raw.firstName ?? '').trim();
  const lastName = (raw.lastName ?? '').trim();
  if (firstName === '' && lastName === '') return { ok: false, reason: 'missing_name' };
  const role = parseRole(raw.role);
  if (role === null) return { ok: false, reason: 'unknown_role' };
  const contractStart = parseFrenchDate(raw.contractStart);
  const contractEnd = parseFrenchDate(raw.contractEnd);
  if (contractStart === 'invalid' || contractEnd === 'invalid') return { ok: false, reason: 'bad_date' };
  const email = (raw.email ?? '').trim();
  if (email !== '' && !emailSchema.safeParse(email).success) return { ok: false, reason: 'bad_email' };
  const team = (raw.team ?? '').trim();
  const aliases = (raw.aliases ?? '')
    .split(/[|;,/]/).map((a) => a.trim()).filter((a) => a !== '');
  return {
    ok: true,
    row: {
      id: (raw.id ?? '').trim() || null,
      firstName,
      lastName,
      aliases: [...new Set(aliases)],
      team: team === '' ? null : teamKey(team),
      teamName: team === '' ? null : team,
      role,
      referent: (raw.referent ?? '').trim() || null,
      email: email === '' ? null : email.toLowerCase(),
      phone: (raw.phone ?? '').trim() || null,
      contractStart,
      contractEnd,
    },
  };
}
