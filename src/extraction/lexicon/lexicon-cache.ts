import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../../project-paths.js';
import type { Lexicon } from './lexicon-types.js';
import { defaultLexiconDir, loadLexicon } from './load-lexicon.js';
import { PhraseSet, type Phrase } from './phrase-set.js';

/**
 * `relais extract` runs once per note, so compiling ~4,000 lexicon lines
 * every time would dominate its start-up. The compiled lexicon is kept as
 * JSON under node_modules/.cache/relais, keyed by the lexicon files' sizes and
 * dates and by the compiler's source files: editing either or rebuilding refreshes it.
 * Any cache problem falls back to compiling.
 */
export function loadLexiconCached(dir: string = defaultLexiconDir(), cacheDir: string = projectPath('node_modules', '.cache', 'relais')): Lexicon {
  let file: string | null = null;
  try {
    file = join(cacheDir, `lexicon-${fingerprint(dir)}.json`);
    return revive(JSON.parse(readFileSync(file, 'utf8')) as Serialised);
  } catch {
    const lexicon = loadLexicon(dir);
    if (file !== null && lexicon.problems.length === 0) save(cacheDir, file, lexicon);
    return lexicon;
  }
}

type SetKeys = 'markers' | 'facts' | 'cues' | 'presence' | 'excuses' | 'habits' | 'future' | 'alerts' | 'units' | 'activities';
const SET_KEYS: readonly SetKeys[] = ['markers', 'facts', 'cues', 'presence', 'excuses', 'habits', 'future', 'alerts', 'units', 'activities'];
type Serialised = Record<SetKeys, Phrase[]> & {
  abbreviations: Array<[string, string]>; countNouns: string[]; nonProduction: string[];
  firstNames: Array<[string, 'm' | 'f']>; outsiders: Array<[string, 'm' | 'f' | null]>; commonWords: string[]; bodyParts: string[];
};

function fingerprint(dir: string): string {
  const hash = createHash('sha1');
  // The compiler's own files (this folder and the tokenizer's): editing pattern.ts or tokenize.ts in development also refreshes the cache.
  const self = fileURLToPath(import.meta.url);
  for (const d of [dirname(self), join(dirname(self), '..', 'text')]) {
    for (const name of readdirSync(d).sort()) if (name.endsWith(extname(self))) hash.update(`${name}:${statSync(join(d, name)).mtimeMs}\n`);
  }
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.tsv')) {
        const s = statSync(path);
        hash.update(`${path}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

function save(cacheDir: string, file: string, lexicon: Lexicon): void {
  try {
    const data: Serialised = {
      ...(Object.fromEntries(SET_KEYS.map((k) => [k, lexicon[k].phrases])) as Record<SetKeys, Phrase[]>),
      abbreviations: [...lexicon.abbreviations], countNouns: [...lexicon.countNouns], nonProduction: [...lexicon.nonProduction],
      firstNames: [...lexicon.firstNames], outsiders: [...lexicon.outsiders], commonWords: [...lexicon.commonWords], bodyParts: [...lexicon.bodyParts],
    };
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(data));
    renameSync(temp, file);
    prune(cacheDir);
  } catch {
    // A read-only install simply compiles each time.
  }
}

/** Keeps the few most recent compiled lexicons: each edit or build leaves one behind. */
function prune(cacheDir: string, keep = 4): void {
  const files = readdirSync(cacheDir).filter((f) => /^lexicon-[0-9a-f]+\.json$/.test(f))
    .map((f) => ({ path: join(cacheDir, f), at: statSync(join(cacheDir, f)).mtimeMs }))
    .sort((x, y) => y.at - x.at);
  for (const old of files.slice(keep)) rmSync(old.path, { force: true });
}

function revive(data: Serialised): Lexicon {
  const sets = Object.fromEntries(SET_KEYS.map((k) => [k, new PhraseSet(data[k])])) as unknown as Pick<Lexicon, SetKeys>;
  return {
    ...sets,
    abbreviations: new Map(data.abbreviations),
    countNouns: new Set(data.countNouns),
    nonProduction: new Set(data.nonProduction),
    firstNames: new Map(data.firstNames),
    outsiders: new Map(data.outsiders),
    commonWords: new Set(data.commonWords),
    bodyParts: new Set(data.bodyParts),
    problems: [],
  };
}
