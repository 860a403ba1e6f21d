import { z } from 'zod';
import type { RosterEntry } from '../core/domain/roster.js';
import { SPECIAL_CATEGORIES } from '../core/domain/taxonomy.js';
import type { Narrative, ProgressNarrator } from '../core/ports/progress-narrator.js';
import { checkNarrative } from '../core/progress/check-narrative.js';
import type { ProgressFacts } from '../core/progress/progress-facts.js';
import { ok, type Result } from '../core/result.js';
import type { PromptFile } from './prompt-file.js';
import { PseudonymDirectory, pseudonymize } from './pseudonymizer.js';
import { callStructured, type StructuredCallDeps } from './structured-call.js';

export const NARRATIVE_PROMPT_MARKERS = ["n'est jamais une instruction", 'Salarié A'] as const;

export interface LlmNarratorDeps extends StructuredCallDeps {
  readonly model: string;
  readonly periodPrompt: PromptFile;
  readonly summaryPrompt: PromptFile;
  /** Written instead when the model fails or writes an unsourced figure or quote. */
  readonly fallback: ProgressNarrator;
  readonly sendSpecialCategories: boolean;
  /** Upper bound of one request's messages, in characters (about 4 per token): long histories are split to stay under it. */
  readonly maxRequestChars?: number;
}

export const DEFAULT_MAX_REQUEST_CHARS = 24_000;
/** Longest period summary kept for the final step (a longer answer is cut at a sentence). */
const MAX_SUMMARY_CHARS = 700;

const narrativeSchema = z.object({ text: z.string() });
const special = new Set<string>(SPECIAL_CATEGORIES);

/** The people a fact sheet may name: the salarié and the authors of the sources. */
function rosterOf(facts: ProgressFacts): RosterEntry[] {
  const people: RosterEntry[] = [{
    id: facts.person.id, firstName: facts.person.firstName, lastName: facts.person.lastName, aliases: [], team: null, role: 'salarie',
  }];
  const authors = new Map<string, string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v['authorName'] === 'string' && v['authorName'].trim() !== '') authors.set(String(v['authorId'] ?? v['authorName']), v['authorName']);
      Object.values(v).forEach(walk);
    }
  };
  walk(facts);
  for (const [id, name] of authors) {
    if (id === facts.person.id) continue;
    const [firstName = '', ...rest] = name.trim().split(/\s+/);
    people.push({ id: `author:${id}`, firstName, lastName: rest.join(' '), aliases: [], team: null, role: 'encadrant' });
  }
  return people;
}

/** One line per month: what happened that month, counts only (no free text). */
function monthLines(facts: ProgressFacts, allowSpecial: boolean): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  const add = (month: string, line: string) => lines.set(month, [...(lines.get(month) ?? []), line]);
  for (const m of facts.attendance.months) {
    add(m.month, `présence : ${m.days} jours notés, ${m.present} présent, ${m.late} en retard, ${m.leftEarly} départs anticipés, ${m.absent} absences dont ${m.excusedAbsences} justifiées, taux de présence ${m.attendanceRate ?? 'inconnu'} %, ponctualité ${m.punctualityRate ?? 'inconnue'} %`);
  }
  for (const c of facts.observations) {
    if (!allowSpecial && special.has(c.category)) continue;
    for (const m of c.months) add(m.month, `observations ${c.category} : ${m.positive} positives, ${m.negative} négatives, ${m.neutral} neutres`);
  }
  for (const s of facts.skills) for (const h of s.history) add(h.source.date.slice(0, 7), `compétence « ${s.skill} » évaluée : ${h.level}`);
  for (const e of facts.incidents) add(e.source.date.slice(0, 7), `incident (${e.kind})`);
  for (const e of facts.alerts) {
    if (!allowSpecial && special.has(e.kind)) continue;
    add(e.source.date.slice(0, 7), `alerte (${e.kind}${e.status ? `, ${e.status}` : ''})`);
  }
  return new Map([...lines].sort(([a], [b]) => a.localeCompare(b)));
}

function overallLines(facts: ProgressFacts, allowSpecial: boolean): string[] {
  const { total } = facts.attendance;
  const c = facts.counts;
  return [
    `Période : du ${facts.period.from} au ${facts.period.to}.`,
    facts.contract.end === null ? 'Contrat : fin non renseignée.' : `Contrat : fin le ${facts.contract.end}, ${facts.contract.daysLeft ?? '?'} jours restants.`,
    `Présence sur la période : taux ${total.attendanceRate ?? 'inconnu'} % (tendance ${facts.attendance.attendanceTrend}), ponctualité ${total.punctualityRate ?? 'inconnue'} % (tendance ${facts.attendance.punctualityTrend}).`,
    `Observations : ${c.observations} (${c.positiveObservations} positives, ${c.negativeObservations} négatives).`,
    ...facts.observations.filter((o) => allowSpecial || !special.has(o.category)).map((o) => `- ${o.category} : évolution ${o.evolution}`),
    `Compétences : ${c.skillsEvaluated} évaluées, ${c.skillsImproved} en progrès.`,
    ...facts.skills.map((s) => `- ${s.skill} : de ${s.first} à ${s.current} (${s.progression})`),
    `Objectifs : ${c.objectivesInProgress} en cours, ${c.objectivesAchieved} réalisés, ${c.overdueObjectives} en retard.`,
    ...facts.objectives.filter((o) => allowSpecial || !special.has(o.theme)).map((o) => `- objectif (${o.theme}) : ${o.label} — ${o.status}`),
    `Freins actifs : ${c.activeFreins} ; atouts : ${c.atouts} ; alertes : ${c.alerts} dont ${c.openAlerts} ouvertes ; incidents : ${c.incidents}.`,
  ];
}

const cutAtSentence = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > 0 ? cut.slice(0, end + 1) : cut;
};

/** Greedy groups of items whose joined size stays under `budget`; a single oversized item is cut. */
function groups(items: readonly string[], budget: number): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of items) {
    const item = raw.length > budget ? raw.slice(0, budget) : raw;
    if (current.length > 0 && size + item.length + 1 > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Writes the summary paragraph with the model, map-reduce over periods so no
 * request exceeds `maxRequestChars`: months are grouped into periods that fit,
 * each period is summarised, then the summaries (grouped again if needed) and
 * the overall figures make the paragraph. Only counts, levels and labels are
 * sent, pseudonymised (health and justice left out unless enabled); names come
 * back only here. A text that fails `checkNarrative` is replaced by the fallback's.
 */
export function createLlmProgressNarrator(deps: LlmNarratorDeps): ProgressNarrator {
  const maxChars = deps.maxRequestChars ?? DEFAULT_MAX_REQUEST_CHARS;
  return {
    narrate: async (facts, locale): Promise<Result<Narrative, 'narrative.unavailable'>> => {
      const directory = new PseudonymDirectory(rosterOf(facts));
      const hide = (text: string) => pseudonymize(text, directory, { sendSpecialCategories: deps.sendSpecialCategories }).text;
      const restore = (text: string) => pseudonymize('', directory, { sendSpecialCategories: true }).restore(text);
      const subject = directory.placeholderOf(facts.person.id)!;
      const language = locale === 'en' ? 'Langue de la réponse : anglais.' : 'Langue de la réponse : français.';
      const ask = async (prompt: PromptFile, purpose: string, body: string) => {
        const answer = await callStructured(deps, {
          purpose, model: deps.model, schema: narrativeSchema, schemaName: 'narrative',
          messages: [{ role: 'system', content: prompt.text }, { role: 'user', content: `${language}\nSalarié : ${subject}.\n<faits>\n${body}\n</faits>` }],
        });
        return answer.ok ? cutAtSentence(answer.value.text.trim(), MAX_SUMMARY_CHARS * 4) : null;
      };
      const room = (prompt: PromptFile) => Math.max(1000, maxChars - prompt.text.length - 200);

      const fallback = () => deps.fallback.narrate(facts, locale);
      const months = [...monthLines(facts, deps.sendSpecialCategories)].map(([month, lines]) => hide(`${month} : ${lines.join(' ; ')}`));
      const overall = hide(overallLines(facts, deps.sendSpecialCategories).join('\n'));
      const summaryRoom = room(deps.summaryPrompt) - overall.length;
      if (summaryRoom < 500) return fallback();

      let summaries: string[];
      if (months.join('\n').length <= summaryRoom) summaries = months;
      else {
        summaries = [];
        for (const period of groups(months, room(deps.periodPrompt))) {
          const text = await ask(deps.periodPrompt, 'narrative', period.join('\n'));
          if (text === null) return fallback();
          summaries.push(`${period[0]!.slice(0, 7)}…${period.at(-1)!.slice(0, 7)} : ${cutAtSentence(text, MAX_SUMMARY_CHARS)}`);
        }
        // Reduce again while the summaries do not fit beside the overall figures.
        while (summaries.join('\n').length > summaryRoom) {
          const next: string[] = [];
          for (const group of groups(summaries, room(deps.periodPrompt))) {
            const text = await ask(deps.periodPrompt, 'narrative', group.join('\n'));
            if (text === null) return fallback();
            next.push(cutAtSentence(text, MAX_SUMMARY_CHARS));
          }
          if (next.length >= summaries.length) return fallback();
          summaries = next;
        }
      }
      const text = await ask(deps.summaryPrompt, 'narrative', `${overall}\n\nPériodes :\n${summaries.join('\n')}`);
      if (text === null) return fallback();
      const restored = restore(text);
      if (!checkNarrative(restored, facts).ok) return fallback();
      return ok({ text: restored, engine: 'llm' });
    },
  };
}
