import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { emptyExtraction } from '../core/extraction/shift-note-extraction.js';
import { err, ok } from '../core/result.js';

/** Placeholder until the rules engine lands: validates input, extracts nothing. */
export function createRulesShiftNoteExtractor(): ShiftNoteExtractor {
  return {
    extract: async (note, context) => {
      if (note.trim() === '') return err('note.empty');
      if (!context.roster.some((p) => p.id === context.authorId)) return err('author.unknown');
      return ok({ extraction: emptyExtraction(), engine: 'rules', degraded: false });
    },
  };
}
