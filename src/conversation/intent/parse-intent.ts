import type { DraftSection } from '../../core/domain/draft-edits.js';
import { fold, ordinal } from './french-words.js';
import type { Intent, IntentContext } from './intent.js';

const SECTION_WORDS: ReadonlyArray<[RegExp, DraftSection]> = [
  [/^(observation|obs|remarque)s?$/, 'observations'],
  [/^(presence|absence|retard|ligne de presence)s?$/, 'attendance'],
  [/^(production|prod|ligne de production|quantite)s?$/, 'production'],
  [/^(incident)s?$/, 'incidents'],
  [/^(alerte)s?$/, 'alerts'],
];

/**
 * French intent routing for free text and `/relais` commands. Explicit commands
 * always win; corrections only make sense while a draft waits; anything else
 * long enough from someone who writes notes is a note. Pure and deterministic.
 */
export function parseIntent(raw: string, ctx: IntentContext): Intent {
  const text = raw.trim();
  const command = /^\/?relais\b\s*(.*)$/is.exec(text);
  if (command) return parseCommand(command[1]!.trim(), ctx);
  const f = fold(text);
  if (f === '' || /^(aide|help|\?+|au secours|comment (ca|tu) (marche|fonctionne)s?|que sais[- ]tu faire|tu sais faire quoi)[ !?.]*$/.test(f)) return { kind: 'help' };

  if (ctx.hasDraft) {
    const draftIntent = parseDraftIntent(text, f);
    if (draftIntent) return draftIntent;
  }
  const small = smalltalk(f);
  if (small) return small;
  if (/^(mes|les|voir mes|montre(-| )moi mes|liste de mes) notes?\b/.test(f)) return { kind: 'list-notes', period: notePeriod(f) };
  const cancel = /^(annule|supprime|retire|efface)r? (ma|la) (derniere )?note( (d'hier|de hier|d'aujourd'hui|de ce matin|de ce soir|du jour))?[ .!]*$/.exec(f);
  if (cancel) return { kind: 'cancel-note', which: /hier/.test(f) ? 'yesterday' : /aujourd|matin|soir|du jour/.test(f) ? 'today' : 'last' };
  if (/^(prepare|prepar|preparer|prepa|cree|creer|organise|organiser|planifie|planifier)\w* (moi )?(une |la |un )?(seance|sequence|formation|apprentissage|atelier d'apprentissage)/.test(f)
    || /^(seance|nouvelle seance) (sur|de|d')\b/.test(f) && !/:/.test(f)) {
    return { kind: 'session-request', text };
  }
  if (/^(compte rendu de |cr de |bilan de |retour sur )?(la )?seance (de|du|d')[^:]{1,40}:/.test(f)) return { kind: 'session-outcome', text };
  const attestation = /^(une |l')?attestation (de competences? )?(de |d'|pour )(.{2,60})$/.exec(f);
  if (attestation) return { kind: 'attestation-request', text: attestation[4]!.trim() };
  if (/^(le |un |fais(-| )moi (le |un )?)?(resume|synthese|suivi|point|bilan) (de parcours |du parcours )?(de|d'|pour|sur) /.test(f)
    || /^(ou en est|comment va|comment avance|parcours de) /.test(f)) {
    return { kind: 'summary-request', text };
  }
  const gdpr = /^(?:(export(?:e|er)?|extrai(?:s|re|t))|(efface(?:r|z)?|supprime(?:r|z)?)) (?:(?:toutes )?les |l'ensemble des )?donnees (?:personnelles )?(?:rgpd )?(?:de |d'|du |pour )(.{2,60}?)[ .!?]*$/.exec(f)
    ?? /^(?:(export)|(effacement|droit a l'oubli)) rgpd (?:de |d'|du |pour )(.{2,60}?)[ .!?]*$/.exec(f);
  if (gdpr) return { kind: 'gdpr', command: gdpr[1] ? 'export' : 'erase', text: gdpr[3]! };
  if (/^(nouvel )?objectif (pour|de|d') ?[^:]{1,60}:/.test(f)) return { kind: 'objective', text };
  const prod = /^(?:montre(?:-| )moi |voir |affiche |le |la )?(?:journal de )?(?:prod|production)\b ?/.exec(f);
  const log = prod ? productionLogIntent(f.slice(prod[0].length), true) : null;
  if (log) return log;
  if (ctx.canWriteNotes && looksLikeNote(f)) return { kind: 'note', text };
  return { kind: 'unknown', text };
}

function parseCommand(rest: string, ctx: IntentContext): Intent {
  const [head = '', ...tail] = rest.split(/\s+/);
  const args = rest.slice(head.length).trim();
  switch (fold(head)) {
    case '': case 'aide': case 'help': case '?': return { kind: 'help' };
    case 'note': return args ? { kind: 'note', text: args } : { kind: 'help' };
    case 'seance': case 'séance': return args ? (/:/.test(args) && /reussi|revoir|acquis|maitrise/.test(fold(args)) ? { kind: 'session-outcome', text: args } : { kind: 'session-request', text: args }) : { kind: 'help' };
    case 'attestation': return args ? { kind: 'attestation-request', text: args.replace(/^(de |d'|pour )/i, '') } : { kind: 'help' };
    case 'suivi': case 'resume': case 'parcours': return args ? { kind: 'summary-request', text: `suivi de ${args}` } : { kind: 'help' };
    case 'objectif': return args ? { kind: 'objective', text: /^(pour|de|d')\b/i.test(args) ? `objectif ${args}` : `objectif pour ${args}` } : { kind: 'help' };
    case 'prod': case 'production': case 'absent': case 'absente': case 'absence': case 'retard': case 'present': case 'presente': case 'présent': case 'présente': {
      if (fold(head).startsWith('prod')) {
        const log = productionLogIntent(fold(args), true);
        if (log) return log;
      }
      const text = quickEntryText(fold(head), args);
      if (text === null) return { kind: 'help' };
      return ctx.hasDraft ? { kind: 'append-to-draft', text } : { kind: 'note', text };
    }
    case 'rgpd': case 'gdpr': {
      const [sub = '', ...more] = tail;
      const who = more.join(' ').replace(/^(de |d'|du |pour )/i, '').trim();
      const command = /^(export|exporte|exporter|extrait)$/.test(fold(sub)) ? 'export' : /^(effacer|efface|effacement|erase|supprimer|supprime|oubli)$/.test(fold(sub)) ? 'erase' : null;
      return command && who ? { kind: 'gdpr', command, text: who } : { kind: 'help' };
    }
    case 'notes': case 'mes-notes': return { kind: 'list-notes', period: notePeriod(fold(args)) };
    case 'annuler': return ctx.hasDraft && args === '' ? { kind: 'discard-draft' } : { kind: 'cancel-note', which: /hier/.test(fold(args)) ? 'yesterday' : 'last' };
    case 'valider': return { kind: 'confirm-draft' };
    case 'lier': {
      const [userId = '', ...name] = tail;
      return userId && name.length ? { kind: 'link', userId: userId.replace(/^<@?|>$/g, '').replace(/\|.*$/, ''), personName: name.join(' ') } : { kind: 'command', name: 'lier', args };
    }
    case 'equipe': case 'équipe': {
      const [sub = '', ...more] = tail;
      if (/^reglages?$/.test(fold(sub))) return { kind: 'schedule', command: 'team-settings', args: more.join(' ') };
      if (fold(sub) !== 'lier') return { kind: 'command', name: `equipe ${fold(sub)}`.trim(), args: more.join(' ') };
      const channel = more.find((w) => /^(<#|#)/.test(w));
      const teamKey = more.filter((w) => w !== channel).join(' ').trim();
      return { kind: 'bind-channel', ...(channel ? { channel } : {}), ...(teamKey ? { teamKey } : {}) };
    }
    case 'digest': case 'resume-equipe': {
      const [sub = '', ...more] = tail;
      if (/^(publier|poster|envoyer)$/.test(fold(sub))) return { kind: 'schedule', command: 'digest-post', args: more.join(' ') };
      return { kind: 'schedule', command: 'digest-preview', args: (/^apercu$/.test(fold(sub)) ? more : tail).join(' ') };
    }
    case 'rappels': case 'rappel': return { kind: 'schedule', command: 'reminders', args };
    default: return { kind: 'command', name: fold(head), args };
  }
}

function parseDraftIntent(text: string, f: string): Intent | null {
  if (/^(ok |oui |c'est )?(valide|valider|je valide|c'est bon|c'est ok|parfait|nickel|ok c'est bon|ok|oui|tout est bon|confirme|confirmer)[ !.]*$/.test(f)) return { kind: 'confirm-draft' };
  if (/^(annule|annuler|laisse tomber|oublie|supprime le brouillon|jette)[ !.]*$/.test(f)) return { kind: 'discard-draft' };
  const swap = /^(?:non|nan|pardon|erreur|attention)?[ ,!]*(?:c'est|c'etait|il s'agit de|je voulais dire) ([\p{L}'-]+(?: [\p{L}'-]+)?)[ ,]+(?:et )?pas ([\p{L}'-]+(?: [\p{L}'-]+)?)[ .!]*$/u.exec(f)
    ?? /^(?:non|nan)?[ ,!]*pas ([\p{L}'-]+)[ ,]+(?:mais|c'est) ([\p{L}'-]+)[ .!]*$/u.exec(f);
  if (swap) {
    const isPasMais = /^(?:non|nan)?[ ,!]*pas /.test(f);
    const [from, to] = isPasMais ? [swap[1]!, swap[2]!] : [swap[2]!, swap[1]!];
    return { kind: 'swap-person', from: original(text, from), to: original(text, to) };
  }
  const replace = /^(?:remplace|change) ([\p{L}'-]+) par ([\p{L}'-]+)[ .!]*$/u.exec(f);
  if (replace) return { kind: 'swap-person', from: original(text, replace[1]!), to: original(text, replace[2]!) };
  const remove = /^(?:enleve|enlever|supprime|supprimer|retire|retirer|efface|effacer|vire)(?: moi)? (?:la|le|l') ?(\S+) (observation|obs|remarque|presence|absence|retard|production|prod|ligne de production|incident|alerte)s?[ .!]*$/.exec(f);
  if (remove) {
    const position = ordinal(remove[1]!);
    const section = sectionOf(remove[2]!);
    if (position !== null && section) return { kind: 'remove-line', section, position };
  }
  const add = /^(?:ajoute[rz]?|rajoute[rz]?|j['’]ai oubli[ée]|oubli[ée]|et aussi|aussi|en plus)\s*:?\s*(.+)$/isu.exec(text.normalize('NFC'));
  if (add) return { kind: 'append-to-draft', text: add[1]!.trim() };
  return null;
}

function sectionOf(word: string): DraftSection | null {
  for (const [pattern, section] of SECTION_WORDS) if (pattern.test(word)) return section;
  return null;
}

/** Finds a folded word back in the original text, keeping the user's spelling. */
function original(text: string, foldedWord: string): string {
  const words = text.split(/[\s,.!]+/);
  return words.find((w) => fold(w) === foldedWord) ?? foldedWord;
}

function smalltalk(f: string): Intent | null {
  if (/^(bonjour|salut|hello|coucou|bonsoir|hey|yo|bjr|slt)( relais)?[ !.]*$/.test(f)) return { kind: 'smalltalk', topic: 'hello' };
  if (/^(merci|thanks|merci beaucoup|super merci|top merci|parfait merci|mci|thx)( relais)?[ !.]*$/.test(f)) return { kind: 'smalltalk', topic: 'thanks' };
  if (/^(au revoir|a demain|bonne soiree|bonne nuit|a plus|bye|a\+|ciao)[ !.]*$/.test(f)) return { kind: 'smalltalk', topic: 'bye' };
  if (/^(ca va|comment ca va|tu vas bien|ca va toi)[ ?!.]*$/.test(f)) return { kind: 'smalltalk', topic: 'howareyou' };
  return null;
}

function notePeriod(f: string): 'today' | 'yesterday' | 'week' | 'last-week' | 'month' {
  if (/semaine derniere|derniere semaine/.test(f)) return 'last-week';
  if (/hier/.test(f)) return 'yesterday';
  if (/aujourd|du jour|ce jour/.test(f)) return 'today';
  if (/mois/.test(f)) return 'month';
  return 'week';
}

/** A note says something about the day: a few words, or the short forms ETI use ("RAS"). */
function looksLikeNote(f: string): boolean {
  if (/^(ras|r\.a\.s\.?|rien a signaler)\b/.test(f)) return true;
  return f.split(' ').filter((w) => w.length > 1).length >= 4;
}

/**
 * Quick entries (`/relais prod 300 m2 tonte parc Nord`, `/relais absent Nadia justifié`,
 * `/relais retard Karim 20`) as the plain French sentence the engine reads; they join
 * the draft of the day when there is one, else start one.
 */
export function quickEntryText(command: string, args: string): string | null {
  const words = args.trim();
  if (words === '') return null;
  if (command === 'prod' || command === 'production') return words;
  if (command === 'retard') {
    const m = /^(.+?)\s+(\d{1,3})\s*(?:min(?:utes?)?|mn|')?$/i.exec(words);
    return m ? `${m[1]} en retard de ${m[2]} minutes` : `${words} en retard`;
  }
  if (command.startsWith('present')) return `${words} présent`;
  const end = '(?![\\p{L}])';
  const excused = new RegExp(`(?<![\\p{L}])(justifi[ée]e?s?|excus[ée]e?s?|pr[ée]venue?|malade|arr[êe]t)${end}`, 'iu').exec(words);
  const unexcused = new RegExp(`(?<![\\p{L}])(injustifi[ée]e?s?|non justifi[ée]e?s?|sans pr[ée]venir)${end}`, 'iu').exec(words);
  const name = words.replace(new RegExp(`(?<![\\p{L}])(injustifi[ée]e?s?|non justifi[ée]e?s?|sans pr[ée]venir|justifi[ée]e?s?|excus[ée]e?s?|pr[ée]venue?|malade|arr[êe]t)${end}`, 'giu'), '').trim();
  if (unexcused) return `${name} absent sans prévenir`;
  if (excused) return `${name} absent, absence justifiée${/malade|arr[êe]t/i.test(excused[0]) ? ` (${excused[0]})` : ''}`;
  return `${name} absent`;
}

/** « de la semaine [Espaces verts] », « du jour », « du mois » after « prod »: the production log, else null. */
function productionLogIntent(rest: string, afterProd: boolean): Intent | null {
  if (!afterProd) return null;
  const m = /^(?:de la |du |de ce |de cette |cette |ce )?(semaine|jour|mois)(?: (?:pour |de |d')?(.*))?[ ?!.]*$/.exec(rest.trim());
  if (!m) return null;
  return { kind: 'production-log', period: m[1] === 'jour' ? 'day' : m[1] === 'mois' ? 'month' : 'week', team: (m[2] ?? '').replace(/^l'equipe |^equipe /, '').trim() };
}
