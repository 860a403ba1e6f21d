import fc from 'fast-check';
import type { RosterEntry } from '../../src/core/domain/roster.js';
import { foldSameLength, letterCode, PseudonymDirectory, pseudonymize, WITHHELD_MARK } from '../../src/llm/pseudonymizer.js';
import { roster } from '../extraction/helpers.js';

const directory = new PseudonymDirectory(roster);
const ph = (id: string): string => directory.placeholderOf(id)!;
const send = (note: string, sendSpecialCategories = false) =>
  pseudonymize(note, directory, { sendSpecialCategories, preferredTeam: 'batiment' });

describe('pseudonymizer', () => {
  it('gives stable placeholders per role, in id order', () => {
    expect(ph('franck')).toBe('Salarié A');
    expect(ph('greg')).toBe('Salarié B');
    expect(ph('eti')).toBe('Encadrant A');
    expect(ph('eti2')).toBe('Encadrant B');
    expect(ph('cip')).toBe('CIP A');
    expect(new PseudonymDirectory([...roster].reverse()).placeholderOf('greg')).toBe('Salarié B');
    expect([0, 25, 26, 27, 701, 702].map(letterCode)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('replaces full names, first names, last names and aliases, whatever the case and accents', () => {
    const p = send('GREGORY est arrivé, greg aussi, Momo et mohamed cherif ont bossé, Mme Nguyen a trié. Pierre-Gomez non.');
    expect(p.text).toBe(`${ph('greg')} est arrivé, ${ph('greg')} aussi, ${ph('momo')} et ${ph('momo')} ont bossé, Mme ${ph('rose')} a trié. ${ph('pierre')} non.`);
    expect([...p.mentioned].sort()).toEqual([ph('greg'), ph('momo'), ph('pierre'), ph('rose')].sort());
  });

  it('respects word boundaries (Rose is not in "rosette", Greg not in "Gregoire")', () => {
    expect(send('la rosette et Gregoire').text).toBe('la rosette et Gregoire');
  });

  it('sends a shared first name as the preferred team member', () => {
    expect(send('Mohamed a tondu').text).toBe(`${ph('momo')} a tondu`);
    const other = pseudonymize('Mohamed a tondu', directory, { sendSpecialCategories: false, preferredTeam: 'cuisine' });
    expect(other.text).toBe(`${ph('mohamed2')} a tondu`);
  });

  it('replaces phones, e-mails, NIR-like numbers and street addresses, and restores them', () => {
    const note = 'Rose: 06 12 34 56 78, +33 6 98 76 54 32, rose.n@exemple.fr, NIR 1 84 12 75 123 456 78, habite 12 bis rue des Lilas depuis lundi.';
    const p = send(note);
    expect(p.text).not.toMatch(/06 12|98 76|exemple|123 456|Lilas/);
    expect(p.text).toContain('[téléphone 1]');
    expect(p.text).toContain('[téléphone 2]');
    expect(p.text).toContain('[e-mail 1]');
    expect(p.text).toContain('[numéro 1]');
    expect(p.text).toContain('[adresse 1]');
    expect(p.restore(p.text)).toBe(note);
  });

  it('withholds health and justice sentences unless the structure opted in', () => {
    const note = 'Greg a bien tondu. Nadia est en arrêt maladie jusqu’à lundi. Pierre a rendez-vous au SPIP demain.';
    const p = send(note);
    expect(p.text).toBe(`${ph('greg')} a bien tondu. ${WITHHELD_MARK} ${WITHHELD_MARK}`);
    expect(p.withheldSentences).toHaveLength(2);
    expect(send(note, true).text).toBe(`${ph('greg')} a bien tondu. ${ph('nadia')} est en arrêt maladie jusqu’à lundi. ${ph('pierre')} a rendez-vous au SPIP demain.`);
    const hinted = pseudonymize('Greg a bien tondu. Nadia a un souci perso.', directory, { sendSpecialCategories: false, specialSpans: ['un souci perso'] });
    expect(hinted.text).toBe(`${ph('greg')} a bien tondu. ${WITHHELD_MARK}`);
  });

  it('withholds a health sentence whole when a dotted phone number straddles its start', () => {
    const p = send('01.45.67.89.10  a mal au dos.  01.45.67.89.10 laurent fin de journée.');
    expect(p.text).not.toMatch(/\d\d/);
    expect(p.text).not.toMatch(/mal au dos/);
    expect(p.text).toBe(`${WITHHELD_MARK}  [téléphone 1] ${ph('eti')} fin de journée.`);
  });

  it('maps spans of the sent text back to the original note', () => {
    const note = 'Ce matin Grégory Martin a posé 20 m2 de placo.';
    const p = send(note);
    const i = p.text.indexOf(`${ph('greg')} a posé`);
    const span = p.originalSpan(i, i + `${ph('greg')} a posé`.length)!;
    expect(note.slice(span.start, span.end)).toBe('Grégory Martin a posé');
    const j = p.text.indexOf('de placo');
    const tail = p.originalSpan(j, j + 8)!;
    expect(note.slice(tail.start, tail.end)).toBe('de placo');
  });

  it('folds without changing lengths', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => foldSameLength(s).length === s.length));
  });

  it('property: no roster name or alias survives, whatever surrounds it', () => {
    const people = roster.filter((p) => p.role !== 'admin');
    const nameOf = fc.constantFrom(...people.flatMap((p: RosterEntry) => [p.firstName, p.lastName, `${p.firstName} ${p.lastName}`, ...p.aliases]));
    const variant = fc.tuple(nameOf, fc.constantFrom('upper', 'lower', 'plain', 'strip')).map(([name, how]) =>
      how === 'upper' ? name.toUpperCase() : how === 'lower' ? name.toLowerCase()
        : how === 'strip' ? name.normalize('NFD').replace(/\p{M}/gu, '') : name);
    const filler = fc.constantFrom(' ', ', ', ' et ', '. ', '\n', ' (', ') ', " l'", ' - ', ' a bien travaillé avec ', '! ', ' ');
    const note = fc.array(fc.tuple(filler, variant), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([f, n]) => f + n).join('') + ' fin');
    fc.assert(fc.property(note, fc.boolean(), (text, special) => {
      const sent = foldSameLength(pseudonymize(text, directory, { sendSpecialCategories: special }).text);
      for (const p of people) {
        for (const name of [p.firstName, p.lastName, ...p.aliases]) {
          const re = new RegExp(`(?<![\\p{L}\\p{N}])${foldSameLength(name)}(?![\\p{L}\\p{N}])`, 'u');
          if (re.test(sent)) throw new Error(`${name} survived in: ${sent}`);
        }
      }
    }), { numRuns: 300 });
  });
});
