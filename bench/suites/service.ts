import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { percentile, round, type BenchRow, type BenchSuite } from '../bench-kit.js';
import { freePort } from '../../test/support/free-port.js';
import { sleep, stopChild, untilAnswers } from '../bench-process.js';

/**
 * The whole service as users meet it (issue #12): `relais start` on embedded
 * PGlite as a child process. Start-up on a fresh and on an existing folder,
 * memory idle and under load, note-to-draft latency through the playground
 * door (HTTP send → durable inbox → rules engine → draft in the transcript),
 * and draft throughput. Baselines, measured in the same run: a bare Node HTTP
 * server (start-up, memory) and a GET /healthz round trip on the same service.
 */
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'relais.js');

function http(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => { text += String(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function untilReady(port: number, path: string, started: number): Promise<number> {
  await untilAnswers(port, path);
  return performance.now() - started;
}

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? 'VmRSS: 0 kB';
  return Number(/(\d+)/.exec(line)![1]) / 1024;
};

interface Service { child: ChildProcess; port: number; startMs: number }

async function startService(dir: string): Promise<Service> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'start'], { cwd: root, env: { PATH: process.env['PATH'] ?? '', PGLITE_DIR: dir, PORT: String(port), LOG_LEVEL: 'error', HTTP_RATE_LIMIT_PER_MINUTE: '0' }, stdio: 'ignore' });
  const startMs = await untilReady(port, '/readyz', started);
  return { child, port, startMs };
}

async function bareNode(): Promise<{ startMs: number; rss: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`], { stdio: 'ignore' });
  const startMs = await untilReady(port, '/', started);
  await sleep(1000);
  const rss = rssMb(child.pid!);
  await stopChild(child);
  return { startMs, rss };
}

interface Person { id: string; role: string }

async function people(port: number): Promise<Person[]> {
  return (JSON.parse((await http(port, 'GET', '/playground/api/people')).body) as { people: Person[] }).people;
}

/** Sends a note and waits for its draft (a message carrying the Valider button) to appear in the author's DM. */
async function noteToDraft(port: number, author: string, n: number): Promise<number> {
  const before = JSON.parse((await http(port, 'GET', `/playground/api/messages?as=${author}&since=0`)).body) as { messages: Array<{ seq: number }> };
  const since = Math.max(0, ...before.messages.map((m) => m.seq));
  const started = performance.now();
  await http(port, 'POST', '/playground/api/send', {
    as: author, conversationId: `dm:${author}`, id: `bench-${author.slice(0, 8)}-${n}-${Date.now()}`,
    text: `Tout le monde là sauf Inès malade, Lucas en retard de 10 minutes, ${100 + n} m2 de tonte au parc, Moussa a bien mis ses EPI`,
  });
  for (;;) {
    const page = JSON.parse((await http(port, 'GET', `/playground/api/messages?as=${author}&since=${since}`)).body) as { messages: Array<{ fromRelais: boolean; html: string | null; conversationId: string }> };
    if (page.messages.some((m) => m.fromRelais && m.conversationId === `dm:${author}` && (m.html ?? '').includes('note.confirm'))) return performance.now() - started;
    await sleep(5);
  }
}

export const suite: BenchSuite = {
  name: 'service',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
    try {
      const bare = await bareNode();
      const fresh = await startService(join(dir, 'pglite'));
      await stopChild(fresh.child);
      spawnSync(process.execPath, [bin, 'demo', 'seed'], { cwd: root, env: { PATH: process.env['PATH'] ?? '', PGLITE_DIR: join(dir, 'pglite'), LOG_LEVEL: 'error' }, stdio: 'ignore' });
      const service = await startService(join(dir, 'pglite'));
      rows.push({ suite: 'service', name: 'start-up, fresh PGlite folder', value: Math.round(fresh.startMs), unit: 'ms', baseline: Math.round(bare.startMs), ratio: round(fresh.startMs / bare.startMs, 1), target: 'ready < 15 s', met: fresh.startMs < 15_000 });
      rows.push({ suite: 'service', name: 'start-up, existing PGlite folder', value: Math.round(service.startMs), unit: 'ms', baseline: Math.round(bare.startMs), ratio: round(service.startMs / bare.startMs, 1), target: 'ready < 5 s', met: service.startMs < 5_000 });
      await sleep(2000);
      const idle = rssMb(service.child.pid!);
      rows.push({ suite: 'service', name: 'memory idle (RSS)', value: Math.round(idle), unit: 'MB', baseline: Math.round(bare.rss), ratio: round(idle / bare.rss, 1), target: '< 300 MB', met: idle < 300 });

      const health = [];
      for (let i = 0; i < 50; i++) {
        const t0 = performance.now();
        await http(service.port, 'GET', '/healthz');
        health.push(performance.now() - t0);
      }
      const authors = (await people(service.port)).filter((p) => p.role === 'encadrant').map((p) => p.id);
      const latencies: number[] = [];
      for (let i = 0; i < 30; i++) latencies.push(await noteToDraft(service.port, authors[i % authors.length]!, i));
      const p95 = percentile(latencies, 95);
      rows.push({ suite: 'service', name: 'note to draft p50 (rules, PGlite)', value: round(percentile(latencies, 50), 1), unit: 'ms', baseline: round(percentile(health, 50), 2), ratio: round(percentile(latencies, 50) / percentile(health, 50), 0) });
      rows.push({ suite: 'service', name: 'note to draft p95 (rules, PGlite)', value: round(p95, 1), unit: 'ms', baseline: round(percentile(health, 95), 2), ratio: round(p95 / percentile(health, 95), 0), target: 'p95 < 500 ms', met: p95 < 500 });

      // Load: every encadrant sends 10 notes at once, twice over; RSS sampled meanwhile.
      let peak = idle;
      const sampler = setInterval(() => { peak = Math.max(peak, rssMb(service.child.pid!)); }, 100);
      const started = performance.now();
      const loaded: number[] = [];
      await Promise.all(authors.flatMap((a) => Array.from({ length: 10 }, (_, i) => noteToDraft(service.port, a, 100 + i).then((ms) => loaded.push(ms)))));
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      rows.push({ suite: 'service', name: `drafts per second (${loaded.length} notes at once)`, value: round(loaded.length / seconds, 1), unit: 'notes/s' });
      rows.push({ suite: 'service', name: 'note to draft p95 under load', value: round(percentile(loaded, 95), 1), unit: 'ms', baseline: round(p95, 1), ratio: round(percentile(loaded, 95) / p95, 1) });
      rows.push({ suite: 'service', name: 'memory under load (peak RSS)', value: Math.round(peak), unit: 'MB', baseline: Math.round(idle), ratio: round(peak / idle, 2) });
      await stopChild(service.child);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return rows;
  },
};
