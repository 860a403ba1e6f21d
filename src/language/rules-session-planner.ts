import { fullName } from '../core/domain/roster.js';
import { planFromTemplate } from '../core/learning/plan-from-template.js';
import { sessionPlanSchema, type SessionPlan } from '../core/learning/session-plan.js';
import type { SessionTemplate } from '../core/learning/session-template.js';
import type { DraftedPlan, PlanCode, PlanInput, SessionPlanner } from '../core/ports/session-planner.js';
import type { SessionTemplates } from '../core/ports/session-templates.js';
import { err, ok, type Result } from '../core/result.js';
import { fold, readSessionRequest } from './french-session-request.js';

const DEFAULT_DURATION = 60;

const plainWords = (text: string): string => fold(text).replace(/[^a-z0-9' -]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Template keywords found in the topic, and the template's skills named whole in the request (a séance asked
 * « sur Entretenir et affûter les outils de coupe » from a salarié's skills counts double); the
 * team's own trade breaks ties.
 */
export function chooseTemplate(text: string, trade: string, templates: readonly SessionTemplate[], request: string = text): SessionTemplate | null {
  const words = ` ${plainWords(text)} `;
  const whole = ` ${plainWords(request)} `;
  let best: { template: SessionTemplate; score: number } | null = null;
  for (const template of templates) {
    const hits = template.keywords.filter((k) => words.includes(` ${k}`)).length
      + 2 * template.skills.filter((s) => whole.includes(` ${plainWords(s.label)} `)).length;
    if (hits === 0) continue;
    const score = hits + (template.trade === trade ? 0.5 : 0);
    if (!best || score > best.score) best = { template, score };
  }
  return best?.template ?? null;
}

const ADAPTATIONS: ReadonlyArray<[RegExp, SessionPlan['adaptations'][number]]> = [
  [/\b(lit (mal|peu|difficilement)|ne lit pas|ne sait pas lire|lecture|illettr|analphab)/, { need: 'lecture', text: "Consignes dites à l'oral et montrées ; fiche en pictogrammes ; aucun écrit exigé pendant la séance." }],
  [/\b(fle|parle peu (le )?francais|apprend le francais|non francophone|comprend mal le francais)/, { need: 'fle', text: 'Phrases courtes, démonstration avant explication, vocabulaire du métier montré sur les objets et reformulé par le salarié.' }],
  [/\b(port de charges?|pas de charges?|restriction|ne peut pas (porter|se pencher|rester debout)|poste amenage)/, { need: 'restriction_physique', text: 'Tâches sans port de charges ni posture contraignante pour la personne concernée (restriction connue de l’encadrant, sans autre précision).' }],
];

/** The rules engine's planner: a curated template, filled from the request and what Relais knows. */
export class RulesSessionPlanner implements SessionPlanner {
  constructor(private readonly templates: SessionTemplates) {}

  async plan(input: PlanInput): Promise<Result<DraftedPlan, PlanCode>> {
    const reading = readSessionRequest(input.text, { today: input.today, timezone: input.timezone, team: input.team });
    if (reading.participants.length === 0) return err('session.no_participant');
    const templates = await this.templates.all();
    const template = chooseTemplate(reading.topic || input.text, input.trade, templates, input.text);
    if (!template) {
      return err('session.no_topic', { suggestions: templates.filter((t) => t.trade === input.trade).map((t) => t.title).join(', ') });
    }
    const ids = new Set(reading.participants.map((p) => p.id));
    const keys = new Set(template.skills.map((s) => s.key));
    const stems = templateStems(template);
    const names = new Map(reading.participants.map((p) => [p.id, p.firstName]));
    const inProgress = input.inProgress
      .filter((e) => ids.has(e.personId) && ((e.skillKey !== null && keys.has(e.skillKey)) || sharesStem(e.skillLabel, stems)))
      .map((e) => `${names.get(e.personId)} — ${e.skillLabel} : en cours d'acquisition (${frDate(e.date)})`);
    const incidents = input.incidents.filter((i) => sharesStem(i.evidence, stems)).slice(0, 5).map((i) => `${frDate(i.date)} : ${i.evidence}`);
    const request = fold(input.text);
    const plan = planFromTemplate(template, {
      date: reading.date, startTime: reading.startTime, durationMinutes: reading.durationMinutes ?? DEFAULT_DURATION, site: reading.site,
      trainer: input.trainerName,
      participants: reading.participants.map((p) => ({ personId: p.id, name: fullName(p), firstName: p.firstName })),
      adaptations: ADAPTATIONS.filter(([pattern]) => pattern.test(request)).map(([, a]) => a),
      context: { inProgress, incidents },
    });
    const checked = sessionPlanSchema.safeParse(plan);
    if (!checked.success) return err('session.invalid_plan', { problems: checked.error.issues.map((i) => i.message).join('; ') });
    return ok({ plan: checked.data, templateId: template.id, topic: template.title });
  }
}

const frDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/** Word stems (5 first letters of words of 5+ letters): « affûtage » and « affûter » meet. */
export const stemsOf = (text: string): Set<string> =>
  new Set(fold(text).split(/[^a-z]+/).filter((w) => w.length >= 5).map((w) => w.slice(0, 5)));

const STOP = new Set(['selon', 'entre', 'apres', 'avant', 'regle', 'respe', 'appli']);
const templateStems = (t: SessionTemplate): Set<string> =>
  new Set([...t.keywords.flatMap((k) => [...stemsOf(k)]), ...t.skills.flatMap((s) => [...stemsOf(s.label)])].filter((s) => !STOP.has(s)));
const sharesStem = (text: string, stems: Set<string>): boolean => [...stemsOf(text)].some((s) => stems.has(s));
