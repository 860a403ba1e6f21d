import type { CatalogPart } from './types.js';

/** The end-of-shift check-in (issue #13). */
export const checkins: CatalogPart = {
  fr: {
    'checkin.text': 'Bonsoir {name} ! Fin de journée pour l’équipe {team} : comment ça s’est passé ?',
    'checkin.guide': 'Si ça t’aide :',
    'checkin.free': 'Réponds comme tu veux, par écrit ou en vocal : je m’occupe du reste.',
    'checkin.ras': 'RAS, tout le monde était là',
    'checkin.dictate': 'Dicter ma note',
    'checkin.later': 'Plus tard',
    'checkin.ras_note': 'RAS, tout le monde était là.',
    'checkin.dictate_prompt': 'Je t’écoute : envoie un message vocal ou écris ta note ici (présences, production, un point sur quelqu’un…).',
    'checkin.later_done': 'Pas de souci, je te relance vers {time}.',
    'checkin.already': 'C’est noté, ta note du {date} est déjà arrivée.',
    'checkin.no_team': 'Je ne sais pas à quelle équipe tu es rattaché·e : demande à ta direction de compléter l’annuaire.',
  },
  en: {
    'checkin.text': 'Evening {name}! End of the day for the {team} team: how did it go?',
    'checkin.guide': 'If it helps:',
    'checkin.free': 'Answer as you like, in writing or by voice: I will take care of the rest.',
    'checkin.ras': 'All fine, everyone was there',
    'checkin.dictate': 'Dictate my note',
    'checkin.later': 'Later',
    'checkin.ras_note': 'RAS, tout le monde était là.',
    'checkin.dictate_prompt': 'I am listening: send a voice message or write your note here (attendance, production, a word about someone…).',
    'checkin.later_done': 'No problem, I will ask again around {time}.',
    'checkin.already': 'Noted, your note for {date} has already arrived.',
    'checkin.no_team': 'I do not know which team you belong to: ask your direction to complete the roster.',
  },
};
