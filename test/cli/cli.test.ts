import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { pgliteTemplateDir, sharedDir } from '../support/test-paths.js';

const roster = join(sharedDir, 'eval/dev/roster.csv');

/** A migrated PGlite folder of its own for each command sequence. */
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'relais-cli-'));
  cpSync(pgliteTemplateDir(), dir, { recursive: true });
  return dir;
}

describe('relais command', () => {
  it('prints French help and its version', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Utilisation :');
    expect(help.stdout).toContain('Commandes :');
    expect(help.stdout).toMatch(/roster\s+Liste des personnes/);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('speaks English when asked', () => {
    expect(runCli(['--help'], { RELAIS_LOCALE: 'en' }).stdout).toContain('Commands:');
  });

  it('exits 2 with a French message on bad usage', () => {
    const unknown = runCli(['frobnicate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('commande inconnue « frobnicate »');
    const missing = runCli(['extract', '--roster', roster]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('option obligatoire manquante');
    const badEngine = runCli(['extract', '--roster', roster, '--author', 'e01', '--date', '2026-11-02', '--engine', 'magic']);
    expect(badEngine.status).toBe(2);
    expect(badEngine.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('refuses to start with a broken configuration, listing every problem', () => {
    const result = runCli(['db', 'migrate'], { PORT: 'x', DEFAULT_TIMEZONE: 'Nowhere/City' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).toContain('DEFAULT_TIMEZONE');
  });

  it('checks the configuration with secrets masked', () => {
    const ok = runCli(['config', 'check'], { SLACK_BOT_TOKEN: 'xoxb-0000-supersecret', SLACK_APP_TOKEN: 'xapp-1-othersecret' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Configuration valide.');
    expect(ok.stdout).not.toContain('supersecret');
    expect(ok.stdout).not.toContain('othersecret');
    const bad = runCli(['config', 'check'], { SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('SLACK_SIGNING_SECRET');
  });

  it('imports the evaluation roster and lists everyone with team and role', () => {
    const env = { PGLITE_DIR: freshDataDir() };
    const imported = runCli(['roster', 'import', roster], env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('21 personne(s) ajoutée(s)');
    expect(runCli(['roster', 'import', roster], env).stdout).toContain('0 personne(s) ajoutée(s), 0 mise(s) à jour, 21 inchangée(s)');
    const list = runCli(['roster', 'list'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/s04\s+Jean-Pierre Lefèvre\s+espaces-verts\s+salarié·e en insertion/);
    expect(list.stdout).toMatch(/c01\s+Leïla Bensaïd\s+accompagnement\s+CIP/);
    expect(list.stdout).toContain('21 personne(s)');
    expect(runCli(['roster', 'list', '--team', 'Recyclerie'], env).stdout).toContain('10 personne(s)');
  });

  it('reports rejected lines with their number and exits 2, keeping the valid ones', () => {
    const env = { PGLITE_DIR: freshDataDir() };
    const file = join(mkdtempSync(join(tmpdir(), 'relais-csv-')), 'liste.csv');
    writeFileSync(file, 'Prénom;Nom;Rôle\nAnna;Roy;salariée\n;;salarié\nBob;Kent;astronaute\n');
    const result = runCli(['roster', 'import', file], env);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Ligne 3 : prénom et nom manquants');
    expect(result.stderr).toContain('Ligne 4 : rôle inconnu « astronaute »');
    expect(result.stdout).toContain('1 personne(s) ajoutée(s)');
  });

  it('explains a missing roster file without a stack trace', () => {
    const result = runCli(['roster', 'import', '/nonexistent/file.csv'], { PGLITE_DIR: freshDataDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Impossible de lire le fichier');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('seeds the demo structure, twice without duplicates', () => {
    const env = { PGLITE_DIR: freshDataDir() };
    expect(runCli(['demo', 'seed'], env).stdout).toContain('16 personnes, 2 équipes');
    expect(runCli(['demo', 'seed'], env).stdout).toContain('16 personnes, 2 équipes');
    const list = runCli(['roster', 'list'], env).stdout;
    expect(list).toContain('Claire Fontaine');
    expect(list).toMatch(/demo-s01\s+Lucas Morel\s+Espaces verts\s+salarié·e en insertion\s+Claire Fontaine/);
  });
});
