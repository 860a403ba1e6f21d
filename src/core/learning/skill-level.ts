import { z } from 'zod';

/** Skill levels in common use in SIAE, in order, plus « Non évalué ». */
export const SKILL_LEVELS = ['non_acquis', 'en_cours', 'acquis', 'maitrise', 'non_evalue'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const skillLevelSchema = z.enum(SKILL_LEVELS);

/** What a level measures: mastery of the gesture, autonomy, or how often it is done right. */
export const SKILL_DIMENSIONS = ['maitrise', 'autonomie', 'frequence'] as const;
export type SkillDimension = (typeof SKILL_DIMENSIONS)[number];

/** Rank for "best level reached" (non_evalue ranks below everything). */
export const levelRank = (level: SkillLevel): number => (level === 'non_evalue' ? -1 : SKILL_LEVELS.indexOf(level));

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ');
