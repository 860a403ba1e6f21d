import { z } from 'zod';
import { TRADES } from '../domain/taxonomy.js';
import { SEQUENCE_KINDS } from './session-plan.js';
import { romeCodeSchema } from './skills-referential.js';

const text = (max = 500) => z.string().trim().min(1).max(max);

/**
 * A curated séance template (files in `session-templates/`, one per trade; an ETI can add
 * their own). The planner fills identification, scales the cycle to the duration asked and
 * phrases the objective « À l'issue de la séance, <participants> sera capable de <capability> ».
 */
export const sessionTemplateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,64}$/),
  trade: z.enum(TRADES),
  title: text(120),
  /** Folded words (no accents) that point to this template in a request. */
  keywords: z.array(z.string().regex(/^[a-z0-9' -]+$/)).min(1),
  activity: text(200),
  capability: text(300),
  skills: z.array(z.object({ key: text(64), label: text(200), romeCode: romeCodeSchema.nullable() })).min(1),
  prerequisites: z.array(text(300)),
  situation: z.object({
    task: text(1000), teachingAdaptation: text(1000), risks: z.array(text(300)).min(1), epi: z.array(text(200)), material: z.array(text(200)).min(1),
  }),
  /** Phases with their share of the time (percent, summing to 100). */
  cycle: z.array(z.object({
    kind: z.enum(SEQUENCE_KINDS), share: z.number().int().min(5).max(80), description: text(1000), questions: z.array(text(300)).default([]),
  })).min(3),
  criteria: z.array(z.object({ skillKey: text(64), criterion: text(300), observation: text(500) })).min(1),
}).superRefine((t, ctx) => {
  const total = t.cycle.reduce((s, c) => s + c.share, 0);
  if (total !== 100) ctx.addIssue({ code: 'custom', message: `parts du cycle : ${total} % au lieu de 100 %`, path: ['cycle'] });
  if (t.cycle[0]?.kind !== 'demonstration' || t.cycle.at(-1)?.kind !== 'sequence_reflexive') {
    ctx.addIssue({ code: 'custom', message: 'le cycle commence par une démonstration et finit par une séquence réflexive', path: ['cycle'] });
  }
  for (const [i, c] of t.cycle.entries()) {
    if (c.kind === 'sequence_reflexive' && c.questions.length === 0) ctx.addIssue({ code: 'custom', message: 'questions manquantes', path: ['cycle', i, 'questions'] });
  }
  const keys = new Set(t.skills.map((s) => s.key));
  for (const [i, c] of t.criteria.entries()) {
    if (!keys.has(c.skillKey)) ctx.addIssue({ code: 'custom', message: `critère sur une compétence inconnue : ${c.skillKey}`, path: ['criteria', i] });
  }
});
export type SessionTemplate = z.infer<typeof sessionTemplateSchema>;

export const templateFileSchema = z.object({ templates: z.array(sessionTemplateSchema).min(1) });
