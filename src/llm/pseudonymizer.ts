import type { RosterEntry } from '../core/domain/roster.js';
import type { Role } from '../core/domain/taxonomy.js';

/**
 * Replaces everything that identifies a person before text leaves the process
 * for an LLM provider: roster names and aliases (accent- and case-insensitive,
 * whole words), phone numbers, e-mail addresses, NIR-like numbers and street
 * addresses become stable placeholders ("Salarié A", "[téléphone 1]"…).
 * Sentences about health or justice are withheld unless the structure opted in.
 * The mapping is kept in memory only, to map answers back.
 */

export interface PseudonymizeOptions {
  /** Health and justice sentences are sent only when true (LLM_SEND_SPECIAL_CATEGORIES). */
  readonly sendSpecialCategories: boolean;
  /** Extra verbatim spans known to be special-category (e.g. found by the rules engine). */
  readonly specialSpans?: readonly string[];
  /** Preferred team when a name fits several people (the note author's team). */
  readonly preferredTeam?: string | null;
}

/** One piece of the sent text and where it came from in the original. */
interface Segment {
  readonly sentStart: number;
  readonly sentEnd: number;
  readonly originalStart: number;
  readonly originalEnd: number;
  readonly replaced: boolean;
}

export type PiiKind = 'email' | 'phone' | 'nir' | 'address';

export const WITHHELD_MARK = '[passage confidentiel non transmis]';

const ROLE_LABEL: Record<Role, string> = {
  salarie: 'Salarié', encadrant: 'Encadrant', cip: 'CIP', direction: 'Direction', admin: 'Administrateur',
};
const PII_LABEL: Record<PiiKind, string> = { email: 'e-mail', phone: 'téléphone', nir: 'numéro', address: 'adresse' };

/** A, B, … Z, AA, AB… */
export function letterCode(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/**
 * Stable placeholders for a roster: per role, in id order, so the same person
 * gets the same placeholder in every call about the same roster.
 */
export class PseudonymDirectory {
  private readonly byId = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, RosterEntry>();

  constructor(readonly roster: readonly RosterEntry[]) {
    const counters = new Map<Role, number>();
    for (const person of [...roster].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const n = counters.get(person.role) ?? 0;
      counters.set(person.role, n + 1);
      const placeholder = `${ROLE_LABEL[person.role]} ${letterCode(n)}`;
      this.byId.set(person.id, placeholder);
      this.byPlaceholder.set(placeholder, person);
    }
  }

  placeholderOf(id: string): string | undefined {
    return this.byId.get(id);
  }

  /** The roster person a placeholder stands for (tolerates case and spacing differences). */
  personOf(placeholder: string): RosterEntry | undefined {
    const wanted = placeholder.trim().replace(/\s+/g, ' ').toLowerCase();
    for (const [p, person] of this.byPlaceholder) if (p.toLowerCase() === wanted) return person;
    return undefined;
  }
}

/** Lower case without accents, one UTF-16 unit per unit, so offsets match the original. */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += folded.length === ch.length ? folded : ch.length === 1 ? ch.toLowerCase().slice(0, 1) : ch;
  }
  return out;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A folded name as a pattern: separators (space, hyphen, apostrophe) match any of them. */
function namePattern(name: string): string | null {
  const words = foldSameLength(name).split(/[\s\-'’.]+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  return words.map(escapeRegExp).join("[\\s\\-'’.]+");
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /(?<![\p{N}])(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\p{N}{2}){4}(?![\p{N}])/gu;
const NIR = /(?<![\p{N}])[12][\s.]?\p{N}{2}[\s.]?\p{N}{2}[\s.]?(?:\p{N}{2}|2[AaBb])[\s.]?\p{N}{3}[\s.]?\p{N}{3}(?:[\s.]?\p{N}{2})?(?![\p{N}])/gu;
const STREET_TYPES = [
  'rue', 'avenue', 'av', 'bd', 'boulevard', 'bld', 'place', 'pl', 'impasse', 'allée', 'allee', 'chemin', 'route',
  'quai', 'cours', 'square', 'résidence', 'residence', 'cité', 'cite', 'passage', 'sentier', 'voie', 'rond-point',
  'lotissement', 'hameau', 'esplanade', 'faubourg', 'parvis', 'villa', 'ruelle',
].join('|');
/** "12 bis rue des Lilas", "3, avenue Jean Jaurès", "au 5 chemin du moulin" */
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])\\p{N}{1,4}(?:\\s?(?:bis|ter|[a-d])(?![\\p{L}]))?,?\\s+(?:${STREET_TYPES})\\.?\\s+`
  + `(?:(?:de\\s+la|de\\s+l['’]|du|des|de|d['’]|la|le|les|l['’])\\s*)?`
  + `(?:\\p{Lu}[\\p{L}'’\\-]*(?:\\s+(?:de|du|des|la|le|d['’]|l['’])?\\s*\\p{Lu}[\\p{L}'’\\-]*){0,3}|[\\p{L}'’\\-]+)`,
  'gu',
);

/** Words that make a sentence about health or justice (GDPR art. 9 and 10). */
const SPECIAL_WORDS = [
  'malade', 'maladie', 'arret maladie', 'hopital', 'hospitalise', 'hospitalisation', 'urgences', 'medecin', 'docteur',
  'medicament', 'sous traitement', 'therapie', 'psy', 'psychiatre', 'psychologue', 'depression', 'depressif', 'suicide',
  'suicidaire', 'se faire du mal', 'addiction', 'alcool', 'alcoolise', 'ivre', 'bourre', 'saoul', 'drogue', 'cannabis',
  'shit', 'joint', 'cocaine', 'heroine', 'sevrage', 'enceinte', 'grossesse', 'handicap', 'rqth', 'mdph', 'diabete',
  'cancer', 'blesse', 'blessure', 'douleur', 'mal au dos', 'mal de dos', 'hernie', 'vih', 'sida',
  'prison', 'detention', 'incarcere', 'incarceration', 'tribunal', 'juge', 'jugement', 'proces', 'audience',
  'condamne', 'condamnation', 'casier', 'spip', 'sursis', 'probation', 'bracelet', 'garde a vue', 'avocat',
  'police', 'gendarmerie', 'tig', 'controle judiciaire', 'mise a l\'epreuve', 'penal',
];
const SPECIAL_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${SPECIAL_WORDS.map((w) => namePattern(w) ?? '').join('|')})(?:s|es|e)?(?![\\p{L}\\p{N}])`, 'u');

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

/** Sentence boundaries: end punctuation, line breaks. */
function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const re = /[^.!?\n;]+[.!?;]*\s*|\n+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/**
 * Sentence ranges joined wherever a contact detail spans their boundary
 * ("01.45.67.89.10 a mal au dos." must be withheld whole, not from "10" on).
 */
function withinContactDetails(ranges: Array<[number, number]>, pii: readonly Hit[]): Array<[number, number]> {
  const joined: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = joined[joined.length - 1];
    if (last !== undefined && pii.some((h) => h.start < last[1] && h.end > last[1])) last[1] = end;
    else joined.push([start, end]);
  }
  return joined;
}

export class Pseudonymization {
  constructor(
    readonly original: string,
    readonly text: string,
    private readonly segments: readonly Segment[],
    readonly directory: PseudonymDirectory,
    /** Placeholders of roster people actually mentioned. */
    readonly mentioned: readonly string[],
    readonly withheldSentences: readonly string[],
    private readonly piiValues: ReadonlyMap<string, string>,
  ) {}

  /** The original span behind a span of the sent text (snapped outwards to whole replacements). */
  originalSpan(sentStart: number, sentEnd: number): { start: number; end: number } | null {
    let start = -1;
    let end = -1;
    for (const s of this.segments) {
      if (start < 0 && sentStart < s.sentEnd) start = s.replaced ? s.originalStart : s.originalStart + (sentStart - s.sentStart);
      if (sentEnd <= s.sentEnd && sentEnd > s.sentStart) {
        end = s.replaced ? s.originalEnd : s.originalStart + (sentEnd - s.sentStart);
        break;
      }
    }
    if (start < 0 || end < start) return null;
    return { start, end };
  }

  /** True when a sent span touches a withheld sentence (the model cannot have read it). */
  touchesWithheld(sentStart: number, sentEnd: number): boolean {
    const i = this.text.indexOf(WITHHELD_MARK);
    if (i < 0) return false;
    for (let at = i; at >= 0; at = this.text.indexOf(WITHHELD_MARK, at + 1)) {
      if (sentStart < at + WITHHELD_MARK.length && sentEnd > at) return true;
    }
    return false;
  }

  /** Puts names and contact details back into model-written text (placeholders → roster first names / values). */
  restore(text: string, nameOf: (person: RosterEntry) => string = (p) => p.firstName): string {
    let out = text;
    for (const [placeholder, value] of this.piiValues) out = out.split(placeholder).join(value);
    return out.replace(/\b(Salarié|Encadrant|CIP|Direction|Administrateur) ([A-Z]{1,3})\b/g, (whole: string) => {
      const person = this.directory.personOf(whole);
      return person === undefined ? whole : nameOf(person);
    });
  }
}

/** Roster name patterns, compiled once per directory and preferred team (a roster of 40 has about 200). */
const compiled = new WeakMap<PseudonymDirectory, Map<string, Array<{ re: RegExp; placeholder: string }>>>();

function namePatterns(directory: PseudonymDirectory, preferredTeam: string | null): Array<{ re: RegExp; placeholder: string }> {
  let byTeam = compiled.get(directory);
  if (byTeam === undefined) {
    byTeam = new Map();
    compiled.set(directory, byTeam);
  }
  const cached = byTeam.get(preferredTeam ?? '');
  if (cached !== undefined) return cached;
  const owners = new Map<string, RosterEntry[]>();
  const add = (name: string, person: RosterEntry) => {
    const pattern = namePattern(name);
    if (pattern === null) return;
    const list = owners.get(pattern) ?? [];
    if (!list.includes(person)) list.push(person);
    owners.set(pattern, list);
  };
  for (const person of directory.roster) {
    add(`${person.firstName} ${person.lastName}`, person);
    add(`${person.lastName} ${person.firstName}`, person);
    add(person.firstName, person);
    add(person.lastName, person);
    for (const alias of person.aliases) add(alias, person);
  }
  const patterns: Array<{ re: RegExp; placeholder: string }> = [];
  for (const [pattern, people] of owners) {
    const inTeam = preferredTeam === null ? [] : people.filter((p) => p.team === preferredTeam);
    const chosen = inTeam.length === 1 ? inTeam[0]! : [...people].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    patterns.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu'), placeholder: directory.placeholderOf(chosen.id)! });
  }
  byTeam.set(preferredTeam ?? '', patterns);
  return patterns;
}

/** Finds roster names; a name several people share goes to the preferred team's only candidate, else the first by id. */
function nameHits(folded: string, directory: PseudonymDirectory, preferredTeam: string | null): Hit[] {
  const hits: Hit[] = [];
  for (const { re, placeholder } of namePatterns(directory, preferredTeam)) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m !== null; m = re.exec(folded)) hits.push({ start: m.index, end: m.index + m[0].length, replacement: placeholder });
  }
  return hits;
}

function piiHits(text: string): Array<Hit & { kind: PiiKind }> {
  const hits: Array<Hit & { kind: PiiKind }> = [];
  const scan = (re: RegExp, kind: PiiKind) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) hits.push({ start: m.index, end: m.index + m[0].length, replacement: '', kind });
  };
  scan(EMAIL, 'email');
  scan(NIR, 'nir');
  scan(PHONE, 'phone');
  scan(ADDRESS, 'address');
  return hits;
}

/** Earliest first, then longest; overlapping later hits are dropped. */
function resolveOverlaps<H extends Hit>(hits: H[]): H[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  const kept: H[] = [];
  let end = -1;
  for (const h of sorted) {
    if (h.start >= end) {
      kept.push(h);
      end = h.end;
    }
  }
  return kept;
}

export function pseudonymize(original: string, directory: PseudonymDirectory, options: PseudonymizeOptions): Pseudonymization {
  const folded = foldSameLength(original);
  const hits: Hit[] = [];
  const withheld: string[] = [];
  const counters = new Map<PiiKind, number>();
  const valueToPlaceholder = new Map<string, string>();
  const piiValues = new Map<string, string>();
  const pii = piiHits(original).map((h) => {
    const value = original.slice(h.start, h.end);
    let placeholder = valueToPlaceholder.get(value);
    if (placeholder === undefined) {
      const n = (counters.get(h.kind) ?? 0) + 1;
      counters.set(h.kind, n);
      placeholder = `[${PII_LABEL[h.kind]} ${n}]`;
      valueToPlaceholder.set(value, placeholder);
      piiValues.set(placeholder, value);
    }
    return { ...h, replacement: placeholder };
  });
  if (!options.sendSpecialCategories) {
    const extra = (options.specialSpans ?? []).filter((s) => s.trim() !== '');
    for (const [start, end] of withinContactDetails(sentenceRanges(original), pii)) {
      const sentence = original.slice(start, end);
      const isSpecial = SPECIAL_PATTERN.test(folded.slice(start, end)) || extra.some((s) => sentence.includes(s));
      if (!isSpecial) continue;
      const trailing = /\s*$/.exec(sentence)![0].length;
      withheld.push(sentence.trim());
      hits.push({ start, end: end - trailing, replacement: WITHHELD_MARK });
    }
  }
  // Withheld sentences first (they swallow what they contain), then contact details, then names.
  const chosen = resolveOverlaps([
    ...hits.map((h) => ({ ...h, rank: 0 })),
    ...pii.map((h) => ({ ...h, rank: 1 })),
    ...nameHits(folded, directory, options.preferredTeam ?? null).map((h) => ({ ...h, rank: 2 })),
  ].sort((a, b) => a.rank - b.rank).reduce<Array<Hit & { rank: number }>>((acc, h) => {
    if (acc.some((k) => h.start < k.end && k.start < h.end && k.rank < h.rank)) return acc;
    acc.push(h);
    return acc;
  }, []));

  const segments: Segment[] = [];
  let text = '';
  let cursor = 0;
  const mentioned = new Set<string>();
  for (const h of chosen) {
    if (h.start > cursor) {
      segments.push({ sentStart: text.length, sentEnd: text.length + (h.start - cursor), originalStart: cursor, originalEnd: h.start, replaced: false });
      text += original.slice(cursor, h.start);
    }
    segments.push({ sentStart: text.length, sentEnd: text.length + h.replacement.length, originalStart: h.start, originalEnd: h.end, replaced: true });
    text += h.replacement;
    if (directory.personOf(h.replacement) !== undefined) mentioned.add(h.replacement);
    cursor = h.end;
  }
  if (cursor < original.length) {
    segments.push({ sentStart: text.length, sentEnd: text.length + (original.length - cursor), originalStart: cursor, originalEnd: original.length, replaced: false });
    text += original.slice(cursor);
  }
  return new Pseudonymization(original, text, segments, directory, [...mentioned], withheld, piiValues);
}

const directories = new Map<string, PseudonymDirectory>();
/** The directory of a roster, reused while the roster is unchanged (its name patterns are compiled once). */
export function directoryFor(roster: readonly RosterEntry[]): PseudonymDirectory {
  const key = JSON.stringify(roster.map((p) => [p.id, p.firstName, p.lastName, p.aliases, p.team, p.role]));
  let directory = directories.get(key);
  if (directory === undefined) {
    directory = new PseudonymDirectory(roster);
    if (directories.size >= 8) directories.delete(directories.keys().next().value!);
    directories.set(key, directory);
  }
  return directory;
}
