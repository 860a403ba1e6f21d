import type { RosterEntry } from '../../src/core/domain/roster.js';
import type { ShiftNoteExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';

/** A roster of two teams (bâtiment, cuisine) with the traps the engine must handle. */
export const roster: RosterEntry[] = [
  { id: 'eti', firstName: 'Laurent', lastName: 'Besson', aliases: [], team: 'batiment', role: 'encadrant' },
  { id: 'eti2', firstName: 'Isabelle', lastName: 'Renaud', aliases: ['Isa'], team: 'cuisine', role: 'encadrant' },
  { id: 'pierre', firstName: 'Pierre', lastName: 'Gomez', aliases: [], team: 'batiment', role: 'salarie' },
  { id: 'momo', firstName: 'Mohamed', lastName: 'Cherif', aliases: ['Momo'], team: 'batiment', role: 'salarie' },
  { id: 'rose', firstName: 'Rose', lastName: 'Nguyen', aliases: [], team: 'batiment', role: 'salarie' },
  { id: 'greg', firstName: 'Grégory', lastName: 'Martin', aliases: ['Greg'], team: 'batiment', role: 'salarie' },
  { id: 'nadia', firstName: 'Nadia', lastName: 'Petit', aliases: [], team: 'batiment', role: 'salarie' },
  { id: 'mohamed2', firstName: 'Mohamed', lastName: 'Slimani', aliases: [], team: 'cuisine', role: 'salarie' },
  { id: 'kenza', firstName: 'Kenza', lastName: 'Haddad', aliases: [], team: 'cuisine', role: 'salarie' },
  { id: 'franck', firstName: 'Franck', lastName: 'Meyer', aliases: [], team: 'cuisine', role: 'salarie' },
  { id: 'cip', firstName: 'Agnès', lastName: 'Dupuis', aliases: [], team: 'accompagnement', role: 'cip' },
];

const extractor = createRulesShiftNoteExtractor();

/** Runs the rules engine on a note about `people`; fails the test if the engine refuses the note. */
export async function extractFor(people: readonly RosterEntry[], note: string, authorId = 'eti', teamStartTime?: string): Promise<ShiftNoteExtraction> {
  const result = await extractor.extract(note, { roster: people, authorId, shiftDate: '2026-12-01', ...(teamStartTime ? { teamStartTime } : {}) });
  if (!result.ok) throw new Error(`extraction refused: ${result.code}`);
  return result.value.extraction;
}

/** Runs the rules engine on a note about the roster above. */
export const extract = (note: string, authorId = 'eti', teamStartTime?: string): Promise<ShiftNoteExtraction> => extractFor(roster, note, authorId, teamStartTime);

export const pairs = (items: ReadonlyArray<{ person: string | null; [k: string]: unknown }>, field: string): string[] =>
  items.map((i) => `${i.person}:${String(i[field])}`).sort();
