import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildRelais } from '../../src/app/composition-root.js';
import { loadConfig } from '../../src/config/load-config.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { DEMO_ROSTER, DEMO_STRUCTURE } from '../../src/demo/demo-roster.js';
import { IntakeJournal } from '../../src/jobs/intake-journal.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { freePort } from '../support/free-port.js';
import { runCli, startCli } from '../support/run-cli.js';
import { httpCall, killHard, startService } from '../support/service-process.js';
import { openTestPostgres, testDatabaseUrl, warnIfPostgresSkipped } from '../support/test-database.js';

/**
 * PostgreSQL with INTAKE_JOURNAL_DIR (issue #12): each instance of the service
 * appends an event to its own journal, acknowledges it, and moves it to the
 * shared inbox table a moment later. Two real instances on one PostgreSQL get
 * the same notes (platform retries landing on the other instance); one is
 * SIGKILLed twice, the last time right after the last acknowledgement: at its
 * next start every acknowledged note is there, once, and drafted.
 */
warnIfPostgresSkipped();
const url = testDatabaseUrl();
const NOTES = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(url ? describe : describe.skip)('PostgreSQL with an intake journal per instance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-pg-journal-'));
  let database: DatabaseHandle & { readonly url: string };
  const running: ChildProcess[] = [];
  beforeAll(async () => {
    database = await openTestPostgres(url!);
    const seeder = await buildRelais(config(join(dir, 'unused')), { logger: silentLogger });
    try {
      await seeder.useCases.seedDemo({ structure: DEMO_STRUCTURE, roster: DEMO_ROSTER });
    } finally {
      await seeder.lifecycle.stop();
    }
  }, 60_000);
  afterAll(async () => {
    for (const child of running) await killHard(child);
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const config = (journal: string) => {
    const loaded = loadConfig({ RELAIS_ENV: 'development', DATABASE_URL: database.url, INTAKE_JOURNAL_DIR: journal, JOB_LEASE_SECONDS: '2' });
    if (!loaded.ok) throw new Error('config');
    return loaded.config;
  };
  const rows = async (q: ReturnType<typeof sql>) => (await database.db.execute(q) as unknown as { rows: Array<Record<string, unknown>> }).rows;
  const incoming = (userId: string, id: string) => ({
    kind: 'message' as const, id, text: 'tout le monde là', user: { platform: 'playground', workspaceId: '', userId },
    place: { kind: 'dm' as const, workspaceId: '', conversationId: `dm:${userId}` },
  });

  it('journals only in the service: the event is in the journal before the table, a second instance on the folder is refused, one-shot commands leave it alone', async () => {
    const journal = join(dir, 'in-process');
    const service = await buildRelais(config(journal), { logger: silentLogger, service: true });
    try {
      const author = (await service.stores.roster.listPeople((await service.stores.roster.defaultStructure()).id)).find((p) => p.role === 'encadrant')!;
      await service.conversation.uow.stores.identities.linkPlatformUser({ platform: 'playground', workspaceId: '', userId: author.id }, author.id, {});
      expect(service.conversation.journal).not.toBeNull();
      const { created } = await service.conversation.intake(incoming(author.id, 'pgj-0001'));
      expect(created).toBe(true);
      // Acknowledged once journaled (read before any timer can run: the move waits for 10 quiet milliseconds).
      expect(new IntakeJournal(journal).leftovers().entries.map((e) => e.dedupeKey)).toEqual(['playground:pgj-0001']);
      // A second service on the same folder would append to and delete this one's files.
      await expect(buildRelais(config(journal), { logger: silentLogger, service: true })).rejects.toMatchObject({ code: 'intake.journal_busy' });
      // A one-shot command (same configuration) writes straight to the table and never opens the folder.
      const oneShot = await buildRelais(config(journal), { logger: silentLogger });
      try {
        expect(oneShot.conversation.journal).toBeNull();
      } finally {
        await oneShot.lifecycle.stop();
      }
      // Moved in the background once no request waits (or now, by a flush).
      await service.conversation.journal!.flush();
      expect(await rows(sql`select status from relais.inbox where dedupe_key = 'playground:pgj-0001'`)).toEqual([{ status: 'pending' }]);
    } finally {
      await service.lifecycle.stop();
    }
    expect(readdirSync(journal).filter((f) => f.endsWith('.jsonl'))).toEqual([]);
    expect(existsSync(join(journal, 'relais.lock'))).toBe(false);
  }, 60_000);

  it('refuses to start a second instance on the same folder, or on a folder it cannot write, in French', async () => {
    const journal = join(dir, 'shared-by-mistake');
    const port = await freePort();
    const env = { DATABASE_URL: database.url, INTAKE_JOURNAL_DIR: journal, PORT: String(port), LOG_LEVEL: 'error', RELAIS_ENV: 'development', HTTP_RATE_LIMIT_PER_MINUTE: '0' };
    const first = await startService(env, port);
    running.push(first);
    const second = startCli(['start'], { ...env, PORT: String(await freePort()) });
    let out = '';
    second.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    second.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(out).toContain(`Le journal d'entrée (${journal}) est déjà utilisé par une autre instance de Relais (processus ${first.pid})`);
    expect(out).not.toMatch(/\n\s+at /);
    await killHard(first);
    // A folder that cannot be made (here under a file): said so, not blamed on the database.
    writeFileSync(join(dir, 'a-file'), '');
    const unwritable = runCli(['start'], { ...env, INTAKE_JOURNAL_DIR: join(dir, 'a-file', 'intake'), PORT: '0' });
    expect(unwritable.status).not.toBe(0);
    expect(unwritable.stdout + unwritable.stderr).toContain(`Le dossier du journal d'entrée (${join(dir, 'a-file', 'intake')}) ne peut pas être créé ou écrit (ENOTDIR)`);
  }, 120_000);

  it('loses no acknowledged note when an instance is killed, with retries landing on the other instance', async () => {
    const envOf = (name: string, port: number) => ({
      DATABASE_URL: database.url, INTAKE_JOURNAL_DIR: join(dir, name), PORT: String(port), LOG_LEVEL: 'error', RELAIS_ENV: 'development',
      HTTP_RATE_LIMIT_PER_MINUTE: '0', JOB_LEASE_SECONDS: '2',
    });
    const authors = (await rows(sql`select id from relais.people where role = 'encadrant'`)).map((r) => String(r['id']));
    expect(authors.length).toBeGreaterThan(0);
    const ports = [await freePort(), await freePort()];
    const instances: Array<ChildProcess | null> = [null, null];
    const start = async (i: number) => {
      instances[i] = await startService(envOf(`instance-${i}`, ports[i]!), ports[i]!);
      running.push(instances[i]!);
    };
    await Promise.all([start(0), start(1)]);

    const acked = new Set<number>();
    let next = 0;
    let restarting: Promise<void> | null = null;
    const killAt = new Set([Math.floor(NOTES / 2)]);
    /** Posts until one instance acknowledges; every fourth note is also sent to the other instance (a platform retry). */
    const send = async (i: number): Promise<void> => {
      const author = authors[i % authors.length]!;
      const body = { as: author, conversationId: `dm:${author}`, id: `pgj-${String(i).padStart(4, '0')}`, text: `note ${i} : tout le monde là, ${10 + i} m2 de tonte` };
      const targets = i % 4 === 0 ? [0, 1] : [i % 2];
      await Promise.all(targets.map(async (target) => {
        for (;;) {
          if (target === 0) await restarting;
          let status = 0;
          try {
            status = (await httpCall(ports[target]!, 'POST', '/playground/api/send', body)).status;
          } catch { /* down: sent again with the same id */ }
          if (status === 202) return;
          if (status >= 400 && status < 500) throw new Error(`send refused: ${status}`);
          await sleep(50);
        }
      }));
      acked.add(i);
    };
    const sender = async () => {
      while (next < NOTES) {
        await send(next++);
        if (killAt.has(acked.size) && !restarting) {
          killAt.delete(acked.size);
          restarting = (async () => { await killHard(instances[0]); await start(0); restarting = null; })();
        }
      }
    };
    await Promise.all([sender(), sender()]);
    await restarting;
    // The last kill right after the last acknowledgement: instance 0's journal may hold what the table lacks.
    await killHard(instances[0]);
    const left = new IntakeJournal(join(dir, 'instance-0')).leftovers().entries.length;
    await start(0);
    try {
      for (let i = 0; i < 80; i++) {
        if ((await rows(sql`select 1 from relais.inbox where status not in ('done', 'dead')`)).length === 0
          && (await rows(sql`select 1 from relais.shift_notes where platform = 'playground' and platform_event_id like '%pgj-%'`)).length >= NOTES) break;
        await sleep(250);
      }
      const notes = await rows(sql`select platform_event_id as id, status from relais.shift_notes where platform = 'playground' and platform_event_id like '%:pgj-%'`);
      const ids = notes.map((n) => String(n['id']));
      const missing = [...acked].filter((i) => !ids.some((id) => id.endsWith(`:pgj-${String(i).padStart(4, '0')}`)));
      const jobs = await rows(sql`select status, count(*)::int as n from relais.inbox group by status`);
      console.log(`PostgreSQL journal crash: ${acked.size} acknowledged, ${left} events still journaled at the last kill, notes ${notes.length}, missing ${missing.length}; inbox ${JSON.stringify(jobs)}`);
      expect(acked.size).toBe(NOTES);
      expect(missing).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(notes).toHaveLength(NOTES);
      expect(notes.filter((n) => n['status'] !== 'draft')).toEqual([]);
      expect(jobs.filter((j) => j['status'] !== 'done')).toEqual([]);
      // Recovered at start: nothing of instance 0 is left in its journal.
      expect(new IntakeJournal(join(dir, 'instance-0')).leftovers().entries).toEqual([]);
    } finally {
      for (const child of instances) await killHard(child);
    }
  }, 240_000);
});
