import { parse } from 'csv-parse/sync';
import { sheetsToCsv, sheetsToXlsx } from '../../src/documents/monthly-sheets.js';
import { monthlyLabels } from '../../src/cli/commands/export-mois.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { DatabaseHandle } from '../../src/storage/database.js';
import { attendance, learningSessionParticipants, learningSessions, productionEntries, shiftNotes } from '../../src/storage/schema/index.js';
import { createHarness, replyText, type Harness } from '../support/relais-harness.js';
import { runCli } from '../support/run-cli.js';
import { scriptedExtractor } from '../support/scripted-extractor.js';
import { openTestPglite, truncateAll } from '../support/test-database.js';

const extractor = scriptedExtractor((note, who) => {
  const m = /(\d+) m2 de tonte/.exec(note);
  return {
    attendance: [
      { person: who('Lucas'), status: 'present' as const, excused: null, minutes: null },
      { person: who('Inès'), status: note.includes('Inès absente') ? 'absent' as const : 'present' as const, excused: note.includes('Inès absente') ? true : null, minutes: null },
      { person: who('Moussa'), status: 'late' as const, excused: null, minutes: 30 },
    ],
    production: m ? [{ activity: 'tonte', quantity: Number(m[1]), unit: 'm2' as const }, { activity: 'ramassage', quantity: 40, unit: 'kg' as const }] : [],
  };
});

describe('the production log and the monthly export', () => {
  let db: DatabaseHandle;
  let h: Harness;
  const t = createTranslator('fr');
  beforeAll(async () => { db = await openTestPglite(); });
  afterAll(async () => db.close());
  beforeEach(async () => {
    await truncateAll(db);
    h = await createHarness(db, { extractor, now: '2026-11-24T16:30:00Z' });
    // Monday and Tuesday confirmed; Tuesday's second note stays a draft and must not count.
    for (const [day, text, confirm] of [['2026-11-23T16:30:00Z', '300 m2 de tonte', true], ['2026-11-24T16:00:00Z', '200 m2 de tonte, Inès absente', true], ['2026-11-24T16:30:00Z', '999 m2 de tonte', false]] as const) {
      h.clock.set(day);
      await h.say('demo-eti-ev', text);
      await h.drain();
      if (confirm) {
        const note = (await db.db.select().from(shiftNotes)).find((n) => n.rawText === text)!;
        await h.click('demo-eti-ev', 'note.confirm', note.id);
        await h.drain();
      }
    }
    // One séance held on Monday with two participants; one still planned, which does not count.
    const teamId = await h.teamId('espaces-verts');
    const [held] = await db.db.insert(learningSessions).values([
      { teamId, trainerId: h.id('demo-eti-ev'), date: '2026-11-23', topic: 'Taille de haies', durationMinutes: 90, plan: {}, status: 'done' },
      { teamId, trainerId: h.id('demo-eti-ev'), date: '2026-11-26', topic: 'Débroussailleuse', durationMinutes: 60, plan: {}, status: 'scheduled' },
    ]).returning();
    await db.db.insert(learningSessionParticipants).values([{ sessionId: held!.id, personId: h.id('demo-s01') }, { sessionId: held!.id, personId: h.id('demo-s03') }]);
  });

  it('shows progress against the team targets and the séances held', async () => {
    await h.say('demo-eti-ev', '/relais équipe réglages objectif.tonte=300 m2 objectif.ramassage=200 kg/semaine');
    await h.drain();
    await h.say('demo-eti-ev', 'prod de la semaine');
    await h.drain();
    const text = replyText((await h.dm('demo-eti-ev')).at(-1)!);
    // Monday and Tuesday: 2 working days × 300 m², and the whole week's 200 kg.
    expect(text).toContain('tonte : 500 / 600 m² (83 %, objectif par jour)');
    expect(text).toContain('ramassage : 80 / 200 kg (40 %, objectif par semaine)');
    expect(text).toContain('1 séance(s) d’apprentissage tenue(s)');
  });

  it('shows the encadrant the week: totals per activity and unit, hours per salarié, drafts left out', async () => {
    await h.say('demo-eti-ev', 'prod de la semaine');
    await h.drain();
    const text = replyText((await h.dm('demo-eti-ev')).at(-1)!);
    expect(text).toContain('Production — Espaces verts');
    expect(text).toContain('tonte : 500 m² (2 jour(s))');
    expect(text).toContain('ramassage : 80 kg (2 jour(s))');
    expect(text).not.toContain('999');
    // 7 h a day; Moussa 30 minutes late twice; Inès absent on Tuesday.
    expect(text).toContain('Lucas Morel : 14 h (2 j présent·e, 0 absence(s), 0 retard(s))');
    expect(text).toContain('Moussa Camara : 13 h (2 j présent·e, 0 absence(s), 2 retard(s))');
    expect(text).toContain('Inès Belkacem : 7 h (1 j présent·e, 1 absence(s), 0 retard(s))');
  });

  it("refuses another team's log to an encadrant", async () => {
    await h.say('demo-eti-rc', 'prod de la semaine Espaces verts');
    await h.drain();
    expect(replyText((await h.dm('demo-eti-rc')).at(-1)!)).toContain("vous n'avez pas accès à la production de cette équipe");
  });

  it('exports the month as CSV and xlsx whose totals match the confirmed records', async () => {
    const structure = await h.relais.stores.roster.defaultStructure();
    const teams = await h.relais.stores.roster.listTeams(structure.id);
    const labels = monthlyLabels(t, new Map(teams.map((team) => [team.id, team.name])));
    const dir = { personId: h.id('demo-dir'), role: 'direction' as const, structureId: structure.id, teamId: null, door: 'cli' as const };
    const eti = { ...dir, personId: h.id('demo-eti-ev'), role: 'encadrant' as const, teamId: await h.teamId('espaces-verts').catch(() => null) };
    expect((await h.relais.useCases.exportMonthlyReport({ actor: eti, month: '2026-11', labels })).ok).toBe(false);
    const report = await h.relais.useCases.exportMonthlyReport({ actor: dir, month: '2026-11', labels });
    if (!report.ok) throw new Error(report.code);

    const confirmedIds = new Set((await db.db.select().from(shiftNotes)).filter((n) => n.status === 'confirmed').map((n) => n.id));
    const rows = (await db.db.select().from(attendance)).filter((a) => confirmedIds.has(a.noteId!));
    const tonte = (await db.db.select().from(productionEntries)).filter((p) => confirmedIds.has(p.noteId!) && p.activity === 'tonte').reduce((s, p) => s + p.quantity!, 0);
    expect(report.value.totals.attendanceDays).toBe(rows.length);
    expect(report.value.totals.absences).toBe(rows.filter((a) => a.status === 'absent').length);

    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(sheetsToCsv(report.value.sheets));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const records = parse(csv.slice(1), { delimiter: ';', relax_column_count: true }) as string[][];
    const hoursHeader = records.findIndex((r) => r[0] === 'Nom');
    expect(records[hoursHeader]).toEqual(['Nom', 'Prénom', 'Équipe', 'Jours enregistrés', 'Jours présents', 'Absences justifiées', 'Absences non justifiées', 'Retards', 'Heures travaillées']);
    const csvHours = records.slice(hoursHeader + 1).filter((r) => r.length === 9).reduce((s, r) => s + Number(r[8]!.replace(',', '.')), 0);
    expect(csvHours).toBeCloseTo(report.value.totals.hours, 5);
    expect(csvHours).toBeCloseTo(14 + 13 + 7, 5);
    expect(records.find((r) => r[1] === 'tonte')?.slice(2, 4)).toEqual([String(tonte), 'm²']);

    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await sheetsToXlsx(report.value.sheets)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Heures et présences', 'Production', 'Incidents', 'Séances']);
    expect(report.value.totals.sessionsHeld).toBe(1);
    const sessions = book.getWorksheet('Séances')!;
    expect(sessions.getRow(1).values).toEqual([undefined, 'Équipe', 'Date', 'Thème', 'Durée (min)', 'Participants', 'Encadrant·e']);
    expect(sessions.getRow(2).values).toEqual([undefined, 'Espaces verts', '2026-11-23', 'Taille de haies', 90, 2, 'Bruno Carrel']);
    expect(sessions.rowCount).toBe(2);
    let xlsxHours = 0;
    book.getWorksheet('Heures et présences')!.eachRow((row, n) => { if (n > 1) xlsxHours += Number(row.getCell(9).value); });
    expect(xlsxHours).toBeCloseTo(report.value.totals.hours, 5);
  });

  it('the CLI refuses a bad month or format before opening anything', () => {
    const bad = runCli(['export', 'mois', '2026-13', '--as', 'demo-dir']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Mois invalide');
    const format = runCli(['export', 'mois', '2026-11', '--as', 'demo-dir', '--format', 'ods']);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('csv ou xlsx');
  });
});
