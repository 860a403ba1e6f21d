import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCli } from '../support/run-cli.js';
import { testDatabaseUrl } from '../support/test-database.js';
import { pgliteTemplateDir } from '../support/test-paths.js';

/** Starts `relais start` on a free port and resolves with its URL once it listens. */
function start(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = startCli(['start'], { PORT: '0', LOG_LEVEL: 'warn', ...env });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not listening: ${out}`)), 110_000);
    child.stdout!.on('data', () => {
      const match = /écoute sur (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    });
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
  const began = Date.now();
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, ms: Date.now() - began }));
    child.kill('SIGTERM');
  });
}

async function checkServer(env: Record<string, string>): Promise<void> {
  const server = await start(env);
  try {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', reachable: true, migrated: true });
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    expect(server.output()).toContain('Slack : non configuré — renseignez SLACK_BOT_TOKEN');
    expect(server.output()).toContain('Teams : non configuré');
  } finally {
    const stopped = await stop(server.child);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    expect(server.output()).toContain('Relais est arrêté.');
  }
}

describe('relais start', () => {
  it('serves /healthz and /readyz on embedded PGlite and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-start-'));
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    await checkServer({ PGLITE_DIR: dir });
  }, 120_000);

  it('creates the embedded database on first start in an empty folder', async () => {
    await checkServer({ PGLITE_DIR: join(mkdtempSync(join(tmpdir(), 'relais-first-')), 'data') });
  }, 120_000);

  const url = testDatabaseUrl();
  (url ? it : it.skip)('serves /readyz on PostgreSQL (TEST_DATABASE_URL)', async () => {
    const name = `relais_start_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const target = new URL(url!);
    target.pathname = `/${name}`;
    try {
      await checkServer({ DATABASE_URL: target.toString() });
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 120_000);

  it('refuses a second process on the same embedded database, then starts once the first is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-lock-'));
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const first = await start({ PGLITE_DIR: dir });
    const second = startCli(['roster', 'list'], { PGLITE_DIR: dir });
    let err = '';
    second.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain('déjà ouverte par Relais');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.on('exit', resolve));
    // A lock left by a killed process is taken over.
    await checkServer({ PGLITE_DIR: dir });
  }, 60_000);

  it('says in French when the port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-port-'));
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const first = await start({ PGLITE_DIR: dir });
    const port = new URL(first.url).port;
    const dir2 = mkdtempSync(join(tmpdir(), 'relais-port2-'));
    cpSync(pgliteTemplateDir(), dir2, { recursive: true });
    const second = startCli(['start'], { PORT: port, PGLITE_DIR: dir2 });
    let err = '';
    second.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    await stop(first.child);
    expect(code).toBe(1);
    expect(err).toContain(`Le port ${port} est déjà utilisé`);
  }, 120_000);
});
