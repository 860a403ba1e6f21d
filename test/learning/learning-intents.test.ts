import { parseIntent } from '../../src/conversation/intent/parse-intent.js';

const eti = { hasDraft: false, canWriteNotes: true };

describe('learning intents', () => {
  it.each([
    ['Prépare une séance sur la taille de haies pour Karim et Sofiane jeudi 1h30', 'session-request'],
    ['/relais séance taille de haies pour Karim jeudi', 'session-request'],
    ["Séance de jeudi : Karim a réussi seul, Sofiane doit revoir l'affûtage", 'session-outcome'],
    ['/relais séance de jeudi : Karim a réussi', 'session-outcome'],
    ['attestation de compétences de Lucas', 'attestation-request'],
    ["l'attestation pour Moussa Camara", 'attestation-request'],
    ['/relais attestation Lucas', 'attestation-request'],
  ])('« %s » → %s', (text, kind) => {
    expect(parseIntent(text, eti).kind).toBe(kind);
  });

  it('keeps the name asked for an attestation', () => {
    expect(parseIntent('attestation de compétences de Lucas', eti)).toEqual({ kind: 'attestation-request', text: 'lucas' });
    expect(parseIntent('/relais attestation de Moussa Camara', eti)).toEqual({ kind: 'attestation-request', text: 'Moussa Camara' });
    expect(parseIntent('Lucas a rempli l’attestation de présence ce matin', eti).kind).not.toBe('attestation-request');
  });
});
