import type { ProgressFacts } from './progress-facts.js';

/**
 * The narrative may only restate sourced facts. This pure check finds every
 * figure and every quotation in it: a figure must be one the facts state (a
 * number, or a day, month or year of a fact's date), a quotation must be a
 * verbatim span of a fact's text. A narrative that fails is dropped.
 */
export type NarrativeProblem =
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'quote'; readonly value: string };

export type NarrativeCheck = { readonly ok: true } | { readonly ok: false; readonly problems: readonly NarrativeProblem[] };

const QUOTE = /«\s*([^»]*?)\s*»|“([^”]*)”|"([^"]*)"/gu;
/** Any run of digits counts, even glued to letters (« 9h15 », « 3e »): stricter is safer. */
const NUMBER = /\d+(?:[.,]\d+)?/gu;
/** Number words a sentence may use instead of digits (sept and neuf are left out: « sept. » is September, « neuf » is new). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, huit: 8, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50,
};
const WORD = /\p{L}+/gu;

export const normaliseQuote = (s: string): string => s
  .normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim()
  .replace(/^(\.\.\.|…)\s*/, '').replace(/\s*(\.\.\.|…)$/, '').replace(/[.,;:!?]+$/, '').trim().toLowerCase();

/** Every figure the facts state, as absolute values (a contract ended 12 days ago states 12). */
export function factFigures(facts: ProgressFacts): Set<number> {
  const figures = new Set<number>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'number' && Number.isFinite(value)) figures.add(Math.abs(value));
    else if (typeof value === 'string' && key !== 'id' && key !== 'authorId') {
      const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
      if (date) date.slice(1).filter((p) => p !== undefined).forEach((p) => figures.add(Number(p)));
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value !== null && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k));
  };
  walk(facts, '');
  return figures;
}

/** Every text a narrative may quote: evidence, own words, labels. */
export function quotableTexts(facts: ProgressFacts): string[] {
  return [
    ...facts.observations.flatMap((c) => c.quotes.map((q) => q.text)),
    ...facts.ownWords.map((w) => w.text),
    ...facts.incidents.map((e) => e.text),
    ...facts.alerts.map((e) => e.text),
    ...facts.skills.flatMap((s) => [s.skill, ...s.history.map((h) => h.observedFact ?? '')]),
    ...facts.situations.map((s) => s.label),
    ...facts.objectives.flatMap((o) => [o.label, ...o.actions.map((a) => a.label)]),
  ].filter((t) => t.trim() !== '').map(normaliseQuote);
}

export function checkNarrative(text: string, facts: ProgressFacts): NarrativeCheck {
  const problems: NarrativeProblem[] = [];
  const quotable = quotableTexts(facts);
  for (const match of text.matchAll(QUOTE)) {
    const quoted = normaliseQuote(match[1] ?? match[2] ?? match[3] ?? '');
    if (quoted !== '' && !quotable.some((t) => t.includes(quoted))) problems.push({ kind: 'quote', value: quoted });
  }
  const outside = text.replace(QUOTE, ' ');
  const figures = factFigures(facts);
  for (const match of outside.matchAll(NUMBER)) {
    const value = Number(match[0].replace(',', '.'));
    if (!figures.has(value)) problems.push({ kind: 'number', value: match[0] });
  }
  for (const match of outside.matchAll(WORD)) {
    const value = NUMBER_WORDS[match[0].toLowerCase()];
    if (value !== undefined && !figures.has(value)) problems.push({ kind: 'number', value: match[0] });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
