import type { ShiftNoteExtraction } from '../../core/extraction/shift-note-extraction.js';
import type { ExtractionContext } from '../../core/ports/shift-note-extractor.js';
import type { Lexicon } from '../lexicon/lexicon-types.js';
import { buildRosterIndex } from '../persons/roster-index.js';
import { extractAlerts } from '../stages/alerts.js';
import { extractAttendance } from '../stages/attendance.js';
import { extractFacts } from '../stages/observations.js';
import { extractProduction } from '../stages/production.js';
import { finalize } from './finalize.js';
import { analyseNote } from './note-analysis.js';

/** The rules engine, start to end: analyse the note once, run each stage, then deduplicate. */
export function extractShiftNote(note: string, context: ExtractionContext, lexicon: Lexicon, vocabulary: ReadonlySet<string>): ShiftNoteExtraction {
  const index = buildRosterIndex(context.roster, context.authorId, lexicon.firstNames);
  const a = analyseNote(note, lexicon, index, context, vocabulary);
  const facts = extractFacts(a);
  const alerts = extractAlerts(a);
  const attendance = extractAttendance(a);
  return finalize(a, {
    observations: [...alerts.observations, ...facts.observations, ...attendance.observations],
    incidents: [...alerts.incidents, ...facts.incidents],
    alerts: alerts.alerts,
    production: extractProduction(a),
    attendance: attendance.attendance,
  });
}
