import { parseIntent } from '../../src/conversation/intent/parse-intent.js';

const eti = { hasDraft: false, canWriteNotes: true };
const withDraft = { hasDraft: true, canWriteNotes: true };
const cip = { hasDraft: false, canWriteNotes: false };

describe('French intent routing', () => {
  it.each([
    ['aide', 'help'], ['?', 'help'], ['Aide !', 'help'], ['comment ça marche ?', 'help'], ['/relais aide', 'help'], ['/relais', 'help'],
    ['bonjour', 'smalltalk'], ['Salut Relais !', 'smalltalk'], ['merci beaucoup', 'smalltalk'], ['bonne soirée', 'smalltalk'],
    ['tt le monde là sauf Nadia malade, 2500 m2 tondus', 'note'], ['RAS', 'note'], ['ras tout le monde etait la', 'note'],
    ['/relais note Karim absent sans prévenir', 'note'],
    ['Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30', 'session-request'],
    ['preparer une seance de tri textile', 'session-request'],
    ['/relais séance taille de haies pour Karim', 'session-request'],
    ['Séance de jeudi : Karim a réussi seul, Sofiane doit revoir l\'affûtage', 'session-outcome'],
    ['Résumé de parcours de Nadia depuis septembre', 'summary-request'], ['où en est Nadia ?', 'summary-request'],
    ['/relais suivi Nadia', 'summary-request'], ['fais-moi le point sur Karim', 'summary-request'],
    ["objectif pour Nadia : passer le code d'ici mars", 'objective'], ['/relais objectif Nadia : trouver un logement', 'objective'],
    ['mes notes de la semaine', 'list-notes'], ["annule ma note d'hier", 'cancel-note'],
    ['/relais lier U123ABC Nadia Moreau', 'link'],
    ['quoi', 'unknown'], ['/relais frobnique', 'command'],
  ])('%s → %s', (text, kind) => {
    expect(parseIntent(text, eti).kind).toBe(kind);
  });

  it.each([
    ['/relais rgpd export Nadia Moreau', 'export', 'Nadia Moreau'], ['/relais rgpd exporter de Nadia', 'export', 'Nadia'],
    ['/relais rgpd effacer Nadia', 'erase', 'Nadia'], ['/relais gdpr erase Nadia', 'erase', 'Nadia'],
    ['exporte les données de Nadia Moreau', 'export', 'nadia moreau'], ['Efface toutes les données de Nadia.', 'erase', 'nadia'],
    ['export RGPD de Karim', 'export', 'karim'], ["droit à l'oubli RGPD pour Karim", 'erase', 'karim'],
  ])('%s → gdpr %s of %s', (text, command, who) => {
    expect(parseIntent(text, eti)).toEqual({ kind: 'gdpr', command, text: who });
  });

  it('needs a person and a known verb for a GDPR command; « efface ma note » stays a note cancellation', () => {
    expect(parseIntent('/relais rgpd export', eti).kind).toBe('help');
    expect(parseIntent('/relais rgpd montre Nadia', eti).kind).toBe('help');
    expect(parseIntent('efface ma note', eti).kind).toBe('cancel-note');
  });

  it('does not take a CIP\'s long message for a shift note', () => {
    expect(parseIntent('je voudrais voir les présences du mois dernier', cip).kind).toBe('unknown');
  });

  it('reads corrections only while a draft waits', () => {
    expect(parseIntent("non c'est Sofiane pas Karim", withDraft)).toEqual({ kind: 'swap-person', from: 'Karim', to: 'Sofiane' });
    expect(parseIntent("c'était Sofiane, pas Karim !", withDraft)).toEqual({ kind: 'swap-person', from: 'Karim', to: 'Sofiane' });
    expect(parseIntent('pas Karim mais Sofiane', withDraft)).toEqual({ kind: 'swap-person', from: 'Karim', to: 'Sofiane' });
    expect(parseIntent('remplace Kévin par Dylan', withDraft)).toEqual({ kind: 'swap-person', from: 'Kévin', to: 'Dylan' });
    expect(parseIntent('enlève la 2e observation', withDraft)).toEqual({ kind: 'remove-line', section: 'observations', position: 2 });
    expect(parseIntent('supprime la deuxième production', withDraft)).toEqual({ kind: 'remove-line', section: 'production', position: 2 });
    expect(parseIntent("retire la dernière alerte", withDraft)).toEqual({ kind: 'remove-line', section: 'alerts', position: 'last' });
    expect(parseIntent('ajoute : Karim absent', withDraft)).toEqual({ kind: 'append-to-draft', text: 'Karim absent' });
    expect(parseIntent("j'ai oublié : 12 sacs de feuilles", withDraft)).toEqual({ kind: 'append-to-draft', text: '12 sacs de feuilles' });
    expect(parseIntent('ok c\'est bon', withDraft).kind).toBe('confirm-draft');
    expect(parseIntent('valide', withDraft).kind).toBe('confirm-draft');
    expect(parseIntent('laisse tomber', withDraft).kind).toBe('discard-draft');
    expect(parseIntent("non c'est Sofiane pas Karim", eti).kind).toBe('note');
    expect(parseIntent('enlève la 2e observation', eti).kind).toBe('note');
  });

  it('lets explicit commands win over everything', () => {
    expect(parseIntent('/relais note bonjour', withDraft)).toEqual({ kind: 'note', text: 'bonjour' });
    expect(parseIntent('/relais aide', withDraft).kind).toBe('help');
  });
});
