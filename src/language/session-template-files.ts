import { readdir, readFile } from 'node:fs/promises';
import { templateFileSchema, type SessionTemplate } from '../core/learning/session-template.js';
import type { SessionTemplates } from '../core/ports/session-templates.js';

/** Reads and validates one template file; throws with the file name and the first problems. */
export function parseTemplateFile(name: string, json: string): SessionTemplate[] {
  const parsed = templateFileSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${name}: ${problems}`);
  }
  return parsed.data.templates;
}

/**
 * Every `*.json` of the template folders (the curated library, then an ETI's own folder):
 * a later template with the same id replaces the earlier one. Loaded once.
 */
export class FileSessionTemplates implements SessionTemplates {
  private loaded: Promise<SessionTemplate[]> | undefined;

  constructor(private readonly folders: readonly string[], private readonly onInvalid?: (file: string, problem: string) => void) {}

  all(): Promise<readonly SessionTemplate[]> {
    this.loaded ??= this.load();
    return this.loaded;
  }

  private async load(): Promise<SessionTemplate[]> {
    const byId = new Map<string, SessionTemplate>();
    for (const folder of this.folders) {
      let names: string[];
      try {
        names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        try {
          for (const t of parseTemplateFile(name, await readFile(`${folder}/${name}`, 'utf8'))) byId.set(t.id, t);
        } catch (error) {
          // One bad file of an ETI's own folder must not take the library down: skipped and reported.
          this.onInvalid?.(`${folder}/${name}`, error instanceof Error ? error.message.slice(0, 300) : 'invalid');
        }
      }
    }
    return [...byId.values()];
  }
}
