import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultLexiconDir, loadLexicon } from '../../src/extraction/lexicon/load-lexicon.js';
import { compilePattern, matchAt, patternProblem } from '../../src/extraction/lexicon/pattern.js';
import { tokenize } from '../../src/extraction/text/tokenize.js';
import { stem } from '../../src/extraction/lexicon/stem.js';
import { createRulesShiftNoteExtractor } from '../../src/extraction/rules-shift-note-extractor.js';
import { roster } from './helpers.js';

const copies: string[] = [];
/** A private copy of the shipped lexicon, removed after the tests. */
function lexiconCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexique-'));
  cpSync(defaultLexiconDir(), dir, { recursive: true });
  copies.push(dir);
  return dir;
}
afterAll(() => { for (const dir of copies) rmSync(dir, { recursive: true, force: true }); });

describe('lexicon', () => {
  it('ships with every line readable', () => {
    const lexicon = loadLexicon();
    expect(lexicon.problems).toEqual([]);
    expect(lexicon.facts.phrases.length).toBeGreaterThan(1000);
  });

  it('reports bad lines instead of throwing', () => {
    const dir = lexiconCopy();
    appendFileSync(join(dir, 'observations', 'qualite.tsv'), 'super-positif\tbeau travail\n');
    expect(loadLexicon(dir).problems).toEqual([expect.stringContaining('observations/qualite.tsv')]);
  });

  it('refuses an alternative of several words instead of keeping its first word and matching nothing', () => {
    const dir = lexiconCopy();
    appendFileSync(join(dir, 'observations', 'qualite.tsv'), "positif\tc'était|c'est nickel\n");
    expect(loadLexicon(dir).problems).toEqual([expect.stringMatching(/observations\/qualite\.tsv:\d+: « c'était » dans « c'était\|c'est » fait plusieurs mots/)]);
    expect(patternProblem('=son|=sa|=d\' logement')).toBeNull();
    expect(patternProblem('très bon|bonne sur')).toBeNull();
  });

  it('matches inflections by stem, exact words, prefixes, gaps and tags', () => {
    const words = (t: string) => tokenize(t, { stem }).filter((x) => x.kind !== 'punct');
    const never = () => false;
    const p = (s: string) => compilePattern(s)!;
    expect(matchAt(p('maîtriser'), words('maîtrisait'), 0, never)).toBe(1);
    expect(matchAt(p('=gant'), words('gants'), 0, never)).toBe(-1);
    expect(matchAt(p('débrouss*'), words('débroussailleuse'), 0, never)).toBe(1);
    expect(matchAt(p('respecter … consignes'), words('respecte pas les consignes'), 0, never)).toBe(4);
    expect(matchAt(p('respecter … consignes'), words('respecte pas du tout les consignes'), 0, never)).toBe(-1);
    expect(matchAt(p("s'en sort"), words("s'en sort"), 0, never)).toBe(3);
    // An elided word written alone matches the elided word of a note, typed with or without its apostrophe.
    expect(matchAt(p("=l' =a =poussé"), words("l'a poussé"), 0, never)).toBe(3);
    expect(matchAt(p("=l' =a =poussé"), words('l a poussé'), 0, never)).toBe(3);
    expect(matchAt(p("=d'|=de =un"), words("d'un"), 0, never)).toBe(2);
    expect(matchAt(p("=l' =a =poussé"), words('la a poussé'), 0, never)).toBe(-1);
  });

  it('is data: a line added by a domain expert changes what the engine finds', async () => {
    const dir = lexiconCopy();
    const note = 'Greg a fait du tiktok toute la matinée.';
    const context = { roster, authorId: 'eti', shiftDate: '2026-12-01' };
    const before = await createRulesShiftNoteExtractor({ lexiconDir: dir }).extract(note, context);
    appendFileSync(join(dir, 'observations', 'motivation.tsv'), 'negatif\tfait du tiktok\n');
    const after = await createRulesShiftNoteExtractor({ lexicon: loadLexicon(dir) }).extract(note, context);
    expect(before.ok && before.value.extraction.observations).toEqual([]);
    expect(after.ok && after.value.extraction.observations.map((o) => `${o.person}:${o.category}:${o.polarity}`)).toEqual(['greg:motivation:negative']);
  });
});

describe('compiled lexicon cache', () => {
  it('gives the same lexicon as compiling, and sees an edited file at once', async () => {
    const { loadLexiconCached } = await import('../../src/extraction/lexicon/lexicon-cache.js');
    const dir = lexiconCopy();
    const cacheDir = mkdtempSync(join(tmpdir(), 'cache-'));
    copies.push(cacheDir);
    const first = loadLexiconCached(dir, cacheDir);
    const cached = loadLexiconCached(dir, cacheDir);
    expect(cached.facts.phrases.length).toBe(first.facts.phrases.length);
    expect(cached.facts.phrases).toEqual(loadLexicon(dir).facts.phrases);
    appendFileSync(join(dir, 'observations', 'motivation.tsv'), 'negatif\tfait du tiktok\n');
    expect(loadLexiconCached(dir, cacheDir).facts.phrases.length).toBe(first.facts.phrases.length + 1);
  });
});
