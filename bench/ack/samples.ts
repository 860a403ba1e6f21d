import { readFileSync } from 'node:fs';
import { percentile } from '../bench-kit.js';

/**
 * Reads the latencies the acknowledgement bench wrote with ACK_SAMPLES=<file> and prints, per
 * set-up and level, Relais' and the bare app's percentiles side by side, then each round's p99
 * in the order the rounds ran (r: Relais, b: bare). A gap all along the distribution is a cost
 * of Relais; a gap in one round only is the machine.
 *
 *   npx tsx bench/ack/samples.ts /tmp/samples.json
 */
interface Round { readonly side: 'bare' | 'relais'; readonly setup: string; readonly concurrency: number; readonly latenciesMs: readonly number[] }

const rounds = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Round[];
const groups = new Map<string, Round[]>();
for (const r of rounds) groups.set(`${r.setup}, ${r.concurrency} concurrent`, [...(groups.get(`${r.setup}, ${r.concurrency} concurrent`) ?? []), r]);
const fmt = (x: number): string => x.toFixed(1);
for (const [name, group] of groups) {
  const pooled = (side: Round['side']) => group.filter((r) => r.side === side).flatMap((r) => r.latenciesMs);
  const [mine, base] = [pooled('relais'), pooled('bare')];
  console.log(`${name} (Relais / bare, ms)`);
  console.log(`  ${[50, 90, 95, 98, 99, 99.5, 99.9].map((p) => `p${p} ${fmt(percentile(mine, p))} / ${fmt(percentile(base, p))}`).join('   ')}`);
  console.log(`  rounds' p99: ${group.map((r) => `${r.side[0]}${fmt(percentile(r.latenciesMs, 99))}`).join(' ')}`);
}
