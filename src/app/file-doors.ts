/**
 * Adapters the CLI needs without a database: roster files and the offline
 * extraction engine. Doors reach adapters only through the composition root.
 */
export { readRosterFile } from '../roster-files/read-roster-file.js';
export { rosterEntriesFromFile } from '../roster-files/roster-entries.js';
export { readSkillsFile } from '../roster-files/skills-file.js';
export { createRulesShiftNoteExtractor } from '../extraction/rules-shift-note-extractor.js';
