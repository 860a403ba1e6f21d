import type { ShiftNoteExtraction } from '../extraction/shift-note-extraction.js';
import { sensitivityOf } from './sensitivity.js';

/**
 * Words of every confidential quote of a draft (freins, health, justice, alerts,
 * incidents). Kept with the draft from the engine's first reading, so that even
 * after the author removes a line, none of its words can travel to a team channel
 * through another field (a production activity made from the same sentence).
 */
export function confidentialWords(x: ShiftNoteExtraction): string[] {
  const quotes = [
    ...x.observations.filter((o) => sensitivityOf(o.category) !== 'team').map((o) => o.evidence),
    ...x.alerts.map((a) => a.evidence),
    ...x.incidents.map((i) => i.evidence),
  ];
  return [...new Set(quotes.flatMap((q) => q.toLowerCase().split(/[^\p{L}\p{N}']+/u)).filter((w) => w.length > 2))];
}
