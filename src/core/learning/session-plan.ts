import { z } from 'zod';
import { TRADES } from '../domain/taxonomy.js';
import { healthWordsIn } from './health-words.js';
import { isoDateSchema } from './skill-level.js';

/** The three phases of a séance d'apprentissage en situation de production (AFEST cycle). */
export const SEQUENCE_KINDS = ['demonstration', 'mise_en_situation', 'sequence_reflexive'] as const;
export type SequenceKind = (typeof SEQUENCE_KINDS)[number];

/** Needs a plan may adapt to, stated without any health detail. */
export const ADAPTATION_NEEDS = ['lecture', 'fle', 'restriction_physique', 'autre'] as const;

/** « À l'issue de la séance, <qui> sera capable de <quoi> » (also « seront capables »). */
export const OBJECTIVE_PATTERN = /^À l['’]issue de la séance, .+ (sera capable|seront capables) d(e |')\S.+$/u;

const text = (max = 500) => z.string().trim().min(1).max(max);

export const participantSchema = z.object({
  personId: z.string().min(1).nullable(),
  name: text(120),
});

export const sequenceStepSchema = z.object({
  kind: z.enum(SEQUENCE_KINDS),
  minutes: z.number().int().min(5).max(240),
  description: text(1000),
  /** Questions to ask (required for a séquence réflexive). */
  questions: z.array(text(300)).default([]),
}).refine((s) => s.kind !== 'sequence_reflexive' || s.questions.length > 0, {
  message: 'une séquence réflexive a au moins une question', path: ['questions'],
});

export const sessionPlanSchema = z.object({
  identification: z.object({
    date: isoDateSchema.nullable(),
    startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
    durationMinutes: z.number().int().min(15).max(480),
    site: text(200).nullable(),
    trainer: text(120),
    participants: z.array(participantSchema).min(1).max(12),
    activity: text(200),
    trade: z.enum(TRADES),
  }),
  objective: z.string().regex(OBJECTIVE_PATTERN, "l'objectif commence par « À l'issue de la séance, … sera capable de … »"),
  skills: z.array(z.object({ key: text(64), label: text(200), romeCode: z.string().regex(/^[A-N]\d{4}$/).nullable() })).min(1).max(8),
  prerequisites: z.array(text(300)).max(10),
  situation: z.object({
    task: text(1000),
    teachingAdaptation: text(1000),
    risks: z.array(text(300)).min(1),
    epi: z.array(text(200)),
    material: z.array(text(200)).min(1),
  }),
  sequence: z.array(sequenceStepSchema).min(3).max(12),
  criteria: z.array(z.object({ skillKey: text(64), criterion: text(300), observation: text(500) })).min(1).max(12),
  adaptations: z.array(z.object({ need: z.enum(ADAPTATION_NEEDS), text: text(500) })).max(10),
  /** What Relais knew when drafting (shown to the ETI, never to the team). */
  context: z.object({
    inProgress: z.array(text(300)).default([]),
    incidents: z.array(text(300)).default([]),
  }).default({ inProgress: [], incidents: [] }),
}).superRefine((plan, ctx) => {
  const total = plan.sequence.reduce((sum, s) => sum + s.minutes, 0);
  if (total !== plan.identification.durationMinutes) {
    ctx.addIssue({ code: 'custom', message: `la séquence dure ${total} min au lieu de ${plan.identification.durationMinutes}`, path: ['sequence'] });
  }
  for (const kind of SEQUENCE_KINDS) {
    if (!plan.sequence.some((s) => s.kind === kind)) ctx.addIssue({ code: 'custom', message: `phase manquante : ${kind}`, path: ['sequence'] });
  }
  if (plan.sequence[0]?.kind !== 'demonstration') ctx.addIssue({ code: 'custom', message: 'la séance commence par une démonstration', path: ['sequence', 0] });
  if (plan.sequence.at(-1)?.kind !== 'sequence_reflexive') ctx.addIssue({ code: 'custom', message: 'la séance finit par une séquence réflexive', path: ['sequence'] });
  const skillKeys = new Set(plan.skills.map((s) => s.key));
  for (const [i, c] of plan.criteria.entries()) {
    if (!skillKeys.has(c.skillKey)) ctx.addIssue({ code: 'custom', message: `critère sur une compétence non visée : ${c.skillKey}`, path: ['criteria', i] });
  }
  for (const [i, a] of plan.adaptations.entries()) {
    const words = healthWordsIn(a.text);
    if (words.length > 0) ctx.addIssue({ code: 'custom', message: 'une adaptation ne dit rien de la santé', path: ['adaptations', i, 'text'] });
  }
});
export type SessionPlan = z.infer<typeof sessionPlanSchema>;
export type SequenceStep = z.infer<typeof sequenceStepSchema>;
