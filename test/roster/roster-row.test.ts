import fc from 'fast-check';
import { parseFrenchDate, parseRole, teamKey, validateRosterRow } from '../../src/core/roster/roster-row.js';

describe('roster rows', () => {
  it.each([
    ['salarie', 'salarie'], ['Salarié en insertion', 'salarie'], ['', 'salarie'], ['ETI', 'encadrant'],
    ['Encadrante technique', 'encadrant'], ['CIP', 'cip'], ['ASP', 'cip'], ['Conseillère en insertion professionnelle', 'cip'],
    ['Directrice', 'direction'], ['coordinateur', 'direction'], ['jardinier', null],
  ])('reads the role %s', (value, role) => {
    expect(parseRole(value)).toBe(role);
  });

  it('reads French and ISO dates and refuses impossible ones', () => {
    expect(parseFrenchDate('01/09/2026')).toBe('2026-09-01');
    expect(parseFrenchDate('1.9.26')).toBe('2026-09-01');
    expect(parseFrenchDate('2026-09-01')).toBe('2026-09-01');
    expect(parseFrenchDate('31/02/2026')).toBe('invalid');
    expect(parseFrenchDate('bientôt')).toBe('invalid');
    expect(parseFrenchDate('')).toBeNull();
  });

  it('gives each problem its reason', () => {
    expect(validateRosterRow({ firstName: '', lastName: ' ' })).toEqual({ ok: false, reason: 'missing_name' });
    expect(validateRosterRow({ firstName: 'A', role: 'pilote' })).toEqual({ ok: false, reason: 'unknown_role' });
    expect(validateRosterRow({ firstName: 'A', contractEnd: '45/45/2026' })).toEqual({ ok: false, reason: 'bad_date' });
    expect(validateRosterRow({ firstName: 'A', email: 'pas un mail' })).toEqual({ ok: false, reason: 'bad_email' });
  });

  it('normalises aliases, team keys and emails', () => {
    const result = validateRosterRow({ id: ' s04 ', firstName: 'Jean-Pierre', lastName: 'Lefèvre', aliases: 'JP|Jean-Pierre|JP', team: 'Espaces Verts', email: 'JP@Example.org' });
    expect(result).toEqual({ ok: true, row: expect.objectContaining({ id: 's04', aliases: ['JP', 'Jean-Pierre'], team: 'espaces-verts', teamName: 'Espaces Verts', email: 'jp@example.org', role: 'salarie' }) });
  });

  it('never throws, whatever the cells hold', () => {
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('id', 'firstName', 'lastName', 'aliases', 'team', 'role', 'email', 'contractStart'), fc.string()), (raw) => {
      const result = validateRosterRow(raw);
      expect(typeof result.ok).toBe('boolean');
    }));
  });

  it('makes the same team key from any spelling of a team name', () => {
    expect(teamKey('Espaces verts')).toBe(teamKey('ESPACES-VERTS'));
    expect(teamKey('Maraîchage bio')).toBe('maraichage-bio');
  });
});
