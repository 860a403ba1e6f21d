import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import bolt from '@slack/bolt';
import type { ShiftNoteExtractor } from '../../src/core/ports/shift-note-extractor.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import { openPglite } from '../../src/storage/open-pglite.js';
import { createSlackHarness, SIGNING_SECRET } from '../../test/support/slack-harness.js';
import { percentile, round, type BenchRow, type BenchSuite } from '../bench-kit.js';
import { freePort } from '../../test/support/free-port.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { benchDatabaseUrl, withPostgres } from '../bench-postgres.js';

/**
 * Slack's 3-second rule (issue #12): acknowledgement latency of `POST /slack/events`
 * through Relais' whole HTTP stack (signature check, durable inbox write, ack) against
 * a bare Bolt app acknowledging the same signed events, at 1, 10 and 50 concurrent
 * events; then Relais again while every extraction takes 20 s (a slow model).
 */
const EVENTS = 100;
/** Every event a distinct message (ts) and event id: the inbox dedupes on the message, so a reused ts would measure redeliveries. */
let sent = 0;
const nextTs = () => `${1762100000 + ++sent}.000100`;


async function measure(concurrency: number, send: (i: number) => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < EVENTS) {
      const i = next++;
      const started = performance.now();
      const status = await send(i);
      if (status !== 200) throw new Error(`status ${status}`);
      times.push(performance.now() - started);
    }
  }));
  return times;
}

const eventBody = (run: string, i: number) => JSON.stringify({
  token: 'legacy', team_id: 'T0RELAIS', api_app_id: 'A0RELAIS', type: 'event_callback', event_id: `Ev${run}-${i}`, event_time: 1762100000,
  authorizations: [{ team_id: 'T0RELAIS', user_id: 'U0BOT', is_bot: true }],
  event: { type: 'message', channel: 'D0BENCH', channel_type: 'im', user: 'U0BENCH', text: `note ${i} : tout le monde là, ${i} m2 de tonte`, ts: nextTs(), event_ts: `1762100${i}.000100` },
});

async function bareBolt(): Promise<{ send: (run: string, i: number) => Promise<number>; stop: () => Promise<void> }> {
  const port = await freePort();
  const app = new bolt.App({
    signingSecret: SIGNING_SECRET, authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BOT' }),
    logLevel: bolt.LogLevel.ERROR,
  });
  app.event('message', async () => undefined);
  await app.start(port);
  const send = async (run: string, i: number): Promise<number> => {
    const body = eventBody(run, i);
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: {
      'content-type': 'application/json', 'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`,
    } });
    await res.arrayBuffer();
    return res.status;
  };
  return { send, stop: () => app.stop() as Promise<void> };
}

async function relais(extractor: ShiftNoteExtractor, database?: DatabaseHandle) {
  const db = database ?? await openPglite(undefined);
  if (!database) await db.migrate();
  const s = await createSlackHarness(db, { extractor });
  const user = s.user('demo-eti-ev');
  // Steady state: the encadrant has written before, so Relais already knows who they are (linked by e-mail).
  await s.event(s.dmMessage(user, 'bonjour', nextTs()), { eventId: 'Ev-hello' });
  await s.h.drain();
  const send = async (run: string, i: number): Promise<number> =>
    (await s.event(s.dmMessage(user, `note ${i} : tout le monde là, ${i} m2 de tonte`, nextTs()), { eventId: `Ev${run}-${i}` })).status;
  return { send, stop: async () => { await s.close().catch(() => undefined); if (!database) await db.close(); } };
}

/** The same levels against PostgreSQL (the multi-instance set-up), whose queries do not run on Node's main thread. */
async function onPostgres(url: string, bare: Awaited<ReturnType<typeof bareBolt>>): Promise<BenchRow[]> {
  return withPostgres(url, async (handle) => {
    const rows: BenchRow[] = [];
    const ours = await relais(createRulesShiftNoteExtractor(), handle);
    try {
      for (const c of [1, 10, 50]) {
        const base = await measure(c, (i) => bare.send(`pb${c}`, i));
        const mine = await measure(c, (i) => ours.send(`pr${c}`, i));
        const value = percentile(mine, 99);
        const baseline = percentile(base, 99);
        rows.push({
          suite: 'slack-ack', name: `ack p99, ${c} concurrent, PostgreSQL`, value: round(value, 1), unit: 'ms', baseline: round(baseline, 1), ratio: round(value / baseline, 2),
          target: 'p99 < 1.5× bare Bolt and < 3 s', met: value < 1.5 * baseline && value < 3000,
        });
      }
    } finally {
      await ours.stop();
    }
    return rows;
  }, 10);
}

export const suite: BenchSuite = {
  name: 'slack-ack',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const bare = await bareBolt();
    const ours = await relais(createRulesShiftNoteExtractor());
    try {
      for (const c of [1, 10, 50]) {
        const base = await measure(c, (i) => bare.send(`b${c}`, i));
        const mine = await measure(c, (i) => ours.send(`r${c}`, i));
        for (const p of [50, 99]) {
          const value = percentile(mine, p);
          const baseline = percentile(base, p);
          rows.push({
            suite: 'slack-ack', name: `ack p${p}, ${c} concurrent`, value: round(value, 1), unit: 'ms', baseline: round(baseline, 1), ratio: round(value / baseline, 2),
            ...(p === 99 ? { target: 'p99 < 1.5× bare Bolt and < 3 s', met: value < 1.5 * baseline && value < 3000 } : {}),
          });
        }
      }
    } finally {
      await ours.stop();
    }
    const slowModel: ShiftNoteExtractor = {
      extract: async (note, context) => {
        await new Promise((r) => setTimeout(r, 20_000));
        return createRulesShiftNoteExtractor().extract(note, context);
      },
    };
    const slow = await relais(slowModel);
    try {
      const base = await measure(10, (i) => bare.send('bs', i));
      const mine = await measure(10, (i) => slow.send('rs', i));
      const value = percentile(mine, 99);
      rows.push({ suite: 'slack-ack', name: 'ack p99, 10 concurrent, every extraction 20 s', value: round(value, 1), unit: 'ms', baseline: round(percentile(base, 99), 1),
        ratio: round(value / percentile(base, 99), 2), target: '< 3 s', met: value < 3000 });
    } finally {
      await slow.stop();
    }
    try {
      const url = benchDatabaseUrl();
      if (url) rows.push(...await onPostgres(url, bare));
      else rows.push({ suite: 'slack-ack', name: 'PostgreSQL: skipped (set TEST_DATABASE_URL or RELAIS_BENCH_DATABASE_URL)', value: 0, unit: '-' });
    } finally {
      await bare.stop();
    }
    return rows;
  },
};
