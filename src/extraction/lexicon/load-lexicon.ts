import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OBSERVATION_CATEGORIES, type ObservationCategory } from '../../core/domain/taxonomy.js';
import { projectPath } from '../../project-paths.js';
import { fold } from '../text/fold.js';
import type { FactPhrase, Lexicon } from './lexicon-types.js';
import {
  activityRow, alertRow, cueRow, excuseRow, incidentRow, markerRow, observationRow, presenceRow, Problem, unitRow,
  type RowBuilder,
} from './lexicon-rows.js';
import { compilePattern, patternProblem } from './pattern.js';
import { PhraseSet, type Phrase } from './phrase-set.js';
import { stem } from './stem.js';
import { parseTsv, type TsvRow } from './tsv.js';

/** The lexicon shipped with Relais, at <project>/lexicon. */
export const defaultLexiconDir = (): string => projectPath('lexicon');

/**
 * Reads and compiles every file of the lexicon folder (docs/extraction.md).
 * A bad line is skipped and reported in `problems`, never thrown: a typo in a
 * data file must not stop the product.
 */
export function loadLexicon(dir: string = defaultLexiconDir()): Lexicon {
  const problems: string[] = [];
  const read = (file: string): TsvRow[] => {
    try {
      return parseTsv(readFileSync(join(dir, file), 'utf8'));
    } catch {
      problems.push(`${file}: fichier absent ou illisible`);
      return [];
    }
  };
  const abbreviations = new Map<string, string>();
  for (const r of read('abreviations.tsv')) {
    if (r.get('abreviation') && r.get('forme')) abbreviations.set(fold(r.get('abreviation')), fold(r.get('forme')));
  }
  const phrases = <P extends Phrase>(file: string, build: RowBuilder<P>): PhraseSet<P> => {
    const out: P[] = [];
    for (const r of read(file)) {
      const problem = patternProblem(r.get('expression'), abbreviations);
      const pattern = problem === null ? compilePattern(r.get('expression'), abbreviations) : null;
      const built = problem !== null ? new Problem(problem) : pattern === null ? new Problem('expression vide') : build(r, pattern);
      if (built instanceof Problem) problems.push(`${file}:${r.line}: ${built.message}`);
      else out.push(built);
    }
    return new PhraseSet(out);
  };
  const plain = (file: string): PhraseSet<Phrase> => phrases(file, (_r, pattern) => ({ pattern }));
  const words = (file: string): string[] => read(file).map((r) => fold(r.get('mot'))).filter(Boolean);

  const facts: FactPhrase[] = [];
  for (const file of listTsv(join(dir, 'observations'))) {
    const name = file.replace(/\.tsv$/, '');
    const category = name === '_ignorer' ? 'ignore' : (OBSERVATION_CATEGORIES as readonly string[]).includes(name) ? (name as ObservationCategory) : null;
    if (category === null) problems.push(`observations/${file}: catégorie inconnue (le nom du fichier doit être un code du contrat)`);
    else facts.push(...phrases(`observations/${file}`, observationRow(category)).phrases);
  }
  facts.push(...phrases('incidents.tsv', incidentRow).phrases);

  const firstNames = new Map<string, 'm' | 'f'>();
  for (const r of read('noms/prenoms.tsv')) {
    const g = fold(r.get('genre'));
    if (g === 'm' || g === 'f') firstNames.set(fold(r.get('prenom')), g);
  }
  const outsiders = new Map<string, 'm' | 'f' | null>();
  for (const r of read('noms/tiers.tsv')) {
    const g = fold(r.get('genre'));
    if (r.get('nom')) outsiders.set(fold(r.get('nom')), g === 'm' || g === 'f' ? g : null);
  }
  return {
    abbreviations,
    markers: phrases('segmentation.tsv', markerRow),
    facts: new PhraseSet(facts),
    cues: phrases('polarite.tsv', cueRow),
    presence: phrases('presence.tsv', presenceRow),
    excuses: phrases('justification.tsv', excuseRow),
    habits: plain('habitudes.tsv'),
    future: plain('futur.tsv'),
    alerts: phrases('alertes.tsv', alertRow),
    units: phrases('production/unites.tsv', unitRow),
    activities: phrases('production/activites.tsv', activityRow),
    countNouns: new Set(words('production/objets.tsv').flatMap((w) => [w, stem(w)])),
    nonProduction: new Set(words('production/non-production.tsv').flatMap((w) => [w, stem(w)])),
    firstNames,
    outsiders,
    commonWords: new Set(words('noms/mots-courants.tsv')),
    bodyParts: new Set(words('corps.tsv')),
    problems,
  };
}

function listTsv(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  } catch {
    return [];
  }
}
