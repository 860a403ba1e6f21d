/**
 * Words that would turn an adaptation into a health detail (GDPR art. 9). A plan states
 * the operational need (« pas de port de charges au-delà de 10 kg »), never its cause.
 */
const HEALTH = [
  'handicap', 'rqth', 'mdph', 'maladie', 'malade', 'medic', 'traitement', 'therap', 'diabet', 'epilep', 'asthm',
  'hernie', 'lombalg', 'dos bloque', 'operation', 'opere', 'chirurg', 'cancer', 'depress', 'psychi', 'psycholog',
  'addict', 'alcool', 'drogue', 'cannabis', 'enceinte', 'grossesse', 'arret maladie', 'invalid', 'hopital', 'sante',
  'blessure', 'blesse', 'douleur', 'cardiaque', 'tendinite', 'handicape',
] as const;

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The health words found in a text (folded), empty when the text is clean. */
export function healthWordsIn(text: string): string[] {
  const folded = fold(text);
  return HEALTH.filter((w) => new RegExp(`(^|[^a-z])${w}`).test(folded));
}
