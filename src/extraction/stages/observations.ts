import { FREIN_CATEGORIES } from '../../core/domain/taxonomy.js';
import type { NoteAnalysis } from '../engine/note-analysis.js';
import { literalWords } from '../lexicon/pattern.js';
import type { Clause } from '../persons/resolve-subjects.js';
import { isNegated } from '../text/negation.js';
import type { Token } from '../text/token.js';
import type { DraftIncident, DraftObservation } from './draft-types.js';
import { factMatches } from './fact-matches.js';
import { polarityOf } from './polarity.js';

const ABOUT_ME = new Set(['moi', 'me', "m'"]);
const FREINS = new Set<string>(FREIN_CATEGORIES);

/** The clause that continues this one without a subject of its own ("…, c'est un bon début"). */
function continuation(a: NoteAnalysis, clause: Clause): readonly Token[] {
  const next = a.clauses[clause.id + 1];
  return next !== undefined && !next.strong && next.kind === 'inherited' && next.sentence === clause.sentence ? next.words : [];
}

/**
 * Observations and incidents from the fact lexicon, clause by clause: who
 * (the clause's subjects, or the people it acts on), which category, which
 * polarity (negation and cues), and the clause itself as evidence.
 */
export function extractFacts(a: NoteAnalysis): { observations: DraftObservation[]; incidents: DraftIncident[] } {
  const observations: DraftObservation[] = [];
  const incidents: DraftIncident[] = [];
  const named = new Set(a.mentions.flatMap((m) => (m.personId === null ? [] : Array.from({ length: m.to - m.from }, (_, k) => m.from + k))));
  for (const clause of a.clauses) {
    const evidence = a.span(clause.words);
    const salaries = (ids: readonly string[]): string[] => ids.filter(a.isSalarie);
    const matches = factMatches(a, clause);
    // A breakdown in a sentence about someone's own situation (« son téléphone est cassé ») is a frein, not a broken tool.
    const personal = matches.some((m) => m.phrase.type === 'observation' && FREINS.has(m.phrase.category));
    // « son fils est hospitalisé »: the health of a relative is a family constraint, not the salarié's health.
    const relative = matches.some((m) => m.phrase.type === 'observation' && m.phrase.category === 'contraintes_familiales');
    // An alert phrase is more precise than the facts it covers: « son mari la frappe » is violence, not a family constraint.
    const alertSpans = a.alertsIn(clause).filter((al) => al.phrase.topic !== 'ignore');
    // An alert about the person acted on (« a entaillé Rose à la main ») brings that person's incident and observation itself: the facts it covers would give them to the subject.
    const coveredByAlert = (m: { from: number; to: number }, category: string | null): boolean => alertSpans.some((al) => al.from <= m.from && m.to <= al.to
      && (al.phrase.role === 'objet' || (category !== null && al.phrase.topic !== category && al.phrase.observation !== category)));
    for (const m of matches) {
      if (m.phrase.type === 'observation' && coveredByAlert(m, m.phrase.category)) continue;
      if (m.phrase.type === 'incident' && coveredByAlert(m, null)) continue;
      if (m.phrase.type === 'observation' && inRelativeAboutSomeoneElse(named, clause.words, m.from)) continue;
      if (m.phrase.type === 'incident' && m.phrase.kind === 'equipment' && personal) continue;
      if (m.phrase.type === 'observation' && m.phrase.category === 'sante' && relative) continue;
      const range: [number, number] = [clause.words[m.from]!.index, clause.words[m.to - 1]!.index];
      if (m.phrase.type === 'observation') {
        const p = m.phrase;
        const people = salaries(p.target === 'objet' && clause.objects.length > 0 ? clause.objects : clause.subjects);
        const negated = isNegated(clause.words, m.from, m.to, literalWords(p.pattern));
        const polarity = polarityOf(p.polarity, negated, clause.words, m.from, m.to, a.lexicon, a.hasTag, continuation(a, clause));
        for (const person of people) observations.push({ person, category: p.category, polarity, evidence, clause: clause.id, tokens: range });
      } else if (m.phrase.type === 'incident') {
        const p = m.phrase;
        const involved = salaries([...clause.subjects, ...clause.objects]);
        if ((p.kind === 'accident' || p.kind === 'conflict') && involved.length === 0 && !hasUnknownPerson(a, clause)) continue;
        incidents.push({ kind: p.kind, persons: p.withPersons ? involved : [], evidence, clause: clause.id, sentence: clause.sentence });
        // A near miss or a dangerous gesture (« a failli tomber ») is a safety problem of whoever did it; intoxication is health (alerts).
        if (p.kind === 'safety' && !alertSpans.some((al) => al.phrase.topic === 'sante')) {
          for (const person of salaries(clause.subjects)) {
            observations.push({ person, category: 'securite', polarity: 'negative', evidence, clause: clause.id, tokens: range });
          }
        }
        if (p.kind === 'conflict') {
          const atMe = clause.words.some((w) => ABOUT_ME.has(w.norm));
          // « a eu une altercation avec une cliente »: a client or a resident is not a peer, so no `equipe` problem (« devant la cliente » is only a witness).
          const withOutsider = !atMe && salaries(clause.objects).length === 0 && clause.words.some((w, i) => isOutsiderNoun(a, w) && [clause.words[i - 1], clause.words[i - 2]].some((x) => x?.key === 'avec' || x?.key === 'contre'));
          for (const person of withOutsider ? [] : salaries(clause.subjects)) {
            observations.push({ person, category: atMe ? 'relation' : 'equipe', polarity: 'negative', evidence, clause: clause.id, tokens: range });
          }
        }
      }
    }
  }
  return { observations, incidents };
}

/** « elle a ramené son voisin qui cherche du travail »: what follows « qui » after a thing or another person is about them. */
function inRelativeAboutSomeoneElse(named: ReadonlySet<number>, words: readonly Token[], from: number): boolean {
  for (let j = from - 1; j > 0; j--) {
    if (words[j]!.key !== 'qui') continue;
    const before = words[j - 1]!;
    return !named.has(before.index) && !SELF_WORDS.has(before.key);
  }
  return false;
}

const SELF_WORDS = new Set(['il', 'elle', 'lui', 'celui', 'celle', 'ce', 'moi', 'c\'est', 'est', 'et']);

/** « cliente », « habitants »: a noun of `lexicon/noms/tiers.tsv`, singular or plural. */
function isOutsiderNoun(a: NoteAnalysis, w: Token): boolean {
  return a.lexicon.outsiders.has(w.key) || a.lexicon.outsiders.has(w.key.replace(/[sx]$/, ''));
}

function hasUnknownPerson(a: NoteAnalysis, clause: Clause): boolean {
  const indices = new Set(clause.words.map((w) => w.index));
  return a.mentions.some((m) => m.personId === null && indices.has(m.from));
}
