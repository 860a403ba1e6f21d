/**
 * Folds text for matching: lower case, no diacritics, one apostrophe.
 * Used on both sides (note and lexicon) so that "Maîtrise", "maitrise" and
 * "MAÎTRISE" meet. Never used to build evidence, which is always sliced
 * from the original note.
 */
const cache = new Map<string, string>();

export function fold(text: string): string {
  const known = cache.get(text);
  if (known !== undefined) return known;
  const folded = foldUncached(text);
  if (cache.size > 50_000) cache.clear();
  cache.set(text, folded);
  return folded;
}

function foldUncached(text: string): string {
  return text
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ`´‘]/g, "'");
}
