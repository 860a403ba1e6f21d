import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../../src/project-paths.js';
import { rosterEntriesFromFile } from '../../src/roster-files/roster-entries.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';

/**
 * Our own labelled notes (other trades and roster than ../shared/eval/dev),
 * scored like score.mjs does: a regression guard on quality, not a timing test.
 */
interface Case { id: string; author: string; date: string; note: string; gold: Record<string, Array<Record<string, unknown>>> }
const dir = projectPath('test', 'extraction', 'fixtures', 'other-trades');
const cases: Case[] = readdirSync(join(dir, 'cases')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(dir, 'cases', f), 'utf8')) as Case);

function f1(pred: string[], gold: string[]): number {
  const left = [...gold];
  let tp = 0;
  for (const p of pred) { const i = left.indexOf(p); if (i >= 0) { tp++; left.splice(i, 1); } }
  const fp = pred.length - tp;
  return tp + fp + left.length === 0 ? 1 : (2 * tp) / (2 * tp + fp + left.length);
}

describe('labelled set: other trades', () => {
  it('scores at least the targets of the issue on attendance, observations, production and alerts', async () => {
    const roster = await rosterEntriesFromFile(join(dir, 'roster.csv'));
    if (!roster.ok) throw new Error('roster');
    const extractor = createRulesShiftNoteExtractor();
    const all: Record<string, [string[], string[]]> = { attendance: [[], []], observations: [[], []], production: [[], []], alerts: [[], []] };
    for (const c of cases) {
      const r = await extractor.extract(c.note, { roster: roster.entries, authorId: c.author, shiftDate: c.date });
      if (!r.ok) throw new Error(c.id);
      const out = r.value.extraction;
      const key = (field: string, items: ReadonlyArray<Record<string, unknown>>): string[] => items.map((x) => field === 'production'
        ? `${c.id}|${String(x.unit)}|${String(x.quantity)}`
        : `${c.id}|${String(x.person)}|${String(x[field === 'attendance' ? 'status' : field === 'alerts' ? 'topic' : 'category'])}`);
      for (const field of Object.keys(all)) {
        const unique = (xs: string[]): string[] => (field === 'observations' || field === 'alerts' ? [...new Set(xs)] : xs);
        all[field]![0].push(...unique(key(field, out[field as keyof typeof out] as unknown as Array<Record<string, unknown>>)));
        all[field]![1].push(...unique(key(field, c.gold[field] ?? [])));
      }
    }
    expect(f1(...all.attendance!)).toBeGreaterThanOrEqual(0.9);
    expect(f1(...all.observations!)).toBeGreaterThanOrEqual(0.8);
    expect(f1(...all.production!)).toBeGreaterThanOrEqual(0.9);
    const [predAlerts, goldAlerts] = all.alerts!;
    expect(goldAlerts.filter((g) => predAlerts.includes(g))).toEqual(goldAlerts);
  });
});
