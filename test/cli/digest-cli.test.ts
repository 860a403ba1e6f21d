import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ROSTER } from '../../src/demo/demo-roster.js';
import { runCli } from '../support/run-cli.js';
import { pgliteTemplateDir } from '../support/test-paths.js';

const SLOW = 180_000;

/** The most recent Tuesday to Friday before today: the demo history has confirmed notes on working days. */
function recentWorkingDay(): string {
  const d = new Date();
  do d.setUTCDate(d.getUTCDate() - 1); while (![2, 3, 4, 5].includes(d.getUTCDay()));
  return d.toISOString().slice(0, 10);
}

describe('relais digest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-digest-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  beforeAll(() => {
    cpSync(pgliteTemplateDir(), env.PGLITE_DIR, { recursive: true });
    expect(runCli(['demo', 'seed'], env).status).toBe(0);
  }, SLOW);

  it('prints a neutral digest, posts it once, and says so when asked again', () => {
    const date = recentWorkingDay();
    const shown = runCli(['digest', '--team', 'espaces-verts', '--date', date], env);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^Résumé du jour — Espaces verts, /);
    expect(shown.stdout).toContain('Présences');
    for (const r of DEMO_ROSTER) expect(shown.stdout).not.toContain(r.lastName);
    const posted = runCli(['digest', '--team', 'espaces-verts', '--date', date, '--post'], env);
    expect(posted.status).toBe(0);
    expect(posted.stderr).toContain('publié pour Espaces verts');
    const again = runCli(['digest', '--team', 'espaces-verts', '--date', date, '--post'], env);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('était déjà publié');
  }, SLOW);

  it('explains a bad team or date in French', () => {
    const team = runCli(['digest', '--team', 'jardin', '--date', '2026-11-02'], env);
    expect(team.status).toBe(2);
    expect(team.stderr).toContain('Équipe inconnue. Équipes : ');
    const date = runCli(['digest', '--team', 'recyclerie', '--date', '2026-02-30'], env);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('Date invalide');
    expect(date.stderr).not.toMatch(/at .*\.js/);
  }, SLOW);
});
