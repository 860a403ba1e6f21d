import { PNG } from 'pngjs';
import { ChartJsProgressCharts } from '../../src/charts/chartjs-progress-charts.js';
import { createBuildProgressSummary } from '../../src/core/use-cases/build-progress-summary/build-progress-summary.js';
import { createExportProgressDocument } from '../../src/core/use-cases/export-progress-document/export-progress-document.js';
import { createRecordBilan } from '../../src/core/use-cases/record-bilan/record-bilan.js';
import { PdfKitProgressDocuments } from '../../src/documents/progress-documents-renderer.js';
import { RulesProgressNarrator } from '../../src/language/rules-progress-narrator.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { DrizzleBilanStore } from '../../src/storage/stores/drizzle-bilan-store.js';
import { DrizzleProgressStore } from '../../src/storage/stores/drizzle-progress-store.js';
import { firstPagePng, hasPdftoppm, pdfPages } from '../support/pdf-text.js';
import { seedPath } from '../support/progress-path.js';
import { actorOf, seedWorld, type World } from '../support/progress-seed.js';
import { openTestPglite } from '../support/test-database.js';

const clock = { now: () => new Date('2026-11-15T10:00:00Z') };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('progress and bilan documents', () => {
  let handle: DatabaseHandle;
  let world: World;
  let exportDocument: ReturnType<typeof createExportProgressDocument>;
  let recordBilan: ReturnType<typeof createRecordBilan>;

  beforeAll(async () => {
    handle = await openTestPglite();
    world = await seedWorld(handle);
    await seedPath(handle, world);
    const progressStore = new DrizzleProgressStore(handle.db);
    const bilanStore = new DrizzleBilanStore(handle.db);
    const buildProgressSummary = createBuildProgressSummary({ progressStore, clock, defaultTimezone: 'Europe/Paris', narrator: new RulesProgressNarrator() });
    exportDocument = createExportProgressDocument({
      buildProgressSummary, progressStore, bilanStore, charts: new ChartJsProgressCharts(), documents: new PdfKitProgressDocuments(), clock, defaultTimezone: 'Europe/Paris',
    });
    recordBilan = createRecordBilan({ progressStore, bilanStore });
  });
  afterAll(async () => handle.close());

  const cip = () => actorOf(world, 'cip1', 'cip');

  it('writes a Markdown summary where every fact carries its date and author', async () => {
    const result = await exportDocument({ actor: cip(), personId: world.ids.nadia, kind: 'suivi', format: 'markdown', from: '2026-09-01' });
    const md = text(result.ok ? result.value.bytes : new Uint8Array());
    expect(md).toContain('# Résumé de parcours — Nadia Haddad');
    expect(md).toContain('## En bref');
    expect(md).toContain('- « arrivée en retard de 20 minutes » — _Source : observation du 3 septembre 2026, Bruno Carrel_');
    expect(md).toContain('Taille de haies (maîtrise) : En cours d\'acquisition → Acquis');
    expect(md).toContain('Mobilité : Trouver une solution de transport le samedi — En cours, échéance 1 novembre 2026, accord du salarié le 6 octobre 2026');
    expect(md).toContain('« Je veux continuer dans les espaces verts » (point de vue exprimé en bilan) — _Source : bilan du 1 avril 2026, Claire Fontaine_');
    expect(md).toContain('- Incident (conflit) : « dispute avec un collègue au dépôt »');
    expect(md).toContain('- Alerte (Santé, ouverte) : « parle de douleurs très fortes »');
    expect(md).not.toContain('Point de vue et accord du salarié');
  });

  it('lays out a prolongation bilan with the needs list on the ++/+/−/−− scale, as recorded or from current freins', async () => {
    const recorded = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan: {
      kind: 'prolongation', date: '2026-11-14', participants: [world.ids.cip1, world.ids.etiEv],
      content: { needs: [{ theme: 'mobilite', intensity: '+', comment: 'bus le samedi' }], outcomes: ['Progrès nets en ponctualité'], nextSteps: ['Demande de prolongation de 6 mois'] },
      salarieView: 'Je veux passer le permis avant de partir', salarieAgreement: true,
    } });
    expect(recorded.ok).toBe(true);
    const result = await exportDocument({ actor: cip(), personId: world.ids.nadia, kind: 'prolongation', format: 'markdown', from: '2026-09-01' });
    const md = text(result.ok ? result.value.bytes : new Uint8Array());
    expect(md).toContain('# Bilan de prolongation du PASS IAE — Nadia Haddad');
    expect(md).toContain('Échelle : ++ besoin fort, + besoin, − besoin faible, −− pas de besoin.');
    expect(md).toContain('| Mobilité | + | bus le samedi |');
    expect(md).toMatch(/\| Logement \| \+\+ \| d’après la situation enregistrée \(Hébergé chez un tiers\) — Source : situation du \d+ \w+ \d{4}, Claire Fontaine \|/);
    expect(md).toContain('| Numérique | ☐ ++  ☐ +  ☐ −  ☐ −− | à compléter |');
    expect(md).toContain('Suite convenue : Demande de prolongation de 6 mois');
    expect(md).toContain('**Point de vue du salarié** :\nJe veux passer le permis avant de partir');
    expect(md).toContain('☒ oui   ☐ non');
    expect(md).toContain('Claire Fontaine, Bruno Carrel');
  });

  it('renders a bilan PDF whose text reads back, with charts, sources and the salarié’s view', async () => {
    const result = await exportDocument({ actor: cip(), personId: world.ids.nadia, kind: 'intermediaire', format: 'pdf', from: '2026-09-01' });
    if (!result.ok) throw new Error(result.code);
    expect(Buffer.from(result.value.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(result.value.charts.attendance).not.toBeNull();
    const pages = await pdfPages(result.value.bytes);
    const all = pages.join(' ');
    expect(pages[0]).toContain('Bilan intermédiaire — Nadia Haddad');
    expect(all).toContain('Source : observation du 3 septembre 2026, Bruno Carrel');
    expect(all).toContain('Point de vue et accord du salarié');
    expect(all).toContain('Signature du salarié');
    expect(all).toContain('Présence et ponctualité par mois (%)');
    expect(all).toMatch(new RegExp(`1 / ${pages.length}`));
  });

  (hasPdftoppm() ? it : it.skip)('renders page 1 of the PDF to a non-blank picture (pdftoppm)', async () => {
    const result = await exportDocument({ actor: cip(), personId: world.ids.nadia, kind: 'sortie', format: 'pdf', from: '2026-09-01' });
    if (!result.ok) throw new Error(result.code);
    const page = PNG.sync.read(firstPagePng(result.value.bytes));
    expect(page.width).toBeGreaterThan(350);
    expect(page.height / page.width).toBeCloseTo(297 / 210, 1);
    let dark = 0;
    for (let i = 0; i < page.data.length; i += 4) if (page.data[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(500);
  });

  it('gives an encadrant the summary of his team but never a bilan', async () => {
    const eti = actorOf(world, 'etiEv', 'encadrant', world.teams.ev);
    expect((await exportDocument({ actor: eti, personId: world.ids.nadia, kind: 'suivi', format: 'text' })).ok).toBe(true);
    expect(await exportDocument({ actor: eti, personId: world.ids.nadia, kind: 'integration', format: 'pdf' })).toMatchObject({ ok: false, code: 'access.denied' });
  });

  it('checks a bilan before recording it, and closes the path at the sortie', async () => {
    const bad = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan: { kind: 'sortie', date: '2026-11-15' } });
    expect(bad).toMatchObject({ ok: false, code: 'bilan.invalid' });
    const needsOutside = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan: { kind: 'integration', date: '2026-11-15', content: { needs: [{ theme: 'logement', intensity: '++' }] } } });
    expect(needsOutside).toMatchObject({ ok: false, code: 'bilan.invalid' });
    const ghost = await recordBilan({ actor: cip(), personId: world.ids.nadia, bilan: { kind: 'intermediaire', date: '2026-11-15', participants: ['nobody'] } });
    expect(ghost).toMatchObject({ ok: false, code: 'bilan.participant_unknown' });
    const eti = await recordBilan({ actor: actorOf(world, 'etiEv', 'encadrant', world.teams.ev), personId: world.ids.nadia, bilan: { kind: 'intermediaire', date: '2026-11-15' } });
    expect(eti).toMatchObject({ ok: false, code: 'access.denied' });
    const sortie = await recordBilan({ actor: cip(), personId: world.ids.karim, bilan: { kind: 'sortie', date: '2026-11-30', exitCategory: 'emploi_durable', salarieAgreement: true } });
    expect(sortie).toMatchObject({ ok: false, code: 'access.denied' });
    const byDirection = await recordBilan({ actor: actorOf(world, 'dir', 'direction'), personId: world.ids.karim, bilan: { kind: 'sortie', date: '2026-11-30', exitCategory: 'emploi_durable', salarieAgreement: true } });
    expect(byDirection.ok).toBe(true);
    const after = await new DrizzleProgressStore(handle.db).findPerson(world.ids.karim);
    expect(after).toMatchObject({ person: { status: 'exited', exitDate: '2026-11-30' }, exitCategory: 'emploi_durable' });
  });
});
