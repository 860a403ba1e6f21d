import type { Trade } from './taxonomy.js';

const simplify = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const HINTS: ReadonlyArray<[RegExp, Trade]> = [
  [/espace|vert|paysag|jardin|elagage|entretien.*(parc|nature)|bucheron|foret|rivier/, 'espaces_verts'],
  [/recycl|ressourc|reemploi|tri|textile|boutique|friperie|depot/, 'recyclerie'],
  [/batiment|btp|second oeuvre|peinture|maconn|renovation|chantier bat|menuiserie/, 'batiment'],
  [/nettoy|proprete|entretien des locaux|menage|hygiene/, 'nettoyage'],
  [/maraich|legum|agricult|ferme|potager|horticult/, 'maraichage'],
  [/restaur|cuisine|traiteur|cantine/, 'restauration'],
];

/** Guesses a team's trade from its name ("Espaces verts" → espaces_verts); `autre` when unsure. */
export function guessTrade(teamName: string): Trade {
  const name = simplify(teamName);
  for (const [pattern, trade] of HINTS) if (pattern.test(name)) return trade;
  return 'autre';
}
