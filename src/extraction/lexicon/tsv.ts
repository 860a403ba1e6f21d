/** One data line of a lexicon file, by column name, with its line number for error messages. */
export interface TsvRow { readonly line: number; readonly get: (column: string) => string }

/**
 * Reads the lexicon's TSV files: a header line, then one entry per line.
 * Blank lines and lines starting with "# " (hash, space) are comments; "#nombre" is
 * a tag, not a comment. Missing cells are "".
 */
export function parseTsv(text: string): TsvRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | null = null;
  const rows: TsvRow[] = [];
  lines.forEach((raw, i) => {
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed === '#' || trimmed.startsWith('# ')) return;
    const cells = raw.split('\t').map((c) => c.trim());
    if (header === null) {
      header = cells.map((c) => c.toLowerCase());
      return;
    }
    const columns = header;
    rows.push({ line: i + 1, get: (column) => cells[columns.indexOf(column)] ?? '' });
  });
  return rows;
}
