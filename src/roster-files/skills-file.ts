import { readTableFile } from './read-roster-file.js';

export interface SkillFileRow {
  readonly line: number;
  readonly label: string;
  readonly key: string;
  readonly romeCode: string;
  readonly kind: string;
  readonly cleaDomain: string;
  readonly description: string;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

const HEADERS: Record<string, keyof Omit<SkillFileRow, 'line'>> = {
  competence: 'label', competences: 'label', libelle: 'label', label: 'label', skill: 'label', intitule: 'label',
  cle: 'key', key: 'key', code: 'key', identifiant: 'key',
  code_rome: 'romeCode', rome: 'romeCode', rome_code: 'romeCode',
  type: 'kind', nature: 'kind', kind: 'kind',
  clea: 'cleaDomain', domaine_clea: 'cleaDomain', clea_domain: 'cleaDomain',
  description: 'description', commentaire: 'description',
};

export type SkillsFileResult = { ok: true; rows: SkillFileRow[] } | { ok: false; code: 'skills.file_unreadable' | 'skills.no_label_column'; path: string };

/** A skills referential file (CSV or xlsx): one skill a line, columns « compétence », « code ROME », « type », « domaine CléA », « description ». */
export async function readSkillsFile(path: string): Promise<SkillsFileResult> {
  let table: string[][];
  try {
    table = await readTableFile(path);
  } catch {
    return { ok: false, code: 'skills.file_unreadable', path };
  }
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { ok: false, code: 'skills.no_label_column', path };
  const fields = table[headerIndex]!.map((h) => HEADERS[fold(h)] ?? null);
  if (!fields.includes('label')) return { ok: false, code: 'skills.no_label_column', path };
  const rows: SkillFileRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const row: Record<string, string> = { label: '', key: '', romeCode: '', kind: '', cleaDomain: '', description: '' };
    fields.forEach((f, col) => { if (f !== null) row[f] = (cells[col] ?? '').trim(); });
    rows.push({ line: i + 1, ...(row as Omit<SkillFileRow, 'line'>) });
  }
  return { ok: true, rows };
}
