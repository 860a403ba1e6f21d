import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';
import { pgliteTemplateDir } from '../support/test-paths.js';

const SLOW = 180_000;

describe('relais gdpr export and erase on the demo data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-gdpr-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  beforeAll(() => {
    cpSync(pgliteTemplateDir(), env.PGLITE_DIR, { recursive: true });
    expect(runCli(['demo', 'seed'], env).status).toBe(0);
  }, SLOW);

  it('exports a salarié as JSON and PDF, refuses to erase without --confirm, then erases', async () => {
    const out = join(dir, 'export');
    const exported = runCli(['gdpr', 'export', 'Mariama Sow', '--out', out], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Export écrit');
    const json = JSON.parse(readFileSync(join(out, 'donnees-demo-s07.json'), 'utf8')) as { subject: { firstName: string }; tables: Array<{ table: string }> };
    expect(json.subject.firstName).toBe('Mariama');
    expect(json.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['people', 'observations', 'attendance']));
    expect((await pdfPages(readFileSync(join(out, 'donnees-demo-s07.pdf')))).join(' ')).toContain('Données personnelles — Mariama Sow');

    const refused = runCli(['gdpr', 'erase', 'Mariama Sow'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Relancez la commande avec --confirm');

    const encadrant = runCli(['gdpr', 'erase', 'Mariama Sow', '--confirm', '--as', 'demo-eti-ev'], env);
    expect(encadrant.status).toBe(1);
    expect(encadrant.stderr).toContain('pas le droit');

    const erased = runCli(['gdpr', 'erase', 'Mariama Sow', '--confirm'], env);
    expect(erased.status).toBe(0);
    expect(erased.stdout).toMatch(/Données de Mariama Sow effacées ou anonymisées : \d+ enregistrement\(s\) supprimé\(s\)/);
    const again = runCli(['gdpr', 'export', 'Mariama', '--out', join(dir, 'again')], env);
    expect(again.status).toBe(2);
    expect(existsSync(join(dir, 'again'))).toBe(false);
  }, SLOW * 2);

  it('shows direction the access log and verifies its chain', () => {
    const listed = runCli(['audit', 'list', '--as', 'demo-dir', '--person', 'Personne anonymisée'], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/\tcli\terase\tgdpr-export\tPersonne anonymisée/);
    expect(listed.stdout).toMatch(/\tcli\texport\tgdpr-export\tPersonne anonymisée/);
    expect(runCli(['audit', 'list', '--as', 'demo-cip'], env).status).toBe(1);
    const verified = runCli(['audit', 'verify'], env);
    expect(verified.stdout).toMatch(/Journal des accès intact : \d+ entrée/);
    expect(verified.status).toBe(0);
  }, SLOW);
});
