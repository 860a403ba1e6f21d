/**
 * An activity as a team channel may show it: a few trade words, punctuation
 * removed, and no word that appeared in a confidential quote of the period.
 * Returns null when nothing is left.
 */
export function neutralActivity(activity: string, confidential: ReadonlySet<string>): string | null {
  const words = activity.replace(/[^\p{L}\p{N}' -]/gu, ' ').split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !confidential.has(w.toLowerCase()) && ![...confidential].some((c) => w.toLowerCase().split(/['-]/).includes(c)));
  const out = kept.slice(0, 4).join(' ').toLowerCase();
  return out === '' ? null : out;
}

export const foldActivity = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
