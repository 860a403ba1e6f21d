import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FALLBACK_THEMES } from '../../src/core/objectives/carnet-referential.js';
import { matchPeople } from '../../src/core/domain/person-match.js';
import { FileCarnetReferential, parseReferential } from '../../src/language/carnet-referential-file.js';
import { FrenchObjectiveReader } from '../../src/language/french-objective-reader.js';
import { guessTheme } from '../../src/language/objective-theme-guess.js';
import { sharedDir } from '../support/test-paths.js';

const reader = new FrenchObjectiveReader();
const context = { today: '2026-11-15', timezone: 'Europe/Paris', themes: FALLBACK_THEMES };
const read = async (text: string) => {
  const r = await reader.read(text, context);
  return r.ok ? r.value : r.code;
};

describe('French objective reader', () => {
  it.each([
    ["objectif pour Nadia : passer le code d'ici mars", { personQuery: 'Nadia', label: 'Passer le code', theme: 'mobilite', dueOn: '2027-03-31' }],
    ['Objectif pour Lucas Morel : trouver un logement avant le 15 janvier', { personQuery: 'Lucas Morel', label: 'Trouver un logement', theme: 'logement', dueOn: '2027-01-15' }],
    ['objectif Inès : refaire son CV', { personQuery: 'Inès', label: 'Refaire son CV', theme: 'preparer_sa_candidature', dueOn: null }],
    ['nouvel objectif pour Greg : passer le CACES R482 avant fin juin 2027.', { personQuery: 'Greg', label: 'Passer le CACES R482', theme: 'se_former', dueOn: '2027-06-30' }],
    ["objectif pour Aïcha : ouvrir un compte bancaire d'ici la fin du mois", { personQuery: 'Aïcha', label: 'Ouvrir un compte bancaire', theme: 'difficulte_financiere', dueOn: '2026-11-30' }],
    ['objectif pour Moussa : décrocher un entretien dans 3 mois', { personQuery: 'Moussa', label: 'Décrocher un entretien', theme: 'trouver_un_emploi', dueOn: '2027-02-15' }],
    ['objectif pour Kevin : en novembre, prendre rendez-vous', { personQuery: 'Kevin', label: 'Prendre rendez-vous', theme: null, dueOn: '2026-11-30' }],
  ])('reads « %s »', async (text, expected) => {
    expect(await read(text)).toEqual(expected);
  });

  it('says when a sentence is not an objective', async () => {
    expect(await read('Nadia est arrivée en retard')).toBe('objective.unreadable');
    expect(await read('objectif pour Nadia :   ')).toBe('objective.unreadable');
  });

  it('guesses only among the themes it knows', () => {
    expect(guessTheme('passer le permis', ['logement'])).toBeNull();
    expect(guessTheme('Passer le PERMIS B', ['mobilite'])).toBe('mobilite');
  });
});

describe('matching a name to people', () => {
  const people = [
    { rosterKey: 's1', firstName: 'Nadia', lastName: 'Haddad', aliases: ['Nad'] },
    { rosterKey: 's2', firstName: 'Nadia', lastName: 'Perrin', aliases: [] },
    { rosterKey: 's3', firstName: 'Grégory', lastName: 'Vasseur', aliases: ['Greg'] },
  ];
  it('prefers a roster id, then a full name, then a first name or alias', () => {
    expect(matchPeople('s2', people).map((p) => p.rosterKey)).toEqual(['s2']);
    expect(matchPeople('nadia HADDAD', people).map((p) => p.rosterKey)).toEqual(['s1']);
    expect(matchPeople('Nadia', people).map((p) => p.rosterKey)).toEqual(['s1', 's2']);
    expect(matchPeople('gregory', people).map((p) => p.rosterKey)).toEqual(['s3']);
    expect(matchPeople('Greg', people).map((p) => p.rosterKey)).toEqual(['s3']);
    expect(matchPeople('Personne', people)).toEqual([]);
  });
});

describe('Carnet de bord reference lists', () => {
  it('reads the shared file at run time: objective themes, targets and actions', async () => {
    const referential = await new FileCarnetReferential(join(sharedDir, 'domain/carnet-de-bord-referentiel.tsv')).load();
    expect(referential.fromFile).toBe(true);
    expect(referential.themes).toEqual(expect.arrayContaining(['mobilite', 'logement', 'trouver_un_emploi', 'se_former']));
    expect(referential.targets['mobilite']).toContain('Obtenir le permis de conduire (code / conduite)');
    expect(referential.actions['mobilite']).toContain('Bourse au permis');
  });

  it('falls back to the built-in themes when the file is absent or broken', async () => {
    expect(await new FileCarnetReferential('/nowhere/carnet.tsv').load()).toMatchObject({ fromFile: false, themes: FALLBACK_THEMES });
    const broken = join(mkdtempSync(join(tmpdir(), 'relais-ref-')), 'ref.tsv');
    writeFileSync(broken, 'not a referential\n');
    expect((await new FileCarnetReferential(broken).load()).fromFile).toBe(false);
    expect(() => parseReferential('table\ttheme\tlabel\nref_action\tx\ty\n')).toThrow();
  });
});
