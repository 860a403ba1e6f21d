import type { CatalogPart } from './types.js';

export const extraction: CatalogPart = {
  fr: {
    'extract.error.date': 'Date « {value} » illisible : attendu AAAA-MM-JJ, par exemple 2026-11-02.',
    'extract.error.author': "L'auteur « {value} » n'est pas dans la liste des personnes.",
    'extract.error.empty': 'La note est vide : écrivez-la sur l’entrée standard (echo "…" | relais extract …).',
    'extract.error.too_long': 'La note est trop longue (plus de {max} octets).',
    'extract.error.note.empty': 'La note est vide.',
    'extract.error.note.too_long': 'La note est trop longue.',
    'extract.error.author.unknown': "L'auteur n'est pas dans la liste des personnes.",
    'extract.error.llm.unavailable': "Le modèle de langue ne répond pas ; réessayez ou utilisez --engine rules.",
    'extract.error.llm_not_configured': "Aucun modèle de langue n'est configuré : renseignez LLM_PROVIDER=openai-compatible et OPENAI_MODEL, ou utilisez --engine rules.",
  },
  en: {
    'extract.error.date': 'Unreadable date "{value}": expected YYYY-MM-DD, e.g. 2026-11-02.',
    'extract.error.author': 'Author "{value}" is not in the people list.',
    'extract.error.empty': 'The note is empty: write it on standard input (echo "…" | relais extract …).',
    'extract.error.too_long': 'The note is too long (over {max} bytes).',
    'extract.error.note.empty': 'The note is empty.',
    'extract.error.note.too_long': 'The note is too long.',
    'extract.error.author.unknown': 'The author is not in the people list.',
    'extract.error.llm.unavailable': 'The language model does not answer; retry or use --engine rules.',
    'extract.error.llm_not_configured': 'No language model configured: set LLM_PROVIDER=openai-compatible and OPENAI_MODEL, or use --engine rules.',
  },
};
