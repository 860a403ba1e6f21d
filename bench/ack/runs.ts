import { readFileSync } from 'node:fs';
import type { BenchRow } from '../bench-kit.js';

/**
 * The acknowledgement target over several runs: one run's p99 ratio moves with the machine (a
 * shared 2-core VM stalls a round now and then), so the README states the median over runs and
 * how many runs met the target. Give it the bench/results.json of each run, copied aside:
 *
 *   npx tsx bench/ack/runs.ts run1.json run2.json run3.json
 */
const runs = process.argv.slice(2).map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { at: string; rows: BenchRow[] }));
const ratios = new Map<string, number[]>();
for (const run of runs) {
  for (const row of run.rows) {
    const m = /^ack p99, (\d+) concurrent, (.+) \(\d+ events\)$/.exec(row.name);
    if (!m || row.ratio === undefined || row.target === undefined || !row.target.includes('1.5×')) continue;
    const key = `${m[2]!}, ${m[1]!} concurrent`;
    ratios.set(key, [...(ratios.get(key) ?? []), row.ratio]);
  }
}
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`p99 ratio to the bare Bolt app over ${runs.length} runs (${runs.map((r) => r.at.slice(11, 16)).join(', ')} UTC); target < 1.5`);
for (const [key, xs] of ratios) {
  console.log(`${key.padEnd(36)} ${xs.map((x) => x.toFixed(2)).join(' ').padEnd(6 * runs.length)}  median ${median(xs).toFixed(2)}  met in ${xs.filter((x) => x < 1.5).length}/${xs.length}`);
}
