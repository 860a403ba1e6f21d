import type { Token } from '../text/token.js';
import { parseNumberAt } from './french-numbers.js';

/** A clock time in minutes since midnight, and where it ends in the words array. */
export interface ParsedTime { readonly minutes: number; readonly end: number }

const HOUR_WORDS = new Set(['h', 'heure', 'heures', 'hr', 'hrs']);
const MINUTE_WORDS = new Set(['min', 'mn', 'minute', 'minutes', 'mins']);

/** "9h15", "9h", "9 h 15", "neuf heures trente", "dix heures et demie", "midi". */
export function parseTimeAt(words: readonly Token[], i: number): ParsedTime | null {
  const t = words[i];
  if (t === undefined) return null;
  const glued = /^(\d{1,2})h(\d{2})?$/.exec(t.norm) ?? /^(\d{1,2})[:](\d{2})$/.exec(t.norm);
  if (glued) return valid(Number(glued[1]) * 60 + Number(glued[2] ?? 0), minutesAfter(words, i + 1));
  if (t.key === 'midi' || t.key === 'minuit') return valid(t.key === 'midi' ? 720 : 0, minutesAfter(words, i + 1));
  const n = parseNumberAt(words, i);
  if (n === null || n.approximate || !HOUR_WORDS.has(words[n.end]?.key ?? '') || !Number.isInteger(n.value)) return null;
  return valid(n.value * 60, minutesAfter(words, n.end + 1));
}

function minutesAfter(words: readonly Token[], i: number): { add: number; end: number } {
  const w = words[i];
  if (w?.key === 'et' && (words[i + 1]?.key === 'demi' || words[i + 1]?.key === 'demie')) return { add: 30, end: i + 2 };
  if (w?.key === 'et' && words[i + 1]?.key === 'quart') return { add: 15, end: i + 2 };
  if (w?.key === 'moins' && words[i + 1]?.key === 'le' && words[i + 2]?.key === 'quart') return { add: -15, end: i + 3 };
  const n = w === undefined ? null : parseNumberAt(words, i);
  if (n !== null && n.value < 60 && Number.isInteger(n.value) && !MINUTE_WORDS.has(words[n.end + 1]?.key ?? '')) {
    return { add: n.value, end: MINUTE_WORDS.has(words[n.end]?.key ?? '') ? n.end + 1 : n.end };
  }
  return { add: 0, end: i };
}

function valid(base: number, extra: { add: number; end: number }): ParsedTime | null {
  const minutes = base + extra.add;
  return minutes >= 0 && minutes <= 24 * 60 ? { minutes, end: extra.end } : null;
}

/** A duration in minutes: "20 min", "1h", "1h30", "une heure", "une demi-heure", "un quart d'heure", "trois quarts d'heure". */
export function parseDurationAt(words: readonly Token[], i: number): ParsedTime | null {
  const t = words[i];
  if (t === undefined) return null;
  if (t.key === 'demi-heure' || (t.key === 'demi' && words[i + 1]?.key === 'heure')) return { minutes: 30, end: t.key === 'demi' ? i + 2 : i + 1 };
  if ((t.key === 'une' || t.key === 'un') && words[i + 1] !== undefined) {
    const inner = parseDurationAt(words, i + 1);
    if (inner !== null && ['demi-heure', 'quart', 'demi'].includes(words[i + 1]!.key)) return inner;
  }
  if (t.key === 'quart' && words[i + 1]?.norm === "d'" && words[i + 2]?.key === 'heure') return { minutes: 15, end: i + 3 };
  const glued = /^(\d{1,2})h(\d{2})?$/.exec(t.norm);
  if (glued) return { minutes: Number(glued[1]) * 60 + Number(glued[2] ?? 0), end: i + 1 };
  const gluedMin = /^(\d{1,3})(min|mn|mins)$/.exec(t.norm);
  if (gluedMin) return { minutes: Number(gluedMin[1]), end: i + 1 };
  const n = parseNumberAt(words, i);
  if (n === null || n.approximate) return null;
  const unit = words[n.end]?.key ?? '';
  if (MINUTE_WORDS.has(unit)) return { minutes: Math.round(n.value), end: n.end + 1 };
  if ((unit === 'quart' || unit === 'quarts') && words[n.end + 1]?.norm === "d'") return { minutes: Math.round(n.value * 15), end: n.end + 3 };
  if (HOUR_WORDS.has(unit)) {
    const half = words[n.end + 1]?.key === 'et' && ['demi', 'demie'].includes(words[n.end + 2]?.key ?? '') ? 30 : 0;
    return { minutes: Math.round(n.value * 60) + half, end: n.end + 1 + (half ? 2 : 0) };
  }
  return null;
}
