import type { ShiftNoteExtractor } from '../core/ports/shift-note-extractor.js';
import { emptyExtraction, shiftNoteExtractionSchema } from '../core/extraction/shift-note-extraction.js';
import { err, ok } from '../core/result.js';
import { extractShiftNote } from './engine/extract-shift-note.js';
import { defaultLexiconDir } from './lexicon/load-lexicon.js';
import { loadLexiconCached } from './lexicon/lexicon-cache.js';
import type { Lexicon } from './lexicon/lexicon-types.js';
import { vocabularyOf } from './lexicon/vocabulary.js';

export interface RulesExtractorOptions {
  /** Folder of the French lexicon; defaults to <project>/lexicon. */
  readonly lexiconDir?: string;
  /** An already loaded lexicon (tests, benchmarks). */
  readonly lexicon?: Lexicon;
}

/** Longest note accepted, in characters: far above any shift note, low enough to stay fast. */
export const MAX_NOTE_CHARS = 200_000;

const loaded = new Map<string, { lexicon: Lexicon; vocabulary: ReadonlySet<string> }>();
function lexiconFor(options: RulesExtractorOptions): { lexicon: Lexicon; vocabulary: ReadonlySet<string> } {
  if (options.lexicon !== undefined) return { lexicon: options.lexicon, vocabulary: vocabularyOf(options.lexicon) };
  const dir = options.lexiconDir ?? defaultLexiconDir();
  let entry = loaded.get(dir);
  if (entry === undefined) {
    const lexicon = loadLexiconCached(dir);
    entry = { lexicon, vocabulary: vocabularyOf(lexicon) };
    loaded.set(dir, entry);
  }
  return entry;
}

/**
 * The built-in French rules engine (docs/extraction.md): offline,
 * deterministic, and it never throws. Output always satisfies the contract's
 * schema; if a bug ever broke that, the result is empty and marked degraded.
 */
export function createRulesShiftNoteExtractor(options: RulesExtractorOptions = {}): ShiftNoteExtractor {
  return {
    extract: async (note, context) => {
      if (note.trim() === '') return err('note.empty');
      if (note.length > MAX_NOTE_CHARS) return err('note.too_long');
      if (!context.roster.some((p) => p.id === context.authorId)) return err('author.unknown');
      try {
        const { lexicon, vocabulary } = lexiconFor(options);
        const extraction = shiftNoteExtractionSchema.parse(extractShiftNote(note, context, lexicon, vocabulary));
        return ok({ extraction, engine: 'rules', degraded: false });
      } catch {
        return ok({ extraction: emptyExtraction(), engine: 'rules', degraded: true });
      }
    },
  };
}
