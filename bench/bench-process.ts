import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';

/** Child processes of the benches that run the real service (service, slack-ack). */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once GET `path` on the local `port` answers 200 (polled every 10 ms, for a minute at most). */
export async function untilAnswers(port: number, path: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      request({ host: '127.0.0.1', port, path }, (res) => { res.resume(); resolve(res.statusCode === 200); })
        .on('error', () => resolve(false)).end();
    });
    if (ok) return;
    await sleep(10);
  }
  throw new Error(`127.0.0.1:${port}${path} did not answer`);
}

/** SIGTERM, then SIGKILL if the process is still there 10 s later; resolves once it has exited. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  await exited;
}
