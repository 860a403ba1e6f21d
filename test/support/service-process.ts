import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { startCli } from './run-cli.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One HTTP request to the service on 127.0.0.1 (5-second timeout). */
export function httpCall(port: number, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ host: '127.0.0.1', port, method, path, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}, timeout: 5000 }, (res) => {
      let text = '';
      res.on('data', (c) => { text += String(c); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(data);
  });
}

/** `relais start` as a child process with this environment, once `/readyz` answers 200 on `port`. */
export async function startService(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = startCli(['start'], env);
  child.stdout?.resume();
  child.stderr?.resume();
  for (let i = 0; i < 600; i++) {
    try {
      if ((await httpCall(port, 'GET', '/readyz')).status === 200) return child;
    } catch { /* not up yet */ }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error('the service did not become ready');
}

/** SIGKILL, as a crash: nothing is flushed or closed. Resolves once the process is gone. */
export async function killHard(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}
