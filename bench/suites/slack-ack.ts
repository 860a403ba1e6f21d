import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { percentile, round, type BenchRow, type BenchSuite } from '../bench-kit.js';
import { benchDatabaseUrl, withPostgresDatabase } from '../bench-postgres.js';
import { sleep, stopChild, untilAnswers } from '../bench-process.js';
import { freePort } from '../../test/support/free-port.js';
import { BOT_USER_ID, TEAM_ID } from '../../test/support/slack-web-api.js';

/**
 * Slack's 3-second rule (issue #12): acknowledgement latency of `POST /slack/events`
 * through Relais' whole HTTP stack (signature check, durable inbox write, ack) against
 * a bare Bolt app acknowledging the same signed events, at 1, 10 and 50 concurrent
 * events; then Relais again while every model call takes 20 s.
 *
 * Each side runs as it would in production, in its own process: `relais start`
 * (built CLI, PGlite in a folder or PostgreSQL, drafts made and posted in the
 * background) and a bare Bolt app. Slack's Web API and the model are stand-ins in a
 * third process; this one only sends and times. Rounds alternate between the two
 * sides (ABBA) so that drift on a shared machine hits both alike, and every
 * percentile is over several hundred events.
 *
 * Each set-up gets a fresh bare app of its own, and both are warmed with the same
 * ACK_WARMUP events (1000) before anything is timed.
 *
 * Knobs: ACK_LEVELS=10 (concurrency levels), ACK_TOTAL=300 (events per side and level),
 * ACK_EVENTS=50 (events per round); ACK_DATABASES=postgres (or pglite, or postgres-journal:
 * PostgreSQL with INTAKE_JOURNAL_DIR) measures one set-up only. To look inside:
 * ACK_SAMPLES=<file> writes every round's latencies; ACK_PROFILE=<dir> writes the services' CPU
 * profiles (the bare app's under <dir>/bare) and bursts.json, when each round ran on the
 * profiles' clock; ACK_NODE_FLAGS='--trace-gc' passes V8 flags to Relais.
 */
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'relais.js');
const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
const BOT_TOKEN = 'xoxb-bench-token';
/** Events each side gets per level, in rounds of `roundSize` (short rounds: a slow spell of the machine falls on both sides alike). */
const EVENTS_PER_LEVEL = Number(process.env['ACK_TOTAL'] ?? 900);
/** At least three waves of the level's concurrency per round, so that "50 concurrent" stays 50 in flight. */
const roundSize = (concurrency: number): number => Math.max(Number(process.env['ACK_EVENTS'] ?? 50), 3 * concurrency);
const roundsAt = (concurrency: number): number => Math.max(2, Math.round(EVENTS_PER_LEVEL / roundSize(concurrency)));
const WARMUP_EVENTS = Number(process.env['ACK_WARMUP'] ?? 1000);
const DATABASES = new Set((process.env['ACK_DATABASES'] ?? 'pglite,postgres,postgres-journal').split(','));

let sent = 0;
/** When each measured burst ran, on the monotonic clock V8's CPU profiles use (written next to them with ACK_PROFILE). */
const bursts: { side: string; setup: string; pid: number; concurrency: number; fromUs: number; toUs: number; latenciesMs: number[] }[] = [];

interface Target { readonly port: number; readonly agent: Agent }

function post(target: Target, body: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: target.port, method: 'POST', path: '/slack/events', agent: target.agent,
      headers: {
        'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(ts),
        'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
      },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A direct message from the bench encadrant: every event a distinct message (ts) and event id. */
function noteEvent(userId: string, text: string): string {
  const n = ++sent;
  const ts = `${1762100000 + n}.000100`;
  return JSON.stringify({
    token: 'legacy', team_id: TEAM_ID, api_app_id: 'A0RELAIS', type: 'event_callback', event_id: `EvBench${n}`, event_time: 1762100000,
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true }],
    event: { type: 'message', channel: `D${userId.slice(1)}`, channel_type: 'im', user: userId, text, ts, client_msg_id: `c-${n}`, team: TEAM_ID, event_ts: ts },
  });
}

/** Sends `events` notes with `concurrency` in flight; returns each acknowledgement's latency. */
async function burst(target: Target, userId: string, concurrency: number, events: number): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < events) {
      const i = next++;
      const body = noteEvent(userId, `note ${i} : tout le monde là, ${i} m2 de tonte`);
      const started = performance.now();
      const status = await post(target, body);
      if (status !== 200) throw new Error(`status ${status}`);
      times.push(performance.now() - started);
    }
  }));
  return times;
}

/** Starts a child process and resolves with its first line of output. */
function startChild(args: readonly string[], env: Record<string, string>): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, line }));
  });
}

interface Side { readonly target: Target; readonly pid: number; stop(): Promise<void> }

/** CPU time (user + system) a process has used so far, in milliseconds (Linux; 0 elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const target = (port: number): Target => ({ port, agent: new Agent({ keepAlive: true, maxSockets: 64 }) });

async function bareBolt(): Promise<Side> {
  const port = await freePort();
  const profile = process.env['ACK_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['ACK_PROFILE']}/bare`] : [];
  const { child } = await startChild([...profile, join('bench', 'ack', 'bare-bolt.mjs'), String(port)], { SLACK_SIGNING_SECRET: SIGNING_SECRET });
  const t = target(port);
  return { target: t, pid: child.pid!, stop: async () => { t.agent.destroy(); await stopChild(child); } };
}

/**
 * `relais start` against the world's stand-ins, on PGlite in a fresh folder or on the given PostgreSQL
 * database (with an intake journal in `journalDir` when given).
 */
async function relais(world: World, database: { pgliteDir: string } | { url: string; journalDir?: string }, extra: Record<string, string> = {}): Promise<Side> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...('url' in database
      ? { DATABASE_URL: database.url, ...(database.journalDir === undefined ? {} : { INTAKE_JOURNAL_DIR: database.journalDir }) }
      : { PGLITE_DIR: database.pgliteDir }),
    LOG_LEVEL: 'error', HTTP_RATE_LIMIT_PER_MINUTE: '0', PLAYGROUND_ENABLED: 'false',
    SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: world.slackApiUrl, SLACK_CHANNEL_INTERVAL_MS: '0', ...extra,
  };
  const seeded = spawnSync(process.execPath, [bin, 'demo', 'seed'], { cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'ignore' });
  if (seeded.status !== 0) throw new Error('relais demo seed failed');
  const profile = process.env['ACK_PROFILE'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['ACK_PROFILE']}`] : [];
  // Experiments with V8 (ACK_NODE_FLAGS='--trace-gc'): the service's output is shown then.
  const nodeFlags = (process.env['ACK_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, ...profile, bin, 'start'], {
    cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env, PORT: String(port) }, stdio: ['ignore', nodeFlags.length > 0 ? 'inherit' : 'ignore', 'inherit'],
  });
  await untilAnswers(port, '/readyz');
  const t = target(port);
  // Steady state: the encadrant has written before, so Relais already knows who they are (linked by e-mail).
  if (await post(t, noteEvent(world.userId, 'bonjour')) !== 200) throw new Error('hello not acknowledged');
  await sleep(1500);
  return { target: t, pid: child.pid!, stop: async () => { t.agent.destroy(); await stopChild(child); } };
}

interface World { readonly slackApiUrl: string; readonly llmUrl: string; readonly userId: string; readonly statusUrl: string; readonly child: ChildProcess }

/**
 * Waits until Relais has stopped calling Slack (every draft of the round posted) for `quietMs`;
 * returns how long after the call its last post came.
 */
async function settle(world: World, quietMs = 500): Promise<number> {
  const started = performance.now();
  const count = async () => Number(await (await fetch(world.statusUrl)).text());
  let last = await count();
  let changedAt = started;
  while (performance.now() - changedAt < quietMs) {
    await sleep(25);
    const now = await count();
    if (now !== last) {
      last = now;
      changedAt = performance.now();
    }
  }
  return changedAt - started;
}

async function startWorld(): Promise<World> {
  const { child, line } = await startChild(['--import', 'tsx', join('bench', 'ack', 'world.ts'), BOT_TOKEN], {});
  return { ...(JSON.parse(line) as Omit<World, 'child'>), child };
}

/**
 * Alternating rounds (ABBA…) at one concurrency level; returns both sides' pooled samples and how
 * long Relais took, after each round, to post its last draft. After each Relais round the bench
 * waits for those drafts, so that neither side is measured while Relais' background work
 * shares the machine's CPU.
 */
async function compare(world: World, bare: Side, ours: Side, concurrency: number, label: string): Promise<{ base: number[]; mine: number[]; draftsDone: number[]; cpu: Map<Side, number> }> {
  const base: number[] = [];
  const mine: number[] = [];
  const draftsDone: number[] = [];
  const cpu = new Map<Side, number>([[bare, 0], [ours, 0]]);
  await burst(bare.target, world.userId, concurrency, 50);
  await burst(ours.target, world.userId, concurrency, 50);
  await settle(world);
  for (let r = 0; r < roundsAt(concurrency); r++) {
    const order = r % 2 === 0 ? [bare, ours] : [ours, bare];
    for (const side of order) {
      const before = cpuMs(side.pid);
      const from = process.hrtime.bigint();
      const got = await burst(side.target, world.userId, concurrency, roundSize(concurrency));
      bursts.push({ side: side === bare ? 'bare' : 'relais', setup: label, pid: side.pid, concurrency, fromUs: Number(from / 1000n), toUs: Number(process.hrtime.bigint() / 1000n), latenciesMs: got });
      cpu.set(side, cpu.get(side)! + cpuMs(side.pid) - before);
      if (side === bare) {
        base.push(...got);
      } else {
        mine.push(...got);
        draftsDone.push(await settle(world));
      }
    }
  }
  return { base, mine, draftsDone, cpu };
}

/**
 * Both processes warmed alike before anything is timed: the same events to each, so that V8 has
 * compiled both sides' hot paths (a bare app warmed by earlier runs against a fresh Relais measured
 * the JIT, not the acknowledgement). Relais' drafts of the warm-up are done before the first round.
 */
async function warmUp(world: World, bare: Side, ours: Side): Promise<void> {
  for (const side of [bare, ours]) await burst(side.target, world.userId, 10, WARMUP_EVENTS);
  await settle(world);
}

/** One set-up against a bare Bolt app of its own, both fresh and warmed alike; the rows of every level. */
async function levels(label: string, world: World, startOurs: () => Promise<Side>): Promise<BenchRow[]> {
  const bare = await bareBolt();
  const ours = await startOurs().catch(async (error: unknown) => { await bare.stop(); throw error; });
  try {
    await warmUp(world, bare, ours);
    return await levelRows(label, world, bare, ours);
  } finally {
    await ours.stop();
    await bare.stop();
  }
}

async function levelRows(label: string, world: World, bare: Side, ours: Side): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const c of (process.env['ACK_LEVELS'] ?? '1,10,50').split(',').map(Number)) {
    const started = performance.now();
    const { base, mine, draftsDone, cpu } = await compare(world, bare, ours, c, label);
    const perEvent = (side: Side) => cpu.get(side)! / mine.length;
    rows.push({ suite: 'slack-ack', name: `CPU per acknowledged event, ${c} concurrent, ${label}`, value: round(perEvent(ours), 2), unit: 'ms', baseline: round(perEvent(bare), 2), ratio: round(perEvent(ours) / perEvent(bare), 2) });
    process.stderr.write(`  ${label}, ${c} concurrent: ${Math.round(performance.now() - started)} ms\n`);
    for (const p of [50, 99]) {
      const value = percentile(mine, p);
      const baseline = percentile(base, p);
      rows.push({
        suite: 'slack-ack', name: `ack p${p}, ${c} concurrent, ${label} (${mine.length} events)`, value: round(value, 1), unit: 'ms', baseline: round(baseline, 1), ratio: round(value / baseline, 2),
        ...(p === 99 ? { target: 'p99 < 1.5× bare Bolt and < 3 s', met: value < 1.5 * baseline && value < 3000 } : {}),
      });
    }
    rows.push({ suite: 'slack-ack', name: `${roundSize(c)} notes at ${c} concurrent, ${label}: last draft posted after the burst (median of ${draftsDone.length})`, value: Math.round(percentile(draftsDone, 50)), unit: 'ms' });
  }
  return rows;
}

export const suite: BenchSuite = {
  name: 'slack-ack',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'relais-ack-'));
    const world = await startWorld();
    try {
      if (DATABASES.has('pglite')) {
        rows.push(...await levels('PGlite', world, () => relais(world, { pgliteDir: join(dir, 'pglite') })));
        // Every model call hangs until the service's 20-second timeout; the acknowledgement must not wait for it.
        const bare = await bareBolt();
        const slow = await relais(world, { pgliteDir: join(dir, 'pglite-slow-model') }, {
          LLM_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: world.llmUrl, OPENAI_API_KEY: 'bench', OPENAI_MODEL: 'bench-model', LLM_TIMEOUT_MS: '20000',
        });
        try {
          // Warmed alike (50 events each): every note sent to this side starts a model call that hangs.
          await burst(bare.target, world.userId, 10, 50);
          const base: number[] = [];
          const mine: number[] = [];
          await burst(slow.target, world.userId, 10, 50);
          // Steady state: the first model call is under way (the process' first one loads fetch and warms up, once).
          await sleep(1500);
          for (let r = 0; r < 2; r++) {
            base.push(...await burst(bare.target, world.userId, 10, 100));
            mine.push(...await burst(slow.target, world.userId, 10, 100));
          }
          const value = percentile(mine, 99);
          rows.push({ suite: 'slack-ack', name: `ack p99, 10 concurrent, every model call 20 s (${mine.length} events)`, value: round(value, 1), unit: 'ms',
            baseline: round(percentile(base, 99), 1), ratio: round(value / percentile(base, 99), 2), target: '< 3 s', met: value < 3000 });
        } finally {
          await slow.stop();
          await bare.stop();
        }
      }
      // PostgreSQL as configured by default (each event written to the shared table before the acknowledgement),
      // then with INTAKE_JOURNAL_DIR (appended to the instance's journal, moved to the table in the background).
      const onPostgres = [
        ...(DATABASES.has('postgres') ? [{ label: 'PostgreSQL', journal: false }] : []),
        ...(DATABASES.has('postgres-journal') ? [{ label: 'PostgreSQL + journal', journal: true }] : []),
      ];
      const url = benchDatabaseUrl();
      for (const { label, journal } of onPostgres) {
        if (!url) {
          rows.push({ suite: 'slack-ack', name: `${label}: skipped (set TEST_DATABASE_URL or RELAIS_BENCH_DATABASE_URL)`, value: 0, unit: '-' });
          continue;
        }
        rows.push(...await withPostgresDatabase(url, (databaseUrl) => levels(label, world,
          () => relais(world, { url: databaseUrl, ...(journal ? { journalDir: join(dir, 'intake-journal') } : {}) }))));
      }
    } finally {
      await stopChild(world.child);
      rmSync(dir, { recursive: true, force: true });
      if (process.env['ACK_PROFILE']) writeFileSync(join(process.env['ACK_PROFILE'], 'bursts.json'), JSON.stringify(bursts));
      if (process.env['ACK_SAMPLES']) writeFileSync(process.env['ACK_SAMPLES'], JSON.stringify(bursts));
    }
    return rows;
  },
};
