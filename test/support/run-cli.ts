import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './test-paths.js';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const bin = join(root, 'bin', 'relais.js');

/** Runs the built `relais` command with only the given environment (plus PATH). */
export function runCli(args: string[], env: Record<string, string> = {}, input?: string): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root, input, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Same, without blocking the event loop (for tests that talk to the process meanwhile). */
export function startCli(args: string[], env: Record<string, string>) {
  return spawn(process.execPath, [bin, ...args], {
    cwd: root, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
}
