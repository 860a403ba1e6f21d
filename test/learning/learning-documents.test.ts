import { PNG } from 'pngjs';
import type { RosterEntry } from '../../src/core/domain/roster.js';
import type { Attestation } from '../../src/core/learning/attestation.js';
import { PdfKitLearningDocuments } from '../../src/documents/learning-documents.js';
import { RulesSessionPlanner } from '../../src/language/rules-session-planner.js';
import { FileSessionTemplates } from '../../src/language/session-template-files.js';
import { projectPath } from '../../src/project-paths.js';
import { firstPagePng, hasPdftoppm, pdfPages } from '../support/pdf-text.js';

const documents = new PdfKitLearningDocuments();
const team: RosterEntry[] = [{ id: 'k', firstName: 'Karim', lastName: 'Benali', aliases: [], team: 't', role: 'salarie' }, { id: 's', firstName: 'Sofiane', lastName: 'Haddad', aliases: [], team: 't', role: 'salarie' }];

async function plan() {
  const planner = new RulesSessionPlanner(new FileSessionTemplates([projectPath('session-templates')]));
  const result = await planner.plan({ text: 'séance taille de haies pour Karim et Sofiane jeudi 1h30, Sofiane parle peu français', today: '2026-11-02', timezone: 'Europe/Paris', trade: 'espaces_verts', trainerName: 'Bruno Carrel', team, inProgress: [], incidents: [] });
  if (!result.ok) throw new Error(result.code);
  return result.value.plan;
}

const attestation: Attestation = {
  structure: { name: 'ACI Les Ateliers du Val', kind: 'ACI' },
  salarie: { personId: 'k', name: 'Karim Benali' },
  post: { team: 'Espaces verts', activity: 'espaces_verts', romeCode: 'A1203', from: '2026-03-02', to: null },
  activities: [{ label: 'Taille de haies au taille-haie et à la cisaille', sessions: 2, from: '2026-10-08', to: '2026-11-05' }],
  competences: [{ label: 'Tailler une haie au taille-haie', level: 'acquis', romeCode: 'A1203', evidence: [{ date: '2026-11-05', fact: 'Karim a réussi seul', source: 'seance' }] }],
  transversal: [{ label: 'Travail en équipe', level: 'en_cours', cleaDomain: 4, evidence: [{ date: '2026-10-12', fact: 'Karim a aidé Sofiane à charger', source: 'observation' }] }],
  issuedOn: '2026-11-06', encadrant: 'Bruno Carrel',
};

describe('learning documents', () => {
  it('prints the fiche de séance as a PDF whose text holds every part of the plan', async () => {
    const p = await plan();
    const text = (await pdfPages(await documents.session({ plan: p, topic: 'Taille de haies', evaluation: null, locale: 'fr' }, 'pdf'))).join(' ');
    expect(text).toContain('Fiche de séance — Taille de haies');
    expect(text).toContain('Date 5 novembre 2026');
    expect(text).toContain('Karim Benali, Sofiane Haddad');
    expect(text).toContain("À l'issue de la séance, Karim et Sofiane seront capables de tailler une haie");
    for (const part of ['Démonstration', 'Mise en situation (production réelle)', 'Séquence réflexive (hors production)', 'Gants anti-coupure', 'Que ferais-tu autrement', 'Français langue étrangère']) {
      expect(text).toContain(part);
    }
  });

  it('writes the same fiche in Markdown', async () => {
    const md = new TextDecoder().decode(await documents.session({ plan: await plan(), topic: 'Taille de haies', evaluation: null, locale: 'fr' }, 'markdown'));
    expect(md).toMatch(/^# Fiche de séance — Taille de haies/);
    expect(md).toContain('## Déroulé');
    expect(md).toContain('| Tailler une haie au taille-haie | La haie est droite');
  });

  it('prints the attestation de compétences with levels, dated evidence, CléA domains and signature lines', async () => {
    const bytes = await documents.attestation({ attestation, locale: 'fr' }, 'pdf');
    const text = (await pdfPages(bytes)).join(' ');
    expect(text).toContain('Attestation de compétences');
    expect(text).toContain('Karim Benali — au 6 novembre 2026');
    expect(text).toContain('Tailler une haie au taille-haie (ROME A1203) — Acquis');
    expect(text).toContain('« Karim a réussi seul »');
    expect(text).toContain('séance du 5 novembre 2026');
    expect(text).toContain("Travail en équipe — En cours d’acquisition (CléA 4 : Travailler dans le cadre de règles définies d'un travail en équipe)");
    expect(text).toContain('2 séance(s), du 8 octobre 2026 au 5 novembre 2026');
    expect(text).toContain('encadrant technique : Bruno Carrel');
    if (hasPdftoppm()) {
      const png = PNG.sync.read(firstPagePng(bytes));
      expect(png.width).toBeGreaterThan(300);
      let dark = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 128) dark += 1;
      expect(dark).toBeGreaterThan(500); // the page is not blank
    }
  });
});
