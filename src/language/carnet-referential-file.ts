import { readFile } from 'node:fs/promises';
import { fallbackReferential, type CarnetReferential, type CarnetReferentialSource } from '../core/objectives/carnet-referential.js';
import type { Logger } from '../core/ports/logger.js';

/** Parses the shared reference file (columns: table, theme, label; tab-separated, with a header). */
export function parseReferential(tsv: string): CarnetReferential {
  const lists = { ref_target: new Map<string, string[]>(), ref_action: new Map<string, string[]>(), ref_situation: new Map<string, string[]>() };
  for (const line of tsv.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1)) {
    const [table, theme, label] = line.split('\t').map((c) => c.trim());
    if (!table || !theme || !label || !(table in lists)) continue;
    const map = lists[table as keyof typeof lists];
    map.set(theme, [...(map.get(theme) ?? []), label]);
  }
  if (lists.ref_target.size === 0) throw new Error('no objective (ref_target) line');
  return {
    themes: [...lists.ref_target.keys()], targets: Object.fromEntries(lists.ref_target), actions: Object.fromEntries(lists.ref_action),
    situations: Object.fromEntries(lists.ref_situation), fromFile: true,
  };
}

/** Reads the Carnet de bord lists at run time, once; when the file is absent or unreadable, the built-in themes serve. */
export class FileCarnetReferential implements CarnetReferentialSource {
  private loaded: Promise<CarnetReferential> | undefined;

  constructor(private readonly path: string, private readonly logger?: Logger) {}

  load(): Promise<CarnetReferential> {
    this.loaded ??= readFile(this.path, 'utf8').then(parseReferential).catch((error: unknown) => {
      const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : 'unknown');
      this.logger?.warn({ reason }, 'Carnet de bord reference lists not loaded: built-in themes used');
      return fallbackReferential;
    });
    return this.loaded;
  }
}
