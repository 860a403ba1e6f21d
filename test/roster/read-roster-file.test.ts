import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readRosterFile } from '../../src/roster-files/read-roster-file.js';
import { sharedDir } from '../support/test-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-roster-'));
const write = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function rows(path: string) {
  const result = await readRosterFile(path);
  if (!result.ok) throw new Error(result.error.code);
  return result.content.rows;
}

describe('readRosterFile', () => {
  it('reads the evaluation roster format', async () => {
    const result = await rows(join(sharedDir, 'eval/dev/roster.csv'));
    expect(result.length).toBeGreaterThan(10);
    expect(result[0]).toEqual({ line: 2, raw: { id: 'e01', firstName: 'Éric', lastName: 'Garnier', aliases: '', team: 'espaces-verts', role: 'encadrant' } });
  });

  it('accepts ; separators, a BOM, and French headers in any case, accents and order', async () => {
    const path = write('bom.csv', '\uFEFFÉQUIPE;Rôle;NOM;prénom;Surnom;Référent\r\nRecyclerie;Salarié;Diallo;Awa;;Claire Fontaine\r\n');
    expect(await rows(path)).toEqual([{ line: 2, raw: { team: 'Recyclerie', role: 'Salarié', lastName: 'Diallo', firstName: 'Awa', aliases: '', referent: 'Claire Fontaine' } }]);
  });

  it('decodes Windows-1252 files as Excel writes them on French Windows', async () => {
    const path = write('ansi.csv', iconv.encode('Prénom;Nom;Équipe\nHélène;Lefèvre;Maraîchage\n', 'win1252'));
    expect((await rows(path))[0]!.raw).toEqual({ firstName: 'Hélène', lastName: 'Lefèvre', team: 'Maraîchage' });
  });

  it('reads .xlsx workbooks, including dates and rich text cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Salariés');
    sheet.addRow(['Nom', 'Prénom', 'Atelier', 'Fonction', 'Début contrat']);
    sheet.addRow(['Ndiaye', { richText: [{ text: 'Fa' }, { text: 'tou' }] }, 'Nettoyage', 'salarié en insertion', new Date(Date.UTC(2026, 8, 1))]);
    const path = join(dir, 'liste.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await rows(path)).toEqual([{ line: 2, raw: {
      lastName: 'Ndiaye', firstName: 'Fatou', team: 'Nettoyage', role: 'salarié en insertion', contractStart: '2026-09-01',
    } }]);
  });

  it('skips blank lines but keeps the file line numbers', async () => {
    const path = write('blank.csv', 'prenom,nom\nA,B\n\n,\nC,D\n');
    expect((await rows(path)).map((r) => r.line)).toEqual([2, 5]);
  });

  it('explains what is wrong with a file it cannot use', async () => {
    expect(await readRosterFile(join(dir, 'missing.csv'))).toEqual({ ok: false, error: { code: 'roster.file_unreadable', path: join(dir, 'missing.csv') } });
    expect((await readRosterFile(write('empty.csv', ''))).ok).toBe(false);
    const noName = await readRosterFile(write('noname.csv', 'a;b\n1;2\n'));
    expect(!noName.ok && noName.error.code).toBe('roster.no_name_column');
    const broken = await readRosterFile(write('broken.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])));
    expect(!broken.ok && broken.error.code).toBe('roster.file_malformed');
    const badQuotes = await readRosterFile(write('quotes.csv', 'prenom,nom\n"A,B\n'));
    expect(!badQuotes.ok && badQuotes.error.code).toBe('roster.file_malformed');
  });
});
