import type { CatalogPart } from './types.js';

/** The Slack door: modals, App Home, voice clips. */
export const slack: CatalogPart = {
  fr: {
    'slack.modal.title': 'Relais',
    'slack.modal.preparing': 'Je prépare le formulaire…',
    'slack.modal.close': 'Fermer',
    'slack.more': '… et {count} autre(s) élément(s), trop long pour Slack.',
  },
  en: {
    'slack.modal.title': 'Relais',
    'slack.modal.preparing': 'Preparing the form…',
    'slack.modal.close': 'Close',
    'slack.more': '… and {count} more item(s), too long for Slack.',
  },
};
