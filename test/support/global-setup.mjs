// Once per test run: build dist/ (tests that spawn `relais` use it), and prepare a
// migrated PGlite folder and PostgreSQL template database that each test file copies
// in well under a second. Plain ESM (jest loads global setup outside its transform);
// it uses the freshly built adapters from dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function migrationsHash() {
  const hash = createHash('sha256');
  const dir = join(root, 'drizzle');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export default async function globalSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  const hash = migrationsHash();
  await preparePgliteTemplate(join(root, 'node_modules', '.cache', 'relais-test', `pglite-${hash}`));
  const url = process.env.TEST_DATABASE_URL;
  // One template family per checkout: worktrees sharing a PostgreSQL server must not drop each other's templates.
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 6);
  if (url) await preparePostgresTemplate(url, `relais_template_${checkout}_${hash}`, `relais_template_${checkout}_`);
}

const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);

async function preparePgliteTemplate(dir) {
  if (existsSync(dir)) return;
  const { openPglite } = await load('storage/open-pglite.js');
  const building = `${dir}.building-${process.pid}`;
  mkdirSync(dirname(dir), { recursive: true });
  const handle = await openPglite(building);
  await handle.migrate();
  await handle.close();
  try {
    renameSync(building, dir);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
}

async function preparePostgresTemplate(url, name, family) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    // Templates of earlier migrations are dropped so they do not pile up.
    const old = await admin.query('select datname from pg_database where starts_with(datname, $1)', [family]);
    for (const row of old.rows) await admin.query(`drop database if exists "${row.datname}"`).catch(() => undefined);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const { openPostgres } = await load('storage/open-postgres.js');
  const handle = await openPostgres(target.toString(), 2);
  await handle.migrate();
  await handle.close();
}
