import type { NoteAnalysis } from '../engine/note-analysis.js';
import type { Token } from '../text/token.js';
import type { AttendanceStatus } from '../../core/domain/taxonomy.js';

const EXCEPT = new Set(['sauf', 'excepte', 'hormis', 'part', 'moins']);
const LIST_HEADS: Readonly<Record<string, AttendanceStatus>> = { present: 'present', presents: 'present', presente: 'present', presentes: 'present', absent: 'absent', absents: 'absent', absente: 'absent', absentes: 'absent' };

interface TeamFound { person: string; status: AttendanceStatus; clause: number; minutes: null; explicit: boolean; excuseWords: readonly Token[] }

/**
 * "Tout le monde était là sauf Kevin", "Présents : tout le monde sauf…",
 * "Présents : Karim, Nadia…": statuses given to a whole team or a list.
 */
export function teamStatements(a: NoteAnalysis): TeamFound[] {
  const out: TeamFound[] = [];
  const sentences = new Map<number, number[]>();
  a.clauses.forEach((c) => sentences.set(c.sentence, [...(sentences.get(c.sentence) ?? []), c.id]));
  for (const ids of sentences.values()) {
    const words = ids.flatMap((id) => [...a.clauses[id]!.words]);
    const head = LIST_HEADS[words[0]?.key ?? ''];
    const team = mentionsWholeTeam(words) && (head === 'present' || statesPresence(a, ids));
    if (!team && head === undefined) continue;
    const exceptAt = words.findIndex((w) => EXCEPT.has(w.key));
    const exceptEnd = exceptionEnd(a, ids, words, exceptAt);
    const position = new Map(words.map((w, i) => [w.index, i]));
    const mentions = a.mentions.filter((m) => m.personId !== null && position.has(m.from));
    const excepted = new Set<string>();
    mentions.forEach((m, k) => {
      const at = position.get(m.from)!;
      if (exceptAt === -1 || at < exceptAt || at >= exceptEnd || !a.isSalarie(m.personId!)) return;
      excepted.add(m.personId!);
      const next = mentions[k + 1];
      const nextAt = next === undefined ? exceptEnd : Math.min(exceptEnd, position.get(next.from)!);
      const scope = words.slice(at + 1, nextAt).filter((w) => w.index >= m.to);
      out.push({ person: m.personId!, status: team ? 'absent' : head === 'absent' ? 'present' : 'absent', clause: ids[0]!, minutes: null, explicit: false, excuseWords: scope });
    });
    if (team) {
      const teamKey = a.index.authorTeam;
      for (const p of a.index.people.values()) {
        if (p.role === 'salarie' && (teamKey === null || p.team === teamKey) && !excepted.has(p.id)) {
          out.push({ person: p.id, status: 'present', clause: ids[0]!, minutes: null, explicit: false, excuseWords: [] });
        }
      }
    } else if (head !== undefined) {
      for (const m of mentions) {
        if (excepted.has(m.personId!) || !a.isSalarie(m.personId!)) continue;
        out.push({ person: m.personId!, status: head, clause: ids[0]!, minutes: null, explicit: false, excuseWords: [] });
      }
    }
  }
  return out;
}

/** « tt le monde là sauf Lili elle avait rdv »: the people named after a « sauf » that follows word `from` of the clause are not what the phrase says. */
export function exceptedAfter(a: NoteAnalysis, words: readonly Token[], from: number): Set<string> {
  const exceptAt = words.findIndex((w, i) => i >= from && EXCEPT.has(w.key));
  if (exceptAt === -1) return new Set();
  const after = new Set(words.slice(exceptAt + 1).map((w) => w.index));
  return new Set(a.mentions.filter((m) => m.personId !== null && after.has(m.from)).map((m) => m.personId!));
}

/**
 * Where the "sauf …" list ends: the clause holding "sauf", then short
 * parenthetical clauses ("(congé)") and "et Fatou"; a new subject stops it.
 */
function exceptionEnd(a: NoteAnalysis, ids: readonly number[], words: readonly Token[], exceptAt: number): number {
  if (exceptAt === -1) return words.length;
  const exceptWord = words[exceptAt]!;
  let k = ids.findIndex((id) => a.clauses[id]!.words.includes(exceptWord));
  let end = words.indexOf(a.clauses[ids[k]!]!.words.at(-1)!) + 1;
  for (k++; k < ids.length; k++) {
    const c = a.clauses[ids[k]!]!;
    const listed = (c.words[0]?.key === 'et' || c.words[0]?.key === 'ni') && c.kind === 'named';
    if (!listed && (c.words.length > 3 || c.kind === 'pronoun' || c.kind === 'author' || c.kind === 'named')) break;
    end = words.indexOf(c.words.at(-1)!) + 1;
  }
  return end;
}

function mentionsWholeTeam(words: readonly Token[]): boolean {
  return words.some((w, i) => {
    const prev = words[i - 1]?.key ?? '';
    return (w.key === 'monde' && (prev === 'le' || prev === 'tout')) || (w.key === 'equipe' && ['toute', 'le', 'l\'', 'la'].includes(prev) && words[i - 2]?.key === 'toute')
      || (w.key === 'equipe' && prev === 'toute') || w.key === 'tous' || w.key === 'toutes' || (w.key === 'complet' && prev === 'au');
  });
}

function statesPresence(a: NoteAnalysis, ids: readonly number[]): boolean {
  return ids.some((id) => a.lexicon.presence.findLongest(a.clauses[id]!.words, a.hasTag).some((m) => m.phrase.status === 'present'));
}
