import { randomUUID } from 'node:crypto';
import { addDays, isoWeekday } from '../core/domain/business-date.js';
import type { Person, Team } from '../core/domain/organisation.js';
import type { HistoryPlan } from '../core/ports/path-history-writer.js';
import { FREIN_TEXTS, OBJECTIVES, OBSERVATION_TEXTS, SALARIE_VIEWS, SELF_ASSESSMENTS, SITUATIONS, SKILLS_BY_TRADE } from './demo-history-texts.js';

/** A small deterministic generator (mulberry32), so the demo and the benchmark give the same history every time. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LEVELS = ['non_acquis', 'en_cours', 'acquis', 'maitrise'];

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends ReadonlyArray<infer U> ? U[] : T[K] };

/**
 * Months of confirmed daily records for every salarié of the given teams: one
 * note per team and working day, attendance that improves for some, observations
 * of every sensitivity, skills evaluated every six weeks, freins, objectives, a
 * bilan d'intégration, and a few cancelled notes whose records must never count.
 */
export function generateHistory(input: { people: readonly Person[]; teams: readonly Team[]; today: string; maxDays?: number; seed?: number }): HistoryPlan {
  const rnd = random(input.seed ?? 2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const plan: Mutable<HistoryPlan> = { notes: [], attendance: [], observations: [], skillEvaluations: [], situations: [], objectives: [], incidents: [], alerts: [], bilans: [] };
  const end = addDays(input.today, -1);
  const earliest = addDays(input.today, -(input.maxDays ?? 730));
  for (const team of input.teams) {
    const eti = input.people.find((p) => p.teamId === team.id && p.role === 'encadrant');
    const salaries = input.people.filter((p) => p.teamId === team.id && p.role === 'salarie');
    if (eti === undefined || salaries.length === 0) continue;
    const start = salaries.map((p) => p.contractStart ?? earliest).map((d) => (d < earliest ? earliest : d)).sort()[0]!;
    const skills = SKILLS_BY_TRADE[team.activity] ?? SKILLS_BY_TRADE['autre']!;
    const profile = new Map(salaries.map((p) => [p.id, { lateness: 0.05 + rnd() * 0.25, improves: rnd() < 0.6, absence: 0.02 + rnd() * 0.08 }]));
    const levels = new Map<string, number>();
    for (let day = start, n = 0; day <= end; day = addDays(day, 1)) {
      if (isoWeekday(day) > 5) continue;
      n += 1;
      const noteId = randomUUID();
      plan.notes.push({ id: noteId, structureId: team.structureId, teamId: team.id, authorId: eti.id, shiftDate: day, status: 'confirmed' });
      for (const p of salaries) {
        const from = p.contractStart !== null && p.contractStart > start ? p.contractStart : start;
        if (day < from || (p.contractEnd !== null && day > p.contractEnd)) continue;
        const prof = profile.get(p.id)!;
        const progress = Math.min(1, (Date.parse(day) - Date.parse(from)) / (180 * 86_400_000));
        const lateness = prof.improves ? prof.lateness * (1 - 0.8 * progress) : prof.lateness;
        const r = rnd();
        const status = r < prof.absence ? 'absent' : r < prof.absence + lateness ? 'late' : r < prof.absence + lateness + 0.02 ? 'left_early' : 'present';
        plan.attendance.push({ noteId, personId: p.id, teamId: team.id, date: day, status, excused: status === 'absent' ? rnd() < 0.5 : null, minutes: status === 'late' ? 5 + Math.floor(rnd() * 40) : null });
        if (rnd() < 0.35) {
          const category = status === 'late' ? 'ponctualite' : pick(Object.keys(OBSERVATION_TEXTS));
          const positive = status === 'late' ? false : rnd() < (prof.improves ? 0.45 + 0.4 * progress : 0.5);
          const texts = OBSERVATION_TEXTS[category]!;
          plan.observations.push({ noteId, personId: p.id, authorId: eti.id, date: day, category, polarity: positive ? 'positive' : 'negative', evidence: pick(positive ? texts.positive : texts.negative), sensitivity: 'team' });
        }
        if (rnd() < 0.015) {
          const frein = pick(FREIN_TEXTS);
          plan.observations.push({ noteId, personId: p.id, authorId: eti.id, date: day, category: frein.category, polarity: 'negative', evidence: frein.text, sensitivity: frein.sensitivity });
        }
        if (n % 30 === (p.id.charCodeAt(0) % 30)) {
          for (const skill of skills) {
            const key = `${p.id}/${skill}`;
            const level = Math.min(3, (levels.get(key) ?? (rnd() < 0.5 ? 0 : 1)) + (rnd() < 0.45 ? 1 : 0));
            levels.set(key, level);
            plan.skillEvaluations.push({
              personId: p.id, skillLabel: skill, level: LEVELS[level]!, observedFact: null, evaluatorId: eti.id, date: day, status: 'confirmed',
              selfAssessment: rnd() < 0.3 ? pick(SELF_ASSESSMENTS) : null,
            });
          }
        }
      }
      if (rnd() < 0.02) plan.incidents.push({ noteId, teamId: team.id, date: day, kind: pick(['equipment', 'conflict', 'safety']), personIds: [pick(salaries).id], evidence: pick(['tondeuse en panne, chantier arrêté une heure', 'dispute au dépôt, réglée par le dialogue', 'chute sans gravité sur le chantier']) });
    }
    // A cancelled note whose records were left behind: what it says must never reach a summary.
    // (Not a pending draft: that would wait in the encadrant's conversation in the playground.)
    const draftId = randomUUID();
    plan.notes.push({ id: draftId, structureId: team.structureId, teamId: team.id, authorId: eti.id, shiftDate: end, status: 'discarded' });
    plan.observations.push({ noteId: draftId, personId: salaries[0]!.id, authorId: eti.id, date: end, category: 'consignes', polarity: 'negative', evidence: 'brouillon non confirmé', sensitivity: 'team' });
    for (const p of salaries) addPathRecords(plan, p, eti, input.today, rnd, pick);
  }
  return plan;
}

function addPathRecords(plan: Mutable<HistoryPlan>, p: Person, eti: Person, today: string, rnd: () => number, pick: <T>(l: readonly T[]) => T): void {
  const cip = p.referentCipId ?? eti.id;
  const situation = pick(SITUATIONS);
  plan.situations.push({ personId: p.id, theme: situation.theme, kind: situation.kind, label: situation.label, status: 'active', intensity: situation.intensity, authorId: cip });
  const start = p.contractStart ?? addDays(today, -120);
  const objective = pick(OBJECTIVES);
  const createdOn = addDays(start, 30) < today ? addDays(start, 30) : today;
  plan.objectives.push({
    id: randomUUID(), personId: p.id, theme: objective.theme, label: objective.label, status: 'en_cours', dueOn: addDays(createdOn, 60 + Math.floor(rnd() * 120)),
    consentAt: new Date(`${createdOn}T10:00:00Z`), createdBy: cip, createdAt: new Date(`${createdOn}T10:00:00Z`),
    actions: [{ label: objective.action, status: rnd() < 0.5 ? 'en_cours' : 'en_projet', dueOn: null }],
  });
  if (addDays(start, 30) < today) {
    plan.bilans.push({ personId: p.id, kind: 'integration', date: addDays(start, 30), participants: [cip, eti.id], salarieView: pick(SALARIE_VIEWS), salarieAgreement: true, createdBy: cip });
  }
}
