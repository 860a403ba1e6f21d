/** Lowercase, no accents, apostrophes unified, spaces collapsed: how intents compare text. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`´]/g, "'").replace(/\s+/g, ' ').trim();
}

const ORDINALS: ReadonlyArray<[RegExp, number | 'last']> = [
  [/^(1|1re|1ere|1er|premiere?|1ère)$/, 1], [/^(2|2e|2eme|deuxieme|seconde?)$/, 2], [/^(3|3e|3eme|troisieme)$/, 3],
  [/^(4|4e|4eme|quatrieme)$/, 4], [/^(5|5e|5eme|cinquieme)$/, 5], [/^(6|6e|6eme|sixieme)$/, 6],
  [/^(7|7e|7eme|septieme)$/, 7], [/^(8|8e|8eme|huitieme)$/, 8], [/^(9|9e|9eme|neuvieme)$/, 9], [/^(10|10e|10eme|dixieme)$/, 10],
  [/^(derniere?)$/, 'last'],
];

export function ordinal(word: string): number | 'last' | null {
  const w = fold(word);
  for (const [pattern, value] of ORDINALS) if (pattern.test(w)) return value;
  const n = /^(\d+)(e|eme|er|re)?$/.exec(w);
  return n ? Number(n[1]) : null;
}
