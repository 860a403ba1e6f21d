import type { RosterField } from '../core/roster/roster-row.js';

const simplify = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** French (and English) column titles SIAE files actually use, simplified. */
const HEADERS: Record<RosterField, readonly string[]> = {
  id: ['id', 'identifiant', 'matricule', 'code', 'numero', 'n', 'no', 'ref', 'reference salarie'],
  firstName: ['prenom', 'first name', 'firstname', 'given name'],
  lastName: ['nom', 'nom de famille', 'last name', 'lastname', 'surname', 'family name', 'nom d usage'],
  aliases: ['alias', 'aliases', 'surnom', 'surnoms', 'pseudo', 'diminutif', 'nickname', 'appele'],
  team: ['equipe', 'atelier', 'chantier', 'activite', 'team', 'pole', 'service', 'equipe atelier'],
  role: ['role', 'fonction', 'poste', 'statut', 'profil', 'type'],
  referent: ['referent', 'referente', 'cip referent', 'cip', 'referent cip', 'conseiller', 'conseillere', 'accompagnateur'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse mail', 'adresse e mail'],
  phone: ['telephone', 'tel', 'portable', 'mobile', 'phone'],
  contractStart: ['debut contrat', 'date debut', 'debut', 'date d entree', 'entree', 'date entree', 'debut de contrat', 'contract start'],
  contractEnd: ['fin contrat', 'date fin', 'fin', 'date de sortie', 'sortie', 'fin de contrat', 'fin prevue', 'contract end'],
};

const LOOKUP = new Map<string, RosterField>();
for (const [field, names] of Object.entries(HEADERS) as Array<[RosterField, readonly string[]]>) {
  for (const name of names) LOOKUP.set(name, field);
}

/** Maps each column index to a roster field; unknown columns are ignored. */
export function mapHeaders(headers: readonly string[]): Array<RosterField | null> {
  const seen = new Set<RosterField>();
  return headers.map((h) => {
    const field = LOOKUP.get(simplify(h)) ?? null;
    if (field === null || seen.has(field)) return null;
    seen.add(field);
    return field;
  });
}

/** A roster needs at least a name column. */
export const hasNameColumn = (fields: ReadonlyArray<RosterField | null>): boolean =>
  fields.includes('firstName') || fields.includes('lastName');
