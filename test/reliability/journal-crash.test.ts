import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildRelais, type Relais } from '../../src/app/composition-root.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../src/demo/demo-roster.js';
import { IntakeJournal } from '../../src/jobs/intake-journal.js';
import { freePort } from '../support/free-port.js';
import { httpCall, killHard, startService } from '../support/service-process.js';

/**
 * The embedded install (PGlite in a folder) acknowledges an event once it is
 * appended to the intake journal, and moves it to the inbox table a moment
 * later. The real service is SIGKILLed while notes arrive, the last time
 * right after the last acknowledgement, when the journal still holds events
 * the table does not: at the next start every acknowledged note is there,
 * once, and drafted.
 */
const NOTES = 60;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('embedded install: a SIGKILL never loses a journaled, acknowledged note', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-journal-crash-'));
  let running: ChildProcess | null = null;
  afterAll(() => {
    if (running && running.exitCode === null) running.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (): Promise<Relais> => {
    const loaded = loadConfig({ RELAIS_ENV: 'development', PGLITE_DIR: dir, JOB_LEASE_SECONDS: '2' });
    if (!loaded.ok) throw new Error('config');
    return buildRelais(loaded.config, { logger: silentLogger });
  };

  it('stores and drafts every acknowledged note after kills, the last one right after the last acknowledgement', async () => {
    const seeder = await open();
    await seeder.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: DEMO_ROSTER });
    const people = await seeder.stores.roster.listPeople((await seeder.stores.roster.defaultStructure()).id);
    await seeder.lifecycle.stop();
    const authors = people.filter((p) => p.role === 'encadrant');

    const port = await freePort();
    const env = { PGLITE_DIR: dir, PORT: String(port), LOG_LEVEL: 'error', RELAIS_ENV: 'development', HTTP_RATE_LIMIT_PER_MINUTE: '0', JOB_LEASE_SECONDS: '2' };
    const start = async () => { running = await startService(env, port); };
    const kill = () => killHard(running);

    await start();
    const acked = new Set<number>();
    let next = 0;
    let restarting: Promise<void> | null = null;
    const killAt = new Set([Math.floor(NOTES / 3), Math.floor((2 * NOTES) / 3)]);
    const sender = async () => {
      while (next < NOTES) {
        const i = next++;
        const author = authors[i % authors.length]!;
        const body = { as: author.id, conversationId: `dm:${author.id}`, id: `jcrash-${String(i).padStart(4, '0')}`, text: `note ${i} : tout le monde là, ${10 + i} m2 de tonte au parc` };
        for (;;) {
          await restarting;
          let status = 0;
          try {
            status = (await httpCall(port, 'POST', '/playground/api/send', body)).status;
          } catch { /* the process is down: sent again with the same id */ }
          if (status === 202) {
            acked.add(i);
            break;
          }
          if (status >= 400 && status < 500) throw new Error(`send refused: ${status}`);
          await sleep(50);
        }
        if (killAt.has(acked.size) && !restarting) {
          killAt.delete(acked.size);
          restarting = (async () => { await kill(); await start(); restarting = null; })();
        }
      }
    };
    await Promise.all([sender(), sender(), sender()]);
    await restarting;
    // The last kill comes right after the last acknowledgement: the journal holds what the table does not have yet.
    await kill();
    const left = new IntakeJournal(join(dir, 'relais-intake')).leftovers().entries.length;
    const relais = await open();
    try {
      const rows = async (q: ReturnType<typeof sql>) => (await relais.database.db.execute(q) as unknown as { rows: Array<Record<string, unknown>> }).rows;
      // A job a killed worker had claimed is taken again once its 2-second lease has expired.
      for (let i = 0; i < 40; i++) {
        await relais.conversation.drain();
        if ((await rows(sql`select 1 from relais.inbox where status not in ('done', 'dead')`)).length === 0) break;
        await sleep(250);
      }
      const notes = await rows(sql`select platform_event_id as id, status from relais.shift_notes where platform = 'playground'`);
      const ids = notes.map((n) => String(n['id']));
      const missing = [...acked].filter((i) => !ids.some((id) => id.endsWith(`:jcrash-${String(i).padStart(4, '0')}`)));
      const jobs = await rows(sql`select status, count(*)::int as n from relais.inbox group by status`);
      console.log(`journal crash: ${acked.size} acknowledged, ${left} events still journaled at the last kill, notes ${notes.length}, missing ${missing.length}; inbox ${JSON.stringify(jobs)}`);
      expect(acked.size).toBe(NOTES);
      expect(left).toBeGreaterThan(0);
      expect(missing).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(notes).toHaveLength(NOTES);
      expect(notes.filter((n) => n['status'] !== 'draft')).toEqual([]);
      expect(jobs.filter((j) => j['status'] !== 'done')).toEqual([]);
    } finally {
      await relais.lifecycle.stop();
    }
  }, 180_000);

  it('moves what is journaled to the inbox table on a clean shutdown, leaving the journal empty', async () => {
    const relais = await open();
    const author = (await relais.stores.roster.listPeople((await relais.stores.roster.defaultStructure()).id)).find((p) => p.role === 'encadrant')!;
    await relais.conversation.uow.stores.identities.linkPlatformUser({ platform: 'playground', workspaceId: '', userId: author.id }, author.id, {});
    const { created } = await relais.conversation.intake({
      kind: 'message', id: 'shutdown-0001', text: 'tout le monde là', user: { platform: 'playground', workspaceId: '', userId: author.id },
      place: { kind: 'dm', workspaceId: '', conversationId: `dm:${author.id}` },
    });
    expect(created).toBe(true);
    expect(relais.conversation.journal?.waiting).toBe(1);
    await relais.lifecycle.stop();
    expect(new IntakeJournal(join(dir, 'relais-intake')).leftovers().entries).toEqual([]);
    const after = await open();
    try {
      const rows = (await after.database.db.execute(sql`select status from relais.inbox where dedupe_key = 'playground:shutdown-0001'`) as unknown as { rows: unknown[] }).rows;
      expect(rows).toEqual([{ status: 'pending' }]);
    } finally {
      await after.lifecycle.stop();
    }
  }, 60_000);
});
