import { emptyExtraction, type ShiftNoteExtraction } from '../../src/core/extraction/shift-note-extraction.js';
import type { ExtractionContext, ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import { ok } from '../../src/core/result.js';

/**
 * Our own port faked for conversation tests: returns what the script says for
 * a note, with persons given by first name and evidence checked to be in the note.
 */
export type Script = (note: string, byName: (first: string) => string, context: ExtractionContext) => Partial<ShiftNoteExtraction>;

export function scriptedExtractor(script: Script): ShiftNoteExtractor & { calls: number; fail: boolean } {
  const state = {
    calls: 0,
    fail: false,
    async extract(note: string, context: ExtractionContext) {
      state.calls += 1;
      if (state.fail) throw new Error('engine down');
      const byName = (first: string): string => {
        const p = context.roster.find((r) => r.firstName === first);
        if (!p) throw new Error(`no ${first} in roster`);
        return p.id;
      };
      const partial = script(note, byName, context);
      for (const e of [...(partial.observations ?? []), ...(partial.incidents ?? []), ...(partial.alerts ?? [])]) {
        if (!note.includes(e.evidence)) throw new Error(`evidence not in note: ${e.evidence}`);
      }
      return ok({ extraction: { ...emptyExtraction(), ...partial }, engine: 'rules' as const, degraded: false });
    },
  };
  return state;
}
