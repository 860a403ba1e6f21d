import { stringify } from 'csv-stringify/sync';
import type { Sheet, SpreadsheetWriter } from '../core/use-cases/export-monthly-report/export-monthly-report.js';

/**
 * CSV for Excel in French: UTF-8 with a BOM, `;` between columns, decimal
 * comma. Several sheets go one after the other, each under its name.
 */
export function sheetsToCsv(sheets: readonly Sheet[]): Uint8Array {
  const cell = (v: string | number | null): string => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v);
  const parts = sheets.map((s) => stringify([[s.name], [...s.columns], ...s.rows.map((r) => r.map(cell))], { delimiter: ';', record_delimiter: '\r\n' }));
  return new TextEncoder().encode(`\uFEFF${parts.join('\r\n')}`);
}

/** One worksheet per sheet, bold headers, widths fitted, numbers as numbers (exceljs, loaded on use). */
export async function sheetsToXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Relais';
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name.slice(0, 31));
    ws.addRow([...s.columns]).font = { bold: true };
    for (const r of s.rows) ws.addRow([...r]);
    ws.columns.forEach((c, i) => {
      const longest = Math.max(s.columns[i]?.length ?? 0, ...s.rows.map((r) => String(r[i] ?? '').length));
      c.width = Math.min(40, Math.max(10, longest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const spreadsheetWriter: SpreadsheetWriter = {
  write: async (sheets, format) => (format === 'csv' ? sheetsToCsv(sheets) : sheetsToXlsx(sheets)),
};
