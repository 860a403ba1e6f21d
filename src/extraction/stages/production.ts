import type { ProductionRecord } from '../../core/extraction/shift-note-extraction.js';
import { fold } from '../text/fold.js';
import type { NoteAnalysis } from '../engine/note-analysis.js';
import { halfAfter, parseNumberAt, startsNumber } from '../quantities/french-numbers.js';
import type { Token } from '../text/token.js';
import type { Unit } from '../../core/domain/taxonomy.js';
import { afterWorkVerb, countNounAt, damagedAfter, inCountList, NOT_OUTPUT } from './one-as-count.js';
import { objectOfEn } from './pronoun-count.js';

/** Before a number these words make it a place, a time or a rank, not an output ("à un mètre", "à 9h", "sur cinq"). */
const NOT_BEFORE = new Set(['a', 'vers', 'des', 'jusque', 'jusqu', 'depuis', 'pendant', 'sur', 'entre', 'avant', 'apres', 'numero', 'n', 'dans']);
const LINKS = new Set(['de', "d'", 'des', 'du']);
const ARTICLES = new Set(['les', 'des', 'ces', 'nos', 'mes', 'ses']);
const GLUED: Readonly<Record<string, Unit>> = { m2: 'm2', 'm²': 'm2', m3: 'm3', 'm³': 'm3', m: 'm', ml: 'm', kg: 'kg', kgs: 'kg', t: 't', l: 'l', h: 'h' };
const MONEY = /^[€$£%°]$/;

/**
 * Counted output of the day: a number (digits, words or "une vingtaine")
 * followed by a unit (m², ml, m³, kg, tonnes, litres, hours of work) or by a
 * counted object (sacs, meubles, repas…). Times, durations, distances,
 * money, people and places are left out.
 */
export function extractProduction(a: NoteAnalysis): ProductionRecord[] {
  const out: ProductionRecord[] = [];
  const busy = new Set<number>();
  const activitiesOf = new Map(a.clauses.map((c) => [c.id, a.lexicon.activities.findLongest(c.words, a.hasTag)]));
  for (const c of a.clauses) if (activitiesOf.get(c.id)!.length > 0) busy.add(c.sentence);
  const lastPiece = new Map<number, string>();
  const counted = new Set<number>();
  const endedOnCount = new Set<number>();
  for (const clause of a.clauses) {
    const words = clause.words;
    // « deux armoires, une commode »: a clause right after one that ended on a count goes on with the list.
    let lastCountEnd = endedOnCount.has(clause.id - 1) && a.clauses[clause.id - 1]?.sentence === clause.sentence ? 0 : -1;
    const activities = activitiesOf.get(clause.id)!;
    const context: Context = { workSentence: busy.has(clause.sentence), lastPiece: lastPiece.get(clause.sentence) };
    for (let i = 0; i < words.length; i++) {
      if (!startsNumber(words[i]!)) continue;
      const prev = words[i - 1];
      const n = parseNumberAt(words, i);
      if (n === null) continue;
      const skip = n.end - 1;
      const oneCounts = n.value === 1 && n.spelled && (afterWorkVerb(words, i) || inCountList(words, i, n.end, lastCountEnd));
      const measured = measure(a, words, n.end, n.glued, n.value, n.spelled, { ...context, workSentence: context.workSentence && prev?.key !== 'les' && prev?.key !== 'des', oneCounts });
      const enItem = measured === null && n.value >= 2 && Number.isInteger(n.value) && n.glued === '' ? objectOfEn(a, clause, i) : null;
      const found: Measure | null = measured ?? (enItem !== null ? { unit: 'piece', quantity: n.value, item: enItem, end: n.end } : null);
      // « dans les deux chambres »: a place after a preposition, as « dans deux chambres » would be.
      const placed = prev !== undefined && ARTICLES.has(prev.key) && NOT_BEFORE.has(words[i - 2]?.key ?? '');
      const allowedBefore = prev === undefined || (!NOT_BEFORE.has(prev.key) && !NOT_OUTPUT.test(prev.key) && !placed);
      const nextRaw = a.tokens[words[n.end - 1]!.index + 1];
      // « 36 objets vendus dont 2 canapés »: a part of a count already given, not another output.
      const partOfCount = prev?.key === 'dont' && counted.has(clause.sentence);
      const refused = !allowedBefore || partOfCount || (nextRaw !== undefined && MONEY.test(nextRaw.text)) || isDateOrClock(a, words[i]!);
      if (found === null && !refused) {
        // « 400 de tonte », « tonte 400 »: a quantity of an activity without its unit (Relais asks which).
        const bare = bareActivity(activities, words, i, n.end, n.value);
        if (bare !== null) out.push({ activity: bare, quantity: round(n.value), unit: null });
      }
      if (found === null || refused || damagedAfter(words, found.end)) {
        i = skip;
        continue;
      }
      const activity = activityNear(activities, i);
      const sameWord = activity !== '' && found.item !== '' && activity.toLowerCase().includes(found.item.toLowerCase());
      const label = (sameWord ? activity : [activity, found.item].filter(Boolean).join(' ')).trim() || 'production';
      out.push({ activity: label, quantity: round(found.quantity), unit: found.unit });
      counted.add(clause.sentence);
      if (found.unit === 'piece') lastPiece.set(clause.sentence, found.item);
      lastCountEnd = found.end;
      if (found.end === words.length) endedOnCount.add(clause.id);
      i = Math.max(skip, found.end - 1);
    }
  }
  return out;
}

interface Measure { unit: Unit; quantity: number; item: string; end: number }
/** What the sentence says beyond the number: whether it is about work done, and the last object counted ("14 vélos révisés, 6 réparés"). */
interface Context { workSentence: boolean; lastPiece: string | undefined; oneCounts?: boolean }
const PARTICIPLE = /(é|ée|és|ées|is|ies|us|ues|ts|tes)$/i;

function measure(a: NoteAnalysis, words: readonly Token[], at: number, glued: string, value: number, spelled: boolean, context: Context): Measure | null {
  // « 2h30 de ménage » (hours and minutes of work), « 1t2 de gravats » (1,2 t, as written on site).
  const split = /^([ht])(\d{1,2})$/.exec(glued);
  if (split !== null && (words[at]?.key === 'de' || words[at]?.norm === "d'")) {
    const quantity = split[1] === 'h' ? value + Number(split[2]) / 60 : Number(`${value}.${split[2]}`);
    return { unit: split[1] === 'h' ? 'h' : 't', quantity, item: itemAfter(a, words, at), end: at };
  }
  if (glued !== '') {
    const unit = GLUED[glued];
    // « 3h de désherbage » is work done; « 1h plus tôt », « pdt 1h » are not.
    if (unit === 'h' && !LINKS.has(words[at]?.key ?? '') && !LINKS.has(words[at]?.norm ?? '')) return null;
    return unit === undefined ? null : { unit, quantity: value, item: itemAfter(a, words, at), end: at };
  }
  // « une trentaine de m2 », « une vingtaine de kilos »: an approximation takes « de » before its unit.
  const unitAt = /(aines?|milliers?)$/.test(words[at - 1]?.key ?? '') && (words[at]?.key === 'de') ? at + 1 : at;
  const unitMatch = a.lexicon.units.findAll(words.slice(unitAt, unitAt + 4), a.hasTag).filter((m) => m.from === 0).sort((x, y) => y.to - x.to)[0];
  if (unitMatch !== undefined) {
    const end = unitAt + unitMatch.to;
    const half = halfAfter(words, end);
    const quantity = (value + (half ? 0.5 : 0)) * unitMatch.phrase.factor;
    if (unitMatch.phrase.unit === 'h' && !LINKS.has(words[end + half]?.key ?? '') && !LINKS.has(words[end + half]?.norm ?? '')) return null;
    if (value === 1 && spelled && unitMatch.phrase.unit === 'm' && words[at - 2]?.key === 'a') return null;
    return { unit: unitMatch.phrase.unit, quantity, item: itemAfter(a, words, end + half), end: end + half };
  }
  // « un canapé »: the article is a count only for a listed object that is the work done (« on a ramené un canapé ») or one of a list of counts.
  if (value === 1 && spelled) return context.oneCounts && countNounAt(a, words, at) ? { unit: 'piece', quantity: 1, item: words[at]!.text, end: at + 1 } : null;
  for (let j = at; j < Math.min(words.length, at + 3); j++) {
    const w = words[j]!;
    if (a.lexicon.nonProduction.has(w.key) || a.lexicon.nonProduction.has(w.stem) || startsNumber(w)) return null;
    if (countNounAt(a, words, j)) return { unit: 'piece', quantity: value, item: w.text, end: j + 1 };
    if (!LINKS.has(w.key) && j > at) break;
  }
  const next = words[at];
  if (next === undefined || value < 2 || !Number.isInteger(value)) return null;
  if (context.lastPiece !== undefined && PARTICIPLE.test(next.text)) return { unit: 'piece', quantity: value, item: context.lastPiece, end: at };
  // Objects the lexicon does not list yet ("8 paliers") count in a sentence about work done.
  const looksCounted = next.kind === 'word' && !next.capitalised && /[sx]$/.test(next.key) && next.key.length >= 4 && !a.hasTag(next, 'personne') && !a.lexicon.firstNames.has(next.key);
  return context.workSentence && looksCounted ? { unit: 'piece', quantity: value, item: next.text, end: at + 1 } : null;
}

function itemAfter(a: NoteAnalysis, words: readonly Token[], at: number): string {
  let j = at;
  if (LINKS.has(words[j]?.key ?? '') || LINKS.has(words[j]?.norm ?? '')) j++;
  const w = words[j];
  return w !== undefined && w.kind === 'word' && w.key.length > 2 && !startsNumber(w) && !a.lexicon.nonProduction.has(w.key) ? w.text : '';
}

/**
 * The activity a unitless number is a quantity of: written right after it with
 * « de » (« 400 de tonte »), or right before it at the end of the clause
 * (« tonte 400 »). Small numbers (« 1 », « 2 ») are too often something else.
 */
function bareActivity(activities: ReturnType<NoteAnalysis['lexicon']['activities']['findLongest']>, words: readonly Token[], at: number, end: number, value: number): string | null {
  if (value < 10) return null;
  const link = words[end];
  if (link !== undefined && (LINKS.has(link.key) || LINKS.has(link.norm))) {
    const after = activities.find((m) => m.from === end + 1);
    if (after !== undefined) return after.phrase.activity;
  }
  const before = activities.find((m) => m.to === at);
  return before !== undefined && end === words.length ? before.phrase.activity : null;
}

function activityNear(activities: ReturnType<NoteAnalysis['lexicon']['activities']['findLongest']>, i: number): string {
  let best: string = '';
  let distance = Infinity;
  for (const m of activities) {
    const d = m.from <= i ? i - m.to : m.from - i + 2;
    if (d < distance) { distance = d; best = m.phrase.activity; }
  }
  return best;
}

function isDateOrClock(a: NoteAnalysis, t: Token): boolean {
  const next = a.tokens[t.index + 1];
  const prev = a.tokens[t.index - 1];
  const workDone = next?.kind === 'word' && ['de', "d'"].includes(fold(next.text));
  return (/^\d{1,2}h\d{2}$/.test(t.norm) && !workDone) || next?.text === '/' || prev?.text === '/' || (next?.text === ':' && /^\d/.test(a.tokens[t.index + 2]?.text ?? ''));
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
