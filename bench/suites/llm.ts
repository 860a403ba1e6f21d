import { shiftNoteExtractionSchema } from '../../src/core/extraction/shift-note-extraction.js';
import { loadLexicon } from '../../src/extraction/lexicon/load-lexicon.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import type { ModelExtraction } from '../../src/llm/extraction-model-schema.js';
import { groundModelExtraction } from '../../src/llm/ground-extraction.js';
import { delimitNote, EXTRACTION_PROMPT_MARKERS } from '../../src/llm/llm-extractor.js';
import { loadPromptFile } from '../../src/llm/prompt-file.js';
import { directoryFor, PseudonymDirectory, pseudonymize } from '../../src/llm/pseudonymizer.js';
import { percentile, round, sample, type BenchRow, type BenchSuite } from '../bench-kit.js';
import { generatedNote, generatedRoster } from './extraction.js';

/**
 * What the LLM engine adds on this machine, per 300-word note with a
 * 40-person roster: pseudonymisation, then grounding and validation of an
 * answer (the rules engine's own records, written with placeholders, stand
 * for the model's), against the rules engine measured in the same run. Tokens
 * of the extraction request are estimated at 4 characters per token (no
 * tokenizer offline).
 */
export const suite: BenchSuite = {
  name: 'llm',
  async run(): Promise<BenchRow[]> {
    const roster = generatedRoster(40);
    const notes = Array.from({ length: 20 }, (_, i) => generatedNote(roster, i + 1));
    const rules = createRulesShiftNoteExtractor({ lexicon: loadLexicon() });
    const context = { roster, authorId: 'e0', shiftDate: '2026-11-02' };
    const directory = new PseudonymDirectory(roster);
    const options = { sendSpecialCategories: false, preferredTeam: 'espaces-verts' };
    const prompt = loadPromptFile('extraction', EXTRACTION_PROMPT_MARKERS);

    // Model-like answers: the rules result with placeholders and quotes of the sent text.
    const answers: ModelExtraction[] = [];
    for (const note of notes) {
      const r = await rules.extract(note, context);
      if (!r.ok) throw new Error(r.code);
      const ph = (id: string) => directory.placeholderOf(id) ?? id;
      const quote = (e: string) => pseudonymize(e, directory, options).text;
      const x = r.value.extraction;
      answers.push({
        ...x,
        attendance: x.attendance.map((a) => ({ ...a, person: ph(a.person) })),
        observations: x.observations.map((o) => ({ ...o, person: ph(o.person), evidence: quote(o.evidence) })),
        incidents: x.incidents.map((i) => ({ ...i, persons: i.persons.map(ph), evidence: quote(i.evidence) })),
        alerts: x.alerts.map((a) => ({ ...a, person: a.person === null ? null : ph(a.person), evidence: quote(a.evidence) })),
      });
    }

    let k = 0;
    const rulesMs = await sample(async () => { await rules.extract(notes[k++ % notes.length]!, context); }, 200, 20);
    let i = 0;
    const pseudoMs = await sample(() => pseudonymize(notes[i++ % notes.length]!, directoryFor(roster), options), 200, 20);
    let i2 = 0;
    const pseudoColdMs = await sample(() => pseudonymize(notes[i2++ % notes.length]!, new PseudonymDirectory(roster), options), 50, 5);
    const sent = notes.map((n) => pseudonymize(n, directory, options));
    let j = 0;
    const groundMs = await sample(() => {
      const n = j++ % notes.length;
      shiftNoteExtractionSchema.parse(groundModelExtraction(answers[n]!, sent[n]!, roster));
    }, 200, 20);
    const kept = sent.map((p, n) => groundModelExtraction(answers[n]!, p, roster))
      .reduce((acc, x, n) => acc + x.observations.length / Math.max(1, answers[n]!.observations.length), 0) / notes.length;
    const tokens = sent.map((p) => Math.ceil((prompt.text.length + 600 + delimitNote(p.text).length) / 4));
    const rules95 = percentile(rulesMs, 95);
    const pseudo95 = percentile(pseudoMs, 95);
    const ground95 = percentile(groundMs, 95);
    return [
      { suite: 'llm', name: 'pseudonymise p95 per 300-word note', value: round(pseudo95, 3), unit: 'ms', baseline: round(rules95, 3), ratio: round(pseudo95 / rules95, 2), target: '< 0.5× rules p95', met: pseudo95 < rules95 / 2 },
      { suite: 'llm', name: 'pseudonymise p95, roster changed (patterns compiled)', value: round(percentile(pseudoColdMs, 95), 3), unit: 'ms', baseline: round(rules95, 3), ratio: round(percentile(pseudoColdMs, 95) / rules95, 2) },
      { suite: 'llm', name: 'ground + validate p95 per answer', value: round(ground95, 3), unit: 'ms', baseline: round(rules95, 3), ratio: round(ground95 / rules95, 2), target: '< 0.5× rules p95', met: ground95 < rules95 / 2 },
      { suite: 'llm', name: 'observations kept after grounding', value: round(kept * 100, 1), unit: '%' },
      { suite: 'llm', name: 'extraction request tokens p50 (≈ chars/4)', value: percentile(tokens, 50), unit: 'tokens' },
      { suite: 'llm', name: 'extraction request tokens max (≈ chars/4)', value: Math.max(...tokens), unit: 'tokens' },
    ];
  },
};
