import fc from 'fast-check';
import type { Actor } from '../../src/core/domain/actor.js';
import { OBSERVATION_CATEGORIES, SPECIAL_CATEGORIES } from '../../src/core/domain/taxonomy.js';
import type { PathRecords, PersonContext } from '../../src/core/ports/progress-store.js';
import { observationSensitivity, situationSensitivity, themeSensitivity, visibleRecords } from '../../src/core/progress/record-visibility.js';

const context: PersonContext = {
  person: {
    id: 'p', structureId: 's', rosterKey: 'p', firstName: 'Nadia', lastName: 'H', aliases: [], role: 'salarie', teamId: 'ev', referentCipId: 'cip',
    email: null, phone: null, contractStart: null, contractEnd: null, status: 'active', exitDate: null, lastContactOn: null,
  },
  teamName: 'EV', timezone: 'Europe/Paris', exitCategory: null,
};
const empty: PathRecords = { attendanceMonths: [], attendanceExceptions: [], observations: [], skillEvaluations: [], situations: [], objectives: [], incidents: [], alerts: [], bilans: [] };
const eti: Actor = { personId: 'eti', role: 'encadrant', structureId: 's', teamId: 'ev', door: 'cli' };

describe('record visibility', () => {
  it('never shows health or justice to an encadrant, whatever the stored sensitivity and the author', () => {
    fc.assert(fc.property(
      fc.constantFrom(...SPECIAL_CATEGORIES), fc.constantFrom('team', 'restricted', 'special', 'bogus'), fc.constantFrom('eti', 'cip', null),
      (category, stored, authorId) => {
        const records = { ...empty, observations: [{ id: 'o', date: '2026-10-01', category, polarity: 'negative', evidence: 'x', sensitivity: stored, authorId, authorName: null }] };
        const seen = visibleRecords(eti, context, records);
        expect(seen.records.observations).toEqual([]);
        expect(seen.withheld).toBe(true);
      },
    ));
  });

  it('takes the stricter of the stored sensitivity and the category’s', () => {
    expect(observationSensitivity('team', 'logement')).toBe('restricted');
    expect(observationSensitivity('team', 'sante')).toBe('special');
    expect(observationSensitivity('special', 'qualite')).toBe('special');
    expect(observationSensitivity('bogus', 'qualite')).toBe('special');
    for (const category of OBSERVATION_CATEGORIES) expect(['team', 'restricted', 'special']).toContain(observationSensitivity('team', category));
    expect([themeSensitivity('trouver_un_emploi'), themeSensitivity('mobilite'), themeSensitivity('justice')]).toEqual(['team', 'restricted', 'special']);
    expect([situationSensitivity('mobilite'), situationSensitivity('sante')]).toEqual(['restricted', 'special']);
  });

  it('shows everything to the referent CIP and says nothing was withheld', () => {
    const records = { ...empty, observations: [{ id: 'o', date: '2026-10-01', category: 'sante', polarity: 'negative', evidence: 'x', sensitivity: 'special', authorId: 'eti', authorName: null }] };
    const seen = visibleRecords({ personId: 'cip', role: 'cip', structureId: 's', teamId: null, door: 'cli' }, context, records);
    expect(seen).toEqual({ records, withheld: false });
  });
});
