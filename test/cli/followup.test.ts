import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';
import { pgliteTemplateDir } from '../support/test-paths.js';

/** Each test spawns `relais` a few times; on a busy machine that takes a while. */
const SLOW = 180_000;

/** One demo structure with its history for the whole file: commands run in sequence on it. */
describe('relais suivi, bilan and objectif on the demo data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-followup-'));
  const env = { PGLITE_DIR: join(dir, 'db') };
  beforeAll(() => {
    cpSync(pgliteTemplateDir(), env.PGLITE_DIR, { recursive: true });
    const seeded = runCli(['demo', 'seed'], env);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/Historique de démonstration : \d+ notes de fin de journée/);
  }, SLOW);

  it('gives the referent CIP a sourced summary of any demo salarié', () => {
    for (const name of ['Mariama Sow', 'demo-s12']) {
      const run = runCli(['suivi', name, '--as', 'demo-cip'], env);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Résumé de parcours — /);
      expect(run.stdout).toContain('PRÉSENCE ET PONCTUALITÉ');
      expect(run.stdout).toMatch(/Source : observation du \d+ \S+ \d{4}, (Bruno Carrel|Sonia Berthier)/);
      expect(run.stdout).not.toContain('brouillon non confirmé');
    }
  }, SLOW);

  it('refuses politely an encadrant asking about someone outside his team (exit 1), and shows his own team', () => {
    const refused = runCli(['suivi', 'Lucas', '--as', 'demo-eti-rc'], env);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Désolé, vous n'avez pas accès à ces informations sur Lucas Morel");
    expect(refused.stdout).toBe('');
    const own = runCli(['suivi', 'Lucas', '--as', 'demo-eti-ev', '--format', 'md'], env);
    expect(own.status).toBe(0);
    expect(own.stdout).toContain('Certaines informations confidentielles ne vous sont pas accessibles');
    expect(runCli(['bilan', 'Lucas', '--type', 'integration', '--as', 'demo-eti-ev'], env).status).toBe(1);
  }, SLOW);

  it('writes a bilan PDF and its charts for the meeting', async () => {
    const out = join(dir, 'bilan.pdf');
    const run = runCli(['bilan', 'Moussa', '--type', 'intermediaire', '--as', 'demo-cip', '--out', out, '--graphiques', join(dir, 'charts')], env);
    expect(run.status).toBe(0);
    const text = (await pdfPages(readFileSync(out))).join(' ');
    expect(text).toContain('Bilan intermédiaire — Moussa Camara');
    expect(text).toContain('Point de vue et accord du salarié');
    expect(readFileSync(join(dir, 'charts', 'presence.png')).subarray(1, 4).toString()).toBe('PNG');
  }, SLOW);

  it('records a bilan from a JSON file, then fills the salarié’s view in the document', () => {
    const file = join(dir, 'bilan.json');
    writeFileSync(file, JSON.stringify({
      kind: 'prolongation', date: '2026-11-10', participants: ['demo-cip', 'Bruno Carrel'], salarieView: 'Je veux finir ma formation', salarieAgreement: true,
      content: { needs: [{ theme: 'logement', intensity: '++', comment: 'hébergé chez un ami' }], nextSteps: ['Demander 6 mois'] },
      objectives: [{ theme: 'logement', label: 'Accéder à un logement', dueOn: '2027-05-31', consentGiven: true }],
    }));
    const recorded = runCli(['bilan-enregistrer', 'Inès', '--fichier', file, '--as', 'demo-cip'], env);
    expect(recorded.stdout).toContain('Bilan de prolongation du PASS IAE du 10 novembre 2026 enregistré pour Inès Belkacem.');
    expect(recorded.stdout).toContain('1 objectif(s) du bilan enregistré(s).');
    const md = runCli(['bilan', 'Inès', '--type', 'prolongation', '--as', 'demo-cip', '--format', 'md'], env);
    expect(md.stdout).toContain('| Logement | ++ | hébergé chez un ami |');
    expect(md.stdout).toContain('Je veux finir ma formation');
    expect(md.stdout).toContain('Logement : Accéder à un logement — En cours, échéance 31 mai 2027, accord du salarié le');
    writeFileSync(file, JSON.stringify({ kind: 'sortie', date: '2026-11-10' }));
    const bad = runCli(['bilan-enregistrer', 'Inès', '--fichier', file, '--as', 'demo-cip'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Bilan incomplet ou incorrect');
  }, SLOW);

  it('creates an objective from a French sentence and lists what is due', () => {
    const run = runCli(['objectif', "objectif pour Stéphane : passer le code d'ici mars", '--as', 'demo-cip', '--accord'], env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Objectif enregistré pour Stéphane Girard : « Passer le code » \(thème Mobilité, échéance le 31 mars 20\d\d\)/);
    expect(run.stdout).toContain('Accord du salarié enregistré');
    expect(run.stdout).toContain('Bourse au permis');
    const unknown = runCli(['objectif', 'objectif pour Personne : courir', '--as', 'demo-cip'], env);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Aucun salarié ne s\'appelle « Personne »');
    const due = runCli(['objectifs', '--as', 'demo-cip', '--jours', '3650'], env);
    expect(due.stdout).toContain('Stéphane Girard — Passer le code (Mobilité)');
  }, SLOW);

  it('says clearly what is wrong with the request', () => {
    expect(runCli(['suivi', 'Lucas', '--as', 'inconnu'], env)).toMatchObject({ status: 2 });
    expect(runCli(['suivi', 'Zorro', '--as', 'demo-cip'], env).stderr).toContain("Aucun salarié ne s'appelle « Zorro »");
    expect(runCli(['suivi', 'Lucas', '--as', 'demo-cip', '--format', 'pdf'], env).stderr).toContain('--out');
    expect(runCli(['suivi', 'Lucas', '--as', 'demo-cip', '--depuis', '2026-13-01'], env)).toMatchObject({ status: 2 });
    expect(runCli(['suivi', 'Bruno', '--as', 'demo-cip'], env).stderr).toContain("n'est pas un salarié en insertion");
  }, SLOW);
});
