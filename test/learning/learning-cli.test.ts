import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';
import { pgliteTemplateDir } from '../support/test-paths.js';

const SLOW = 180_000;

describe('relais seance, competences import and attestation on the demo data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-learning-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  beforeAll(() => {
    cpSync(pgliteTemplateDir(), env.PGLITE_DIR, { recursive: true });
    expect(runCli(['demo', 'seed'], env).status).toBe(0);
  }, SLOW);

  it('prepares and schedules a séance, and writes its fiche as PDF', async () => {
    const out = join(dir, 'fiche.pdf');
    const run = runCli(['seance', 'taille de haies pour Lucas et Moussa jeudi 1h30', '--as', 'demo-eti-ev', '--valider', '--out', out], env);
    expect(run.stderr).toMatch(/Séance \S+ programmée/);
    expect(run.status).toBe(0);
    const text = (await pdfPages(readFileSync(out))).join(' ');
    expect(text).toContain('Fiche de séance — Taille de haies');
    expect(text).toContain("À l'issue de la séance, Lucas et Moussa seront capables de tailler une haie");
    const md = runCli(['seance', 'débroussaillage pour Inès demain 45 min', '--as', 'demo-eti-ev'], env);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Fiche de séance — Débroussaillage/);
    const refused = runCli(['seance', 'taille de haies pour Lucas jeudi', '--as', 'demo-cip'], env);
    expect(refused.status).toBe(1);
  }, SLOW);

  it('imports a skills referential all or nothing', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'compétence;code ROME;type;domaine CléA\nTailler une haie;A1203;technique;\nTravail en équipe;;transversal;\n');
    const refused = runCli(['competences', 'import', bad, '--equipe', 'espaces-verts', '--as', 'demo-eti-ev'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('ligne 3 : une compétence transversale a un domaine CléA');
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'compétence;code ROME;type;domaine CléA\nTailler une haie;A1203;technique;\nTravail en équipe;;savoir-être;4\n');
    const run = runCli(['competences', 'import', good, '--equipe', 'espaces-verts', '--as', 'demo-eti-ev'], env);
    expect(run.stdout).toContain('2 compétence(s) ajoutée(s), 0 mise(s) à jour');
    expect(run.status).toBe(0);
    expect(runCli(['competences', 'import', good, '--equipe', 'espaces-verts', '--as', 'demo-eti-rc'], env).status).toBe(1);
  }, SLOW);

  it('gives the CIP an attestation PDF built from confirmed data, and refuses an ETI of another team', async () => {
    const out = join(dir, 'attestation.pdf');
    const run = runCli(['attestation', 'Lucas', '--as', 'demo-cip', '--out', out], env);
    expect(run.stderr).toContain('Écrit');
    expect(run.status).toBe(0);
    const text = (await pdfPages(readFileSync(out))).join(' ');
    expect(text).toContain('Attestation de compétences');
    expect(text).toContain('Lucas Morel');
    expect(text).toContain('Compétences transversales');
    expect(runCli(['attestation', 'Lucas', '--as', 'demo-eti-rc'], env).status).toBe(1);
  }, SLOW);
});
