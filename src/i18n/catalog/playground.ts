import type { CatalogPart } from './types.js';

export const playground: CatalogPart = {
  fr: {
    'playground.forbidden': "Accès refusé : le bac à sable n'est ouvert que depuis cette machine, ou avec son jeton (PLAYGROUND_TOKEN).",
    'playground.bad_request': 'Requête incomplète ou trop longue.',
    'playground.unknown_person': 'Personne inconnue dans la liste.',
    'playground.dm_title': 'Relais (message privé)',
    'playground.marker.rules': 'Moteur de règles',
    'playground.marker.ai': 'Généré par IA',
    'playground.marker.ai-degraded': 'Analyse simplifiée',
  },
  en: {
    'playground.forbidden': 'Access denied: the playground is open only from this machine, or with its token (PLAYGROUND_TOKEN).',
    'playground.bad_request': 'Incomplete or too long request.',
    'playground.unknown_person': 'Unknown person.',
    'playground.dm_title': 'Relais (direct message)',
    'playground.marker.rules': 'Rules engine',
    'playground.marker.ai': 'AI generated',
    'playground.marker.ai-degraded': 'Simplified analysis',
  },
};
