import { z } from 'zod';
import { SKILL_LEVELS, type SkillLevel } from '../domain/taxonomy.js';

// The levels and dimensions are the shared taxonomy's: one list for notes, summaries and séances.
export { SKILL_DIMENSIONS, SKILL_LEVELS, type SkillDimension, type SkillLevel } from '../domain/taxonomy.js';

export const skillLevelSchema = z.enum(SKILL_LEVELS);

/** Rank for "best level reached" (non_evalue ranks below everything). */
export const levelRank = (level: SkillLevel): number => (level === 'non_evalue' ? -1 : SKILL_LEVELS.indexOf(level));

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date AAAA-MM-JJ');
