import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { RawRosterRow } from '../core/roster/roster-row.js';
import { decodeText } from './decode-text.js';
import { hasNameColumn, mapHeaders } from './header-map.js';

/** A roster file's lines with their 1-based line numbers (header is line 1). */
export interface RosterFileContent {
  readonly rows: ReadonlyArray<{ readonly line: number; readonly raw: RawRosterRow }>;
}

export type RosterFileError =
  | { code: 'roster.file_unreadable'; path: string }
  | { code: 'roster.file_empty'; path: string }
  | { code: 'roster.no_name_column'; path: string; headers: string[] }
  | { code: 'roster.file_malformed'; path: string; reason: string };

export type RosterFileResult = { ok: true; content: RosterFileContent } | { ok: false; error: RosterFileError };

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readRosterFile(path: string): Promise<RosterFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return { ok: false, error: { code: 'roster.file_unreadable', path } };
  }
  let table: string[][];
  try {
    table = XLSX_MAGIC.every((b, i) => bytes[i] === b) ? await readXlsxTable(bytes) : await readCsvTable(bytes);
  } catch (e) {
    return { ok: false, error: { code: 'roster.file_malformed', path, reason: e instanceof Error ? e.message.slice(0, 200) : 'inconnu' } };
  }
  return tableToRoster(table, path);
}

/** Any CSV (separator guessed, encoding detected) or xlsx file as a table of strings. */
export async function readTableFile(path: string): Promise<string[][]> {
  const bytes = await readFile(path);
  return XLSX_MAGIC.every((b, i) => bytes[i] === b) ? readXlsxTable(bytes) : readCsvTable(bytes);
}

export function tableToRoster(table: string[][], path: string): RosterFileResult {
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ok: false, error: { code: 'roster.file_empty', path } };
  const headers = table[headerIndex]!;
  const fields = mapHeaders(headers);
  if (!hasNameColumn(fields)) return { ok: false, error: { code: 'roster.no_name_column', path, headers } };
  const rows: Array<{ line: number; raw: RawRosterRow }> = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const raw: RawRosterRow = {};
    fields.forEach((field, col) => {
      if (field !== null) raw[field] = (cells[col] ?? '').trim();
    });
    rows.push({ line: i + 1, raw });
  }
  return { ok: true, content: { rows } };
}

async function readCsvTable(bytes: Buffer): Promise<string[][]> {
  const text = await decodeText(bytes);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string): number => firstLine.split(ch).length - 1;
  const delimiter = count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
}

async function readXlsxTable(bytes: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; richText?: Array<{ text: string }>; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
  }
  return String(value);
}
