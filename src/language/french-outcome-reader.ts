import { frenchChrono } from './french-chrono.js';
import type { CriterionResult, ParticipantEvaluation } from '../core/learning/session-evaluation.js';
import type { SkillDimension, SkillLevel } from '../core/learning/skill-level.js';
import type { OutcomeInput, SessionOutcomeReader } from '../core/ports/session-outcome-reader.js';
import { fold } from './french-session-request.js';
import { stemsOf } from './rules-session-planner.js';

const LEVELS: ReadonlyArray<[RegExp, SkillLevel]> = [
  [/\b(absent|absente|pas venue?|pas la)\b/, 'non_evalue'],
  [/\b(n ?a pas reussi|pas reussi|echoue|n ?y arrive pas|n ?y est pas arrivee?|pas du tout|incapable|non acquis|dangereu)/, 'non_acquis'],
  [/\b(doit revoir|a revoir|revoir|avec (de l ?)?aide|en cours|pas encore|progresse|presque|hesit|besoin d ?aide|retravailler|a reprendre|doit reprendre)/, 'en_cours'],
  [/\b(maitris|parfait|peut (le )?montrer|expert|tres a l ?aise|excellent)/, 'maitrise'],
  [/\b(reussi|acquis|autonome|seule?\b|bien|correct|sans aide|sait)/, 'acquis'],
];

const SELF = /\b(?:il|elle|[A-ZÀ-Ý][\p{L}-]+)\s+(?:dit|trouve|pense|estime|se sent|reconnait|reconnaît)\s+(?:qu['e]\s*)?(.+)$/u;

const capitalise = (s: string): string => (s.charAt(0).toUpperCase() + s.slice(1)).slice(0, 500);

function levelOf(folded: string): SkillLevel | null {
  for (const [pattern, level] of LEVELS) if (pattern.test(folded)) return level;
  return null;
}

const dimensionOf = (folded: string): SkillDimension => (/\b(seule?|autonom|sans aide|avec (de l ?)?aide|besoin d ?aide)/.test(folded) ? 'autonomie' : 'maitrise');

function defaultNextStep(level: SkillLevel, labels: readonly string[]): string | null {
  if (level === 'maitrise') return 'Peut montrer le geste à un collègue';
  if (level === 'acquis') return 'Consolider en autonomie sur le chantier';
  if (level === 'non_evalue') return null;
  return `Retravailler : ${labels.join(', ')}`;
}

/**
 * The rules reader of a séance outcome: « Séance de jeudi : Karim a réussi seul, Sofiane doit revoir l'affûtage ».
 * Clauses are split on punctuation and on « , » / « et » before a name; a clause names a participant
 * (or continues with « il/elle »), gives a level by keywords, and targets the criteria whose skill it
 * mentions (« l'affûtage » → « affûter les outils »), or else every criterion not otherwise set.
 */
export class FrenchOutcomeReader implements SessionOutcomeReader {
  sessionDate(text: string, context: { today: string; timezone: string }): string | null {
    const head = text.includes(':') ? text.slice(0, text.indexOf(':')) : text.slice(0, 60);
    const found = frenchChrono().parse(head, { instant: new Date(`${context.today}T12:00:00Z`), timezone: context.timezone }, { forwardDate: false })[0];
    if (!found) return null;
    const d = found.start;
    const pad = (n: number | null) => String(n ?? 1).padStart(2, '0');
    const date = `${d.get('year')}-${pad(d.get('month'))}-${pad(d.get('day'))}`;
    if (date <= context.today) return date;
    // chrono may read a bare weekday forward: take the same weekday a week earlier.
    const back = new Date(`${date}T12:00:00Z`);
    back.setUTCDate(back.getUTCDate() - 7);
    return back.toISOString().slice(0, 10);
  }

  async read(input: OutcomeInput): Promise<ParticipantEvaluation[]> {
    const body = input.text.includes(':') ? input.text.slice(input.text.indexOf(':') + 1) : input.text;
    // Sentences, then clauses: a clause after « mais », « , » or « et » in the same sentence continues its subject.
    const clauses = body.replace(/[’]/g, "'").split(/[.;\n!]/u).flatMap((sentence) => sentence
      .split(/,\s*(?=\p{Lu})|\s+et\s+(?=\p{Lu})|,\s*(?=(?:il|elle)\s)|,?\s+(?:mais|par contre|en revanche|cependant)\s+/u)
      .map((c, i) => ({ text: c.trim(), continues: i > 0 }))).filter((c) => c.text !== '');
    const byPerson = new Map(input.participants.map((p) => [p.personId, { targeted: new Map<number, CriterionResult>(), general: null as null | { level: SkillLevel; dimension: SkillDimension; fact: string }, self: null as string | null, next: null as string | null }]));
    const criteriaStems = input.criteria.map((c) => stemsOf(`${c.skillLabel} ${c.criterion}`));
    let current: string[] = [];
    for (const { text: whole, continues } of clauses) {
      const clause = whole.slice(0, 500);
      const folded = ` ${fold(clause).replace(/[^a-z0-9]+/g, ' ')} `;
      const named = /\s(tous les deux|tout le monde|les deux|tous)\s/.test(folded) ? input.participants.map((p) => p.personId)
        : input.participants.filter((p) => [p.firstName, ...p.aliases].some((n) => folded.includes(` ${fold(n)} `))).map((p) => p.personId);
      if (named.length > 0) current = named;
      else if (!continues && !/^\s(il|elle|lui)\s/.test(folded)) continue;
      if (current.length === 0) continue;
      const self = SELF.exec(clause);
      if (self) {
        for (const id of current) byPerson.get(id)!.self = capitalise(self[1]!.trim());
        continue;
      }
      const level = levelOf(folded);
      if (!level) continue;
      const dimension = dimensionOf(folded);
      const stems = stemsOf(clause);
      const targets = criteriaStems.map((s, i) => ([...s].some((x) => stems.has(x)) ? i : -1)).filter((i) => i >= 0);
      const next = /\bdoit\s+([^,.;]+)/u.exec(clause)?.[1];
      for (const id of current) {
        const entry = byPerson.get(id)!;
        if (next) entry.next = capitalise(next.trim());
        if (targets.length === 0) entry.general = { level, dimension, fact: clause };
        for (const i of targets) {
          const c = input.criteria[i]!;
          entry.targeted.set(i, { ...c, level, dimension, observedFact: level === 'non_evalue' ? null : clause });
        }
      }
    }
    return input.participants.map((p) => {
      const entry = byPerson.get(p.personId)!;
      const results: CriterionResult[] = input.criteria.map((c, i) => entry.targeted.get(i) ?? (entry.general
        ? { ...c, level: entry.general.level, dimension: entry.general.dimension, observedFact: entry.general.level === 'non_evalue' ? null : entry.general.fact }
        : { ...c, level: 'non_evalue', dimension: 'maitrise', observedFact: null }));
      const worst = results.filter((r) => r.level === 'en_cours' || r.level === 'non_acquis');
      const evaluated = results.filter((r) => r.level !== 'non_evalue');
      const nextStep = entry.next ?? (worst.length > 0 ? defaultNextStep(worst[0]!.level, [...new Set(worst.map((r) => r.skillLabel))])
        : evaluated.length > 0 ? defaultNextStep(evaluated[0]!.level, []) : null);
      return { personId: p.personId, name: p.name, results, selfAssessment: entry.self, nextStep };
    });
  }
}
