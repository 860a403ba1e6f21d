import { FREIN_CATEGORIES } from '../../core/domain/taxonomy.js';
import type {
  AlertRecord, AttendanceRecord, IncidentRecord, ObservationRecord, ProductionRecord, ShiftNoteExtraction,
} from '../../core/extraction/shift-note-extraction.js';
import type { DraftAttendance, DraftIncident, DraftObservation } from '../stages/draft-types.js';
import type { NoteAnalysis } from './note-analysis.js';
import { DETERMINERS } from '../text/function-words.js';
import type { Token } from '../text/token.js';

const FREINS = new Set<string>(FREIN_CATEGORIES);
const BECAUSE = new Set(['car', 'parce', 'pour', 'cause']);

export interface Drafts {
  readonly observations: readonly DraftObservation[];
  readonly incidents: readonly DraftIncident[];
  readonly alerts: readonly AlertRecord[];
  readonly production: readonly ProductionRecord[];
  readonly attendance: readonly DraftAttendance[];
}

/**
 * One record per statement: observations deduplicated per person, category
 * and sentence; a frein that only excuses an absence stays in attendance
 * (contract); incidents of one kind in one sentence are one incident; one
 * alert per person and topic.
 */
export function finalize(a: NoteAnalysis, d: Drafts): ShiftNoteExtraction {
  const excuseTokens = new Map<string, Set<number>>();
  const reasonClauses = new Map<string, Set<number>>();
  const excuseClauses = new Map<string, Set<number>>();
  for (const r of d.attendance) {
    excuseTokens.set(r.person, new Set([...(excuseTokens.get(r.person) ?? []), ...r.excuseTokens]));
    const reasons = r.statementClauses.filter((id) => a.clauses[id]!.words.some((w) => BECAUSE.has(w.key)) || explains(a.clauses[id]!.words) || r.excuseTokens.some((t) => a.clauses[id]!.words.some((w) => w.index === t)));
    reasonClauses.set(r.person, new Set([...(reasonClauses.get(r.person) ?? []), ...reasons]));
    // « en retard, bus en panne, elle m'a envoyé un sms », « il a dit que son scooter démarrait pas »: a lateness told
    // with its excuse (prévenu) or as what the person said; the one-off trouble next to it is that excuse, not a frein.
    // Feeling unwell and leaving is health itself (contract), so an excused departure keeps its frein.
    const told = (r.status === 'late' && r.excused === true) || r.statementClauses.some((id) => reportsSpeech(a.clauses[id]!.words));
    if (told && r.status !== 'present') excuseClauses.set(r.person, new Set([...(excuseClauses.get(r.person) ?? []), ...r.statementClauses]));
    // « en retard, son bus était en panne », « en retard : bus en retard »: a one-off trouble said in the sentence of a lateness is its reason, with or without « car ».
    if (r.status === 'late' && !told) excuseClauses.set(r.person, new Set([...(excuseClauses.get(r.person) ?? []), ...sameSentence(a, r.statementClauses)]));
  }
  const seen = new Set<string>();
  const observations: ObservationRecord[] = [];
  for (const o of d.observations) {
    const excused = excuseTokens.get(o.person);
    // « malaise » excuses the departure, yet a medical emergency is also a `sante` observation (contract): an alert is never a mere excuse.
    if (FREINS.has(o.category) && excused !== undefined && [...range(o.tokens)].some((t) => excused.has(t)) && !alerting(a, o.clause)) continue;
    // "absente, rdv préfecture pour son titre de séjour": the reason of an absence stays in attendance (contract).
    if (FREINS.has(o.category) && o.polarity !== 'negative' && reasonClauses.get(o.person)?.has(o.clause)) continue;
    if (FREINS.has(o.category) && reasonClauses.get(o.person)?.has(o.clause) && a.clauses[o.clause]!.words.some((w) => BECAUSE.has(w.key) || w.key === 'avait' || w.key === 'avaient')) continue;
    // « seule sur l'échafaudage sans harnais »: being alone in an unsafe gesture is the danger, not autonomy to praise;
    // « a mis son gilet sans que je le dise »: an unprompted safety gesture is the safety habit itself.
    if (o.category === 'autonomie' && o.polarity === 'positive' && d.observations.some((x) => x.person === o.person && x.clause === o.clause && x.category === 'securite')) continue;
    if (FREINS.has(o.category) && excuseClauses.get(o.person)?.has(o.clause) && !lasting(a.clauses[o.clause]!.words) && !alerting(a, o.clause)) continue;
    const key = `${o.person}|${o.category}|${o.polarity}|${a.clauses[o.clause]?.sentence ?? o.clause}`;
    if (seen.has(key)) continue;
    seen.add(key);
    observations.push({ person: o.person, category: o.category, polarity: o.polarity, evidence: o.evidence });
  }
  const incidents: Array<IncidentRecord & { sentence: number; clause: number }> = [];
  for (const i of d.incidents) {
    // Dictated notes can be one long sentence: what happened to the team (« on s'est fait voler… ») and what happened to someone stay apart.
    const byAuthor = (clause: number): boolean => a.clauses[clause]?.kind === 'author';
    const same = incidents.find((o) => o.kind === i.kind && ((o.sentence === i.sentence && byAuthor(o.clause) === byAuthor(i.clause)) || (i.persons.length > 0 && i.persons.some((p) => o.persons.includes(p)))));
    if (same !== undefined) {
      (same as { persons: string[] }).persons = [...new Set([...same.persons, ...i.persons])];
      continue;
    }
    incidents.push({ kind: i.kind, persons: [...i.persons], evidence: i.evidence, sentence: i.sentence, clause: i.clause });
  }
  const alertKeys = new Set<string>();
  const alerts = d.alerts.filter((al) => {
    const key = `${al.person}|${al.topic}`;
    if (alertKeys.has(key)) return false;
    alertKeys.add(key);
    return true;
  });
  const attendance: AttendanceRecord[] = d.attendance.map(({ person, status, excused, minutes }) => ({ person, status, excused, minutes }));
  const unknownNames = [...new Set(a.mentions.filter((m) => m.personId === null).map((m) => m.text))];
  return {
    attendance,
    observations,
    production: [...d.production],
    incidents: incidents.map(({ kind, persons, evidence }) => ({ kind, persons, evidence })),
    alerts,
    unknownNames,
  };
}

/** The statement clauses in the sentence of its first clause (a lateness and what is said with it). */
function sameSentence(a: NoteAnalysis, clauses: readonly number[]): number[] {
  const first = clauses[0];
  return first === undefined ? [] : clauses.filter((id) => a.clauses[id]!.sentence === a.clauses[first]!.sentence);
}

const SAYING = new Set(['dit', 'explique', 'raconte', 'pretend', 'parait']);
const LASTING = new Set(['depuis', 'toujours', 'souvent', 'jamais', 'chaque', 'habite', 'vit']);

/** An injury, a danger, a night without a roof are never a mere excuse (the medical evacuation that excuses a departure is one). */
function alerting(a: NoteAnalysis, clause: number): boolean {
  return a.alertsIn(a.clauses[clause]!).some((al) => al.phrase.topic !== 'ignore');
}

/** « il a dit que… », « elle m'a expliqué que… », « paraît que… »: what the person gave as the reason. */
function reportsSpeech(words: readonly Token[]): boolean {
  return words.some((w, i) => SAYING.has(w.key) && (words[i + 1]?.key === 'que' || words[i + 1]?.norm === "qu'"));
}

/** « il a plus de voiture depuis un mois », « elle habite à vingt bornes »: a situation that lasts, a frein even next to a lateness. */
function lasting(words: readonly Token[]): boolean {
  return words.some((w, i) => LASTING.has(w.key) || (w.key === 'plus' && words[i + 1]?.key === 'de') || (w.key === 'tous' && words[i + 1]?.key === 'les'));
}

const PLUPERFECT_SKIP = new Set(['pas', 'plus', 'jamais', 'deja', 'encore', 'bien', 'meme', 'tout', 'ne', "n'"]);

/**
 * « il avait raté le tram », « il avait loupé son bus »: a pluperfect next to
 * a lateness or an absence tells what happened before it, its reason.
 */
function explains(words: readonly Token[]): boolean {
  return words.some((w, i) => {
    if (w.key !== 'avait' && w.key !== 'avaient') return false;
    let j = i + 1;
    while (words[j] !== undefined && PLUPERFECT_SKIP.has(words[j]!.key)) j++;
    const next = words[j];
    return next !== undefined && next.norm.length >= 3 && !DETERMINERS.has(next.key) && /(e|ee|es|i|ie|is|it|u|ue|us)$/.test(next.norm);
  });
}

function* range([from, to]: readonly [number, number]): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}
