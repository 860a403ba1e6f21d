import { IngressGate } from '../../src/jobs/ingress-gate.js';
import { PollingWorker } from '../../src/jobs/polling-worker.js';
import { createHttpServer } from '../../src/http/http-server.js';
import { silentLogger } from '../../src/core/ports/logger.js';

/** A gate on a hand-moved clock: each sleep moves time forward by what was asked. */
function fakeTimeGate(quietMs: number, maxWaitMs: number) {
  let now = 0;
  const sleeps: number[] = [];
  const gate = new IngressGate({
    quietMs, maxWaitMs, now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  });
  return { gate, sleeps, advance: (ms: number) => { now += ms; }, now: () => now };
}

describe('IngressGate: acknowledgements first', () => {
  it('lets a worker go at once when no request was seen', async () => {
    const { gate, sleeps } = fakeTimeGate(10, 1000);
    await gate.giveWay();
    expect(sleeps).toEqual([]);
    expect(gate.busy).toBe(false);
  });

  it('holds a worker while a request is in flight and until the doors have been quiet for quietMs', async () => {
    const { gate, now } = fakeTimeGate(10, 1000);
    const leave = gate.enter();
    let released = false;
    const waiting = gate.giveWay().then(() => { released = true; });
    await Promise.resolve();
    expect(released).toBe(false);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(released).toBe(false);
    expect(now()).toBeGreaterThan(0);
    const leftAt = now();
    leave();
    await waiting;
    expect(released).toBe(true);
    expect(now() - leftAt).toBeLessThanOrEqual(10);
    expect(now()).toBeLessThan(1000);
    expect(gate.busy).toBe(false);
  });

  it('never holds a worker longer than maxWaitMs, however long the stream of requests', async () => {
    const { gate, now } = fakeTimeGate(10, 300);
    gate.enter();
    await gate.giveWay();
    expect(now()).toBe(300);
    expect(gate.busy).toBe(true);
  });

  it('counts overlapping requests, and a second leave() of the same request changes nothing', async () => {
    const { gate, advance } = fakeTimeGate(10, 1000);
    const first = gate.enter();
    const second = gate.enter();
    first();
    first();
    advance(50);
    expect(gate.busy).toBe(true);
    second();
    expect(gate.busy).toBe(true);
    advance(10);
    expect(gate.busy).toBe(false);
  });
});

describe('IngressGate between the HTTP server and a worker', () => {
  it('a job waits while an acknowledging route is answering, and runs right after', async () => {
    const gate = new IngressGate({ quietMs: 5, maxWaitMs: 5_000 });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    const events: string[] = [];
    const http = createHttpServer([
      { method: 'POST', path: '/ack', acknowledges: true, handler: async (_req, res) => { await answered; events.push('acknowledged'); res.end('ok'); } },
      { method: 'POST', path: '/other', handler: async (_req, res) => { await answered; res.end('ok'); } },
    ], silentLogger, { ingress: gate });
    const { port } = await http.listen('127.0.0.1', 0);
    let pending = 1;
    const worker = new PollingWorker('test', async () => {
      if (pending === 0) return false;
      pending--;
      events.push('job');
      return true;
    }, 60_000, silentLogger, () => gate.giveWay());
    try {
      const request = fetch(`http://127.0.0.1:${port}/ack`, { method: 'POST', body: 'x' });
      while (!gate.busy) await new Promise((r) => setTimeout(r, 1));
      worker.start();
      await new Promise((r) => setTimeout(r, 100));
      expect(events).toEqual([]);
      answer();
      expect((await request).status).toBe(200);
      while (events.length < 2) await new Promise((r) => setTimeout(r, 1));
      expect(events).toEqual(['acknowledged', 'job']);
    } finally {
      await worker.stop();
      await http.close(1000);
    }
  });

  it('a route that does not acknowledge a platform holds nothing back', async () => {
    const gate = new IngressGate({ quietMs: 5, maxWaitMs: 5_000 });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => { answer = resolve; });
    const http = createHttpServer([
      { method: 'GET', path: '/document', handler: async (_req, res) => { await answered; res.end('pdf'); } },
    ], silentLogger, { ingress: gate });
    const { port } = await http.listen('127.0.0.1', 0);
    let ran = false;
    const worker = new PollingWorker('test', async () => { ran = true; return false; }, 60_000, silentLogger, () => gate.giveWay());
    try {
      const request = fetch(`http://127.0.0.1:${port}/document`);
      await new Promise((r) => setTimeout(r, 20));
      worker.start();
      while (!ran) await new Promise((r) => setTimeout(r, 1));
      expect(gate.busy).toBe(false);
      answer();
      expect((await request).status).toBe(200);
    } finally {
      await worker.stop();
      await http.close(1000);
    }
  });
});
