import type { RosterEntry } from '../core/domain/roster.js';
import type {
  AlertRecord, AttendanceRecord, IncidentRecord, ObservationRecord, ProductionRecord, ShiftNoteExtraction,
} from '../core/extraction/shift-note-extraction.js';
import type { ModelExtraction } from './extraction-model-schema.js';
import { foldSameLength, type Pseudonymization } from './pseudonymizer.js';

const PLACEHOLDER = /\b(?:Salarié|Encadrant|CIP|Direction|Administrateur) [A-Z]{1,3}\b|\[[^\]]{1,40}\]/g;
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER.source);
/** A person's name: up to five words of letters (no digits, no e-mail, no sentence). */
const NAME_LIKE = /^[\p{L}][\p{L}'’.-]*(?:\s[\p{L}][\p{L}'’.-]*){0,4}$/u;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A name the model says the note mentions, as the note writes it: found ignoring case and accents,
 * whole words only (« re » is not a name in « arrêt »); null when the note does not have it.
 */
function nameInNote(note: string, name: string): string | null {
  const folded = foldSameLength(note);
  const wanted = foldSameLength(name);
  for (let at = folded.indexOf(wanted); at >= 0; at = folded.indexOf(wanted, at + 1)) {
    const before = note[at - 1];
    const after = note[at + wanted.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return note.slice(at, at + wanted.length);
  }
  return null;
}

/** A span of the sent text, searched exactly, then ignoring case, accents and spacing. */
function findSent(sent: string, evidence: string): { start: number; end: number } | null {
  const exact = sent.indexOf(evidence);
  if (exact >= 0) return { start: exact, end: exact + evidence.length };
  const words = foldSameLength(evidence).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u');
  const m = re.exec(foldSameLength(sent));
  return m === null ? null : { start: m.index, end: m.index + m[0].length };
}

/**
 * Checks one evidence span of the model against the note: found in the sent
 * text (not in a withheld passage) and mapped back to the original words.
 * Null when it cannot be found: the record is then dropped, never shown.
 */
export function groundEvidence(evidence: string, p: Pseudonymization): string | null {
  const trimmed = evidence.trim();
  if (trimmed === '') return null;
  const span = findSent(p.text, trimmed);
  if (span === null || p.touchesWithheld(span.start, span.end)) return null;
  const original = p.originalSpan(span.start, span.end);
  if (original === null) return null;
  const text = p.original.slice(original.start, original.end).trim();
  return text !== '' && p.original.includes(text) ? text : null;
}

/**
 * Turns the model's answer (placeholders, quotes of the sent text) into the
 * contract's records: persons must be roster people the note mentions (or, for
 * attendance, the author's team: "tout le monde"), evidence must be found in
 * the note; anything else is dropped. An alert about an unknown person keeps
 * its grounded evidence with no person: an alert is never silently lost.
 */
export function groundModelExtraction(
  answer: ModelExtraction, p: Pseudonymization, roster: readonly RosterEntry[], teamMates: readonly string[] = [],
): ShiftNoteExtraction {
  const ids = new Set(roster.map((r) => r.id));
  const mentioned = new Set(p.mentioned.map((m) => p.directory.personOf(m)?.id));
  /** Only people the note names: a record about anyone else (an injected "change the salarié") is dropped. */
  const idOf = (placeholder: string | null, also: readonly string[] = []): string | null => {
    if (placeholder === null) return null;
    const person = p.directory.personOf(placeholder);
    if (person === undefined || !ids.has(person.id)) return null;
    return mentioned.has(person.id) || also.includes(person.id) ? person.id : null;
  };

  const attendance: AttendanceRecord[] = [];
  for (const a of answer.attendance) {
    const person = idOf(a.person, teamMates);
    if (person === null || attendance.some((x) => x.person === person)) continue;
    attendance.push({ person, status: a.status, excused: a.excused, minutes: a.minutes !== null && a.minutes >= 0 ? a.minutes : null });
  }

  const observations: ObservationRecord[] = [];
  for (const o of answer.observations) {
    const person = idOf(o.person);
    const evidence = groundEvidence(o.evidence, p);
    if (person === null || evidence === null) continue;
    if (observations.some((x) => x.person === person && x.category === o.category && x.evidence === evidence)) continue;
    observations.push({ person, category: o.category, polarity: o.polarity, evidence });
  }

  const production: ProductionRecord[] = answer.production
    .filter((x) => x.quantity === null || x.quantity >= 0)
    .map((x) => ({ activity: x.activity.replace(PLACEHOLDER, '').replace(/\s+/g, ' ').trim(), quantity: x.quantity, unit: x.unit }));

  const incidents: IncidentRecord[] = [];
  for (const i of answer.incidents) {
    const evidence = groundEvidence(i.evidence, p);
    if (evidence === null) continue;
    const persons = [...new Set(i.persons.map((x) => idOf(x)).filter((x): x is string => x !== null))];
    incidents.push({ kind: i.kind, persons, evidence });
  }

  const alerts: AlertRecord[] = [];
  for (const a of answer.alerts) {
    const evidence = groundEvidence(a.evidence, p);
    if (evidence === null) continue;
    const person = idOf(a.person);
    if (alerts.some((x) => x.person === person && x.topic === a.topic)) continue;
    alerts.push({ person, topic: a.topic, evidence });
  }

  const unknownNames = [...new Set(answer.unknownNames.map((n) => n.trim())
    .filter((n) => NAME_LIKE.test(n) && !HAS_PLACEHOLDER.test(n))
    .map((n) => nameInNote(p.original, n))
    .filter((n): n is string => n !== null))];

  return { attendance, observations, production, incidents, alerts, unknownNames };
}
