import { z } from 'zod';
import { isoDateSchema, SKILL_DIMENSIONS, skillLevelSchema } from './skill-level.js';

/** One criterion's result for one participant: the level with the fact observed. */
export const criterionResultSchema = z.object({
  skillKey: z.string().min(1).max(64),
  skillLabel: z.string().trim().min(1).max(200),
  criterion: z.string().trim().min(1).max(300),
  level: skillLevelSchema,
  dimension: z.enum(SKILL_DIMENSIONS).default('maitrise'),
  /** Required unless the criterion was not evaluated: a level without a fact is not evidence. */
  observedFact: z.string().trim().max(500).nullable(),
}).refine((r) => r.level === 'non_evalue' || (r.observedFact ?? '') !== '', {
  message: 'un niveau évalué a un fait observé', path: ['observedFact'],
});

export const participantEvaluationSchema = z.object({
  personId: z.string().min(1),
  name: z.string().trim().min(1).max(120),
  results: z.array(criterionResultSchema).min(1),
  selfAssessment: z.string().trim().max(500).nullable(),
  nextStep: z.string().trim().max(500).nullable(),
});

/** What happened in a séance, per participant per criterion. */
export const sessionEvaluationSchema = z.object({
  sessionId: z.string().min(1),
  date: isoDateSchema,
  participants: z.array(participantEvaluationSchema).min(1),
});
export type SessionEvaluation = z.infer<typeof sessionEvaluationSchema>;
export type ParticipantEvaluation = z.infer<typeof participantEvaluationSchema>;
export type CriterionResult = z.infer<typeof criterionResultSchema>;
