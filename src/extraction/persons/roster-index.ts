import type { RosterEntry } from '../../core/domain/roster.js';
import { fold } from '../text/fold.js';
import { guessGender, type Gender } from './first-name-gender.js';

/** One way of writing a person's name, as folded tokens ("jean-pierre", or "jean" + "pierre"). */
export interface NameForm {
  readonly tokens: readonly string[];
  readonly personId: string;
  readonly kind: 'full' | 'first' | 'last' | 'alias';
}

export type { Gender };

/** The roster prepared for name lookup: every form of every name, by first token. */
export interface RosterIndex {
  readonly people: ReadonlyMap<string, RosterEntry>;
  readonly byFirstToken: ReadonlyMap<string, readonly NameForm[]>;
  /** Single-token forms of at least four letters, for typo-tolerant matching. */
  readonly fuzzyForms: readonly NameForm[];
  readonly genderOf: (personId: string) => Gender;
  readonly authorTeam: string | null;
}

function variants(name: string): string[][] {
  const folded = fold(name).trim();
  if (folded === '') return [];
  const spaced = folded.split(/\s+/);
  const unhyphenated = folded.split(/[\s-]+/);
  return spaced.join(' ') === unhyphenated.join(' ') ? [spaced] : [spaced, unhyphenated];
}

export function buildRosterIndex(
  roster: readonly RosterEntry[], authorId: string, firstNames: ReadonlyMap<string, 'm' | 'f'>,
): RosterIndex {
  const people = new Map(roster.map((p) => [p.id, p]));
  const byFirstToken = new Map<string, NameForm[]>();
  const fuzzyForms: NameForm[] = [];
  const add = (personId: string, name: string, kind: NameForm['kind']): void => {
    for (const tokens of variants(name)) {
      const form: NameForm = { tokens, personId, kind };
      const list = byFirstToken.get(tokens[0]!) ?? [];
      if (!list.some((f) => f.personId === personId && f.tokens.join(' ') === tokens.join(' '))) list.push(form);
      byFirstToken.set(tokens[0]!, list);
      if (tokens.length === 1 && tokens[0]!.length >= 4 && kind !== 'alias') fuzzyForms.push(form);
      if (tokens.length === 1 && tokens[0]!.length >= 4 && kind === 'alias') fuzzyForms.push(form);
    }
  };
  for (const p of roster) {
    if (p.firstName && p.lastName) add(p.id, `${p.firstName} ${p.lastName}`, 'full');
    if (p.firstName) add(p.id, p.firstName, 'first');
    if (p.lastName) add(p.id, p.lastName, 'last');
    for (const a of p.aliases) add(p.id, a, 'alias');
  }
  for (const list of byFirstToken.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const genderOf = (personId: string): Gender => {
    const first = fold(people.get(personId)?.firstName ?? '');
    // The list first; a name it lacks gets a cautious guess from its ending (« Priscillia », « Gilbert »).
    return firstNames.get(first) ?? firstNames.get(first.split(/[\s-]/)[0] ?? '') ?? guessGender(first);
  };
  return { people, byFirstToken, fuzzyForms, genderOf, authorTeam: people.get(authorId)?.team ?? null };
}
