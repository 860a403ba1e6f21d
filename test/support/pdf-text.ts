import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, read back with PDF.js (one string per page, whitespace collapsed). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await pdf.destroy();
  return pages;
}

export const hasPdftoppm = (): boolean => spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;

/** Page 1 as PNG bytes, rendered by poppler's pdftoppm. */
export function firstPagePng(bytes: Uint8Array): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'relais-pdf-'));
  writeFileSync(join(dir, 'doc.pdf'), bytes);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
  return readFileSync(join(dir, 'page.png'));
}
