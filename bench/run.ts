import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './bench-kit.js';

/**
 * `npm run bench [suite…]`: runs every bench/suites/*.ts (or the named ones),
 * prints one table with ratios against baselines measured in the same run,
 * and writes bench/results.json.
 */
const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(join(here, 'suites')).filter((f) => f.endsWith('.ts')).sort();
const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, 'suites', file)).href)) as { suite: BenchSuite };
  if (wanted.length > 0 && !wanted.includes(mod.suite.name)) continue;
  process.stderr.write(`bench: ${mod.suite.name}…\n`);
  rows.push(...(await mod.suite.run()));
}
const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30) };
const fmt = (x: number | undefined): string => (x === undefined ? '' : String(x));
const table = [['suite', 'measure', 'value', 'unit', 'baseline', 'ratio', 'target', 'met'],
  ...rows.map((r) => [r.suite, r.name, fmt(r.value), r.unit, fmt(r.baseline), fmt(r.ratio), r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : 'NO'])];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}`);
mkdirSync(here, { recursive: true });
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ at: new Date().toISOString(), machine, rows }, null, 2)}\n`);
