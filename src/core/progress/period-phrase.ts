import { addDays } from '../domain/business-date.js';

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTH = `(${MONTHS.join('|')}|janv|fev|fevr|avr|juil|sept|oct|nov|dec)\\.?`;
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`´]/g, "'");
const pad = (n: number): string => String(n).padStart(2, '0');

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)) && (w.length <= m.length));
}

/** The last day of a month, YYYY-MM-DD. */
const endOfMonth = (year: number, month: number): string => addDays(`${month === 11 ? year + 1 : year}-${pad(month === 11 ? 1 : month + 2)}-01`, -1);

/** « 12 mars [2026] », « 12/03[/2026] », « mars [2026] » (start or end of the month) → a date not after today unless a year is given. */
function readDate(phrase: string, today: string, edge: 'start' | 'end'): string | null {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const numeric = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/.exec(phrase);
  const named = new RegExp(`^(?:le )?(\\d{1,2})(?:er)? ${MONTH}(?: (\\d{4}))?$`).exec(phrase);
  const monthOnly = new RegExp(`^(?:debut |fin )?${MONTH}(?: (\\d{4}))?$`).exec(phrase);
  let y: number; let m: number; let d: number | null;
  if (numeric) {
    d = Number(numeric[1]); m = Number(numeric[2]) - 1;
    y = numeric[3] === undefined ? (m > month ? year - 1 : year) : Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]);
  } else if (named) {
    d = Number(named[1]); m = monthIndex(named[2]!);
    y = named[3] === undefined ? (m > month ? year - 1 : year) : Number(named[3]);
  } else if (monthOnly) {
    d = null; m = monthIndex(monthOnly[1]!);
    y = monthOnly[2] === undefined ? (m > month ? year - 1 : year) : Number(monthOnly[2]);
    if (/^fin /.test(phrase)) edge = 'end';
  } else return null;
  if (m < 0 || m > 11) return null;
  if (d === null) return edge === 'start' ? `${y}-${pad(m + 1)}-01` : endOfMonth(y, m);
  const date = `${y}-${pad(m + 1)}-${pad(d)}`;
  return new Date(`${date}T12:00:00Z`).toISOString().slice(0, 10) === date ? date : null;
}

export interface PeriodPhrase {
  readonly from?: string;
  readonly to?: string;
  /** The text without the period words (what is left names the person). */
  readonly rest: string;
}

/**
 * The period of a summary request in French: « depuis septembre », « depuis le
 * 12 mars », « du 1er mars au 30 juin », « sur les 3 derniers mois », « cette
 * année », « ce mois-ci ». Unknown words are left in `rest`. Pure; `today` is YYYY-MM-DD.
 */
export function readPeriodPhrase(text: string, today: string): PeriodPhrase {
  const f = fold(text).replace(/\s+/g, ' ').trim();
  const date = `((?:le )?\\d{1,2}(?:er)?(?: ${MONTH}(?: \\d{4})?|[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?)|(?:debut |fin )?${MONTH}(?: \\d{4})?)`;
  const between = new RegExp(`\\b(?:du|de|entre) ${date} (?:au|a|et) ${date}\\b`).exec(f);
  if (between) {
    const from = readDate(between[1]!.replace(/^le /, ''), today, 'start');
    const to = readDate(between[1 + countGroups(date)]!.replace(/^le /, ''), today, 'end');
    if (from && to) return { from, to, rest: f.replace(between[0], ' ').trim() };
  }
  const since = new RegExp(`\\b(?:depuis|a partir d[eu']|a compter d[eu']) ?${date}`).exec(f);
  if (since) {
    const from = readDate(since[1]!.replace(/^le /, ''), today, 'start');
    if (from) return { from, rest: f.replace(since[0], ' ').trim() };
  }
  const last = /\b(?:sur |pour |depuis )?(?:les |ces )?(\d{1,2}|deux|trois|quatre|six|douze) (derniers |dernieres )?(mois|semaines|jours)( derniers| dernieres)?\b/.exec(f);
  if (last) {
    const words: Record<string, number> = { deux: 2, trois: 3, quatre: 4, six: 6, douze: 12 };
    const n = words[last[1]!] ?? Number(last[1]);
    const days = last[3] === 'mois' ? n * 30 : last[3] === 'semaines' ? n * 7 : n;
    return { from: addDays(today, -days), rest: f.replace(last[0], ' ').trim() };
  }
  if (/\bcette annee\b/.test(f)) return { from: `${today.slice(0, 4)}-01-01`, rest: f.replace(/\b(sur |pour )?cette annee\b/, ' ').trim() };
  if (/\bce mois(-| )?ci\b|\bce mois\b/.test(f)) return { from: `${today.slice(0, 7)}-01`, rest: f.replace(/\b(sur |pour )?ce mois(-| )?(ci)?\b/, ' ').trim() };
  return { rest: f };
}

function countGroups(pattern: string): number {
  return (pattern.match(/\((?!\?)/g) ?? []).length;
}
