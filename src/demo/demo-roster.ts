import type { RawRosterRow } from '../core/roster/roster-row.js';

/** A fictional ACI so a newcomer can try everything at once. Every name here is invented. */
export const DEMO_STRUCTURE = { name: 'ACI Les Ateliers du Val (démo)', kind: 'ACI' as const };

const row = (
  id: string, firstName: string, lastName: string, team: string, role: string, referent = '', aliases = '',
  contractStart = '', contractEnd = '',
): RawRosterRow => ({
  id, firstName, lastName, team, role, referent, aliases, contractStart, contractEnd,
  email: `${firstName}.${lastName}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z.]/g, '') + '@demo.relais.invalid',
});

export const DEMO_ROSTER: readonly RawRosterRow[] = [
  row('demo-dir', 'Martine', 'Lebrun', '', 'direction'),
  row('demo-cip', 'Claire', 'Fontaine', '', 'cip'),
  row('demo-eti-ev', 'Bruno', 'Carrel', 'Espaces verts', 'encadrant'),
  row('demo-eti-rc', 'Sonia', 'Berthier', 'Recyclerie', 'encadrant'),
  row('demo-s01', 'Lucas', 'Morel', 'Espaces verts', 'salarie', 'demo-cip', 'Lulu', '2026-03-02', '2027-03-01'),
  row('demo-s02', 'Inès', 'Belkacem', 'Espaces verts', 'salarie', 'demo-cip', '', '2026-05-11', '2026-12-31'),
  row('demo-s03', 'Moussa', 'Camara', 'Espaces verts', 'salarie', 'demo-cip', 'Mouss', '2026-01-05', '2027-01-04'),
  row('demo-s04', 'Stéphane', 'Girard', 'Espaces verts', 'salarie', 'demo-cip', 'Steph', '2026-09-01', '2027-02-28'),
  row('demo-s05', 'Aïcha', 'Mansouri', 'Espaces verts', 'salarie', 'demo-cip', '', '2026-06-15', '2027-06-14'),
  row('demo-s06', 'Grégory', 'Vasseur', 'Espaces verts', 'salarie', 'demo-cip', 'Greg', '2025-12-01', '2026-11-30'),
  row('demo-s07', 'Mariama', 'Sow', 'Recyclerie', 'salarie', 'demo-cip', '', '2026-02-16', '2027-02-15'),
  row('demo-s08', 'Kevin', 'Durand', 'Recyclerie', 'salarie', 'demo-cip', '', '2026-04-01', '2026-12-31'),
  row('demo-s09', 'Nathalie', 'Perrin', 'Recyclerie', 'salarie', 'demo-cip', 'Nath', '2026-07-01', '2027-06-30'),
  row('demo-s10', 'Oleksandr', 'Bondarenko', 'Recyclerie', 'salarie', 'demo-cip', 'Sacha', '2026-08-24', '2027-02-23'),
  row('demo-s11', 'Rachid', 'Ouali', 'Recyclerie', 'salarie', 'demo-cip', '', '2026-03-16', '2027-03-15'),
  row('demo-s12', 'Chantal', 'Leroy', 'Recyclerie', 'salarie', 'demo-cip', '', '2026-10-05', '2027-04-04'),
];
