import { readFileSync } from 'node:fs';

/**
 * Reads a V8 CPU profile of the acknowledgement bench (ACK_PROFILE=<dir>) and prints where the
 * main thread's time went, by package (`packages`), by function (`self`) or as the five commonest
 * stacks ending in a function whose name contains the filter (`callers <filter>`). With
 * `--rounds <dir>/bursts.json [--side relais|bare] [--concurrency N]` only the samples taken while
 * a timed round ran count: the acknowledgement path, without start-up or the drafts between rounds.
 *
 *   npx tsx bench/ack/profile.ts /tmp/prof/CPU…cpuprofile packages --rounds /tmp/prof/bursts.json
 */
interface Frame { readonly functionName: string; readonly url: string; readonly lineNumber: number }
interface ProfileNode { readonly id: number; readonly callFrame: Frame; readonly children?: readonly number[] }
interface Profile { readonly nodes: readonly ProfileNode[]; readonly startTime: number; readonly samples: readonly number[]; readonly timeDeltas: readonly number[] }
interface Window { readonly side: string; readonly concurrency: number; readonly fromUs: number; readonly toUs: number }

const args = process.argv.slice(2);
const option = (name: string): string | undefined => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const [file, mode = 'packages', filter = ''] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const profile = JSON.parse(readFileSync(file ?? '', 'utf8')) as Profile;
const roundsFile = option('--rounds');
const windows = roundsFile === undefined ? null : (JSON.parse(readFileSync(roundsFile, 'utf8')) as Window[])
  .filter((w) => w.side === (option('--side') ?? 'relais') && (option('--concurrency') === undefined || w.concurrency === Number(option('--concurrency'))));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/')}:${n.callFrame.lineNumber + 1}`;
const packageOf = (n: ProfileNode): string => {
  const url = n.callFrame.url;
  if (url.includes('node_modules/')) return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]!;
  if (url.startsWith('node:')) return url.split('/')[0]!;
  if (url.includes('/dist/')) return 'relais';
  return n.callFrame.functionName || '(engine)';
};
const stackOf = (id: number): ProfileNode[] => {
  const stack: ProfileNode[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
  return stack;
};

const totals = new Map<string, number>();
const add = (key: string, us: number): void => { totals.set(key, (totals.get(key) ?? 0) + us); };
let at = profile.startTime;
let counted = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (windows && !windows.some((w) => at >= w.fromUs && at <= w.toUs)) return;
  const us = profile.timeDeltas[i + 1] ?? 0;
  counted += us;
  const stack = stackOf(id);
  if (mode === 'self') add(label(stack[0]!), us);
  else if (mode === 'callers') { if (label(stack[0]!).includes(filter)) add(stack.slice(0, 14).map(label).join('\n    <- '), us); }
  else add(packageOf(stack[0]!), us);
});
console.log(`${(counted / 1000).toFixed(0)} ms sampled${windows ? ` in ${windows.length} rounds` : ''}`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, mode === 'callers' ? 5 : 30)) console.log(`${(us / 1000).toFixed(1).padStart(9)}  ${key}`);
