import type { NoteAnalysis } from '../engine/note-analysis.js';
import { startsNumber } from '../quantities/french-numbers.js';
import { AUXILIARIES } from '../text/function-words.js';
import type { Token } from '../text/token.js';

/**
 * When « un / une » before an object is a count of 1 (« on a ramené un
 * canapé », « trois tables et une armoire ») rather than an article.
 */

/** « cassé deux assiettes », « perdu trois clés »: counted, but not work done. */
export const NOT_OUTPUT = /^(cass|perdu|vole|jete|abime|rate|oublie|manqu|rest)/;

const WORK_PARTICIPLE = /(e|ee|es|ees|i|ie|is|u|ue|us|it|ite|int|inte|ert|erte)$/;
/** Seen, found, had (« j'ai vu une armoire », « a eu un accident »), and adverbs after an auxiliary (« il a encore une palette à faire »). */
const SEEN = /^(vu|vue|eu|pu|su|lu|trouve|apercu|croise|remarque|encore|toute|tout|juste|meme|comme|presque|ensuite|vite|ete|aussi|ni)$/;

/** Something done to an object by accident, not output: « a bousculé un carton », « a renversé une palette ». */
const MISHAP = /^(bouscul|renvers|percut|heurt|touch|cogn|lach|echapp|tomb)/;

/** A past participle of work done (« ramené », « vendu », « fait »), not of seeing, breaking or bumping into, nor an infinitive in -re. */
export function isWorkParticiple(verb: Token): boolean {
  const infinitive = /re$/.test(verb.key) && !/é$/i.test(verb.text);
  return WORK_PARTICIPLE.test(verb.key) && !infinitive && !NOT_OUTPUT.test(verb.key) && !SEEN.test(verb.key) && !MISHAP.test(verb.key);
}

/** A listed counted object (`lexicon/production/objets.tsv`) right at `at`. */
export function countNounAt(a: NoteAnalysis, words: readonly Token[], at: number): boolean {
  const w = words[at];
  return w !== undefined && w.kind === 'word' && (a.lexicon.countNouns.has(w.key) || a.lexicon.countNouns.has(w.stem));
}

/** « on a ramené un canapé », « on a aussi monté une armoire »: the object of a participle after its auxiliary (not « a cassé une chaise », nor an infinitive: « a voulu descendre un frigo »). */
export function afterWorkVerb(words: readonly Token[], i: number): boolean {
  const verb = words[i - 1];
  if (verb === undefined || !isWorkParticiple(verb)) return false;
  return [words[i - 2], words[i - 3]].some((w) => w !== undefined && AUXILIARIES.has(w.key));
}

/** « deux armoires et une commode », « un canapé, deux commodes »: one of a list of counts. */
export function inCountList(words: readonly Token[], i: number, end: number, lastCountEnd: number): boolean {
  const prev = words[i - 1];
  const afterCount = lastCountEnd >= 0 && (lastCountEnd === i || (lastCountEnd === i - 1 && prev?.key === 'et'));
  const link = words[end + 1];
  const beforeCount = link !== undefined && (startsNumber(link) || (link.key === 'et' && words[end + 2] !== undefined && startsNumber(words[end + 2]!)));
  return afterCount || beforeCount;
}

const DAMAGED = /^(retreci|cass|abim|dechir|brul|tache|perdu|vole|tomb|renvers|explos|fondu)/;

/** « deux pulls ont rétréci », « trois assiettes se sont cassées »: a count of damage, not of work done. */
export function damagedAfter(words: readonly Token[], at: number): boolean {
  let j = at;
  if (words[j]?.key === 'se' || words[j]?.norm === "s'") j++;
  return AUXILIARIES.has(words[j]?.key ?? '') && DAMAGED.test(words[j + 1]?.key ?? '');
}
