import { z } from 'zod';
import {
  ACTION_STATUSES, BILAN_KINDS, EXIT_CATEGORIES, NEED_INTENSITIES, OBJECTIVE_STATUSES, POLARITIES, SKILL_DIMENSIONS, SKILL_LEVELS,
} from '../domain/taxonomy.js';

/**
 * The facts of a progress summary. Computed by queries, never by a model; every
 * fact carries the record it comes from (type, id, date, author) so a CIP can
 * defend each statement in a bilan. The narrative may only restate these.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const month = z.string().regex(/^\d{4}-\d{2}$/);

export const SOURCE_TYPES = [
  'person', 'attendance', 'observation', 'skill_evaluation', 'situation', 'objective', 'objective_action',
  'incident', 'alert', 'bilan',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export const sourceRefSchema = z.object({
  type: z.enum(SOURCE_TYPES),
  id: z.string(),
  date: isoDate,
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
});
export type SourceRef = z.infer<typeof sourceRefSchema>;

export const TRENDS = ['up', 'down', 'stable', 'unknown'] as const;
export type Trend = (typeof TRENDS)[number];

const attendanceMonthSchema = z.object({
  month,
  days: z.number().int(),
  present: z.number().int(),
  late: z.number().int(),
  leftEarly: z.number().int(),
  absent: z.number().int(),
  excusedAbsences: z.number().int(),
  /** Days attended (present, late or left early) out of recorded days, in whole percent. */
  attendanceRate: z.number().int().nullable(),
  /** Days on time out of days attended, in whole percent. */
  punctualityRate: z.number().int().nullable(),
});
export type AttendanceMonth = z.infer<typeof attendanceMonthSchema>;

export const attendanceFactsSchema = z.object({
  months: z.array(attendanceMonthSchema),
  total: attendanceMonthSchema.omit({ month: true }),
  attendanceTrend: z.enum(TRENDS),
  punctualityTrend: z.enum(TRENDS),
  /** The days that were not plain presence (absences, lateness, early departures): the sources of the rates. */
  exceptions: z.array(z.object({ status: z.enum(['absent', 'late', 'left_early']), minutes: z.number().int().nullable(), excused: z.boolean().nullable(), source: sourceRefSchema })),
});
export type AttendanceFacts = z.infer<typeof attendanceFactsSchema>;

export const OBSERVATION_EVOLUTIONS = ['improved', 'worsened', 'stable', 'insufficient'] as const;
export type ObservationEvolution = (typeof OBSERVATION_EVOLUTIONS)[number];

export const quotedFactSchema = z.object({ category: z.string(), polarity: z.enum(POLARITIES), text: z.string(), source: sourceRefSchema });
export type QuotedFact = z.infer<typeof quotedFactSchema>;

export const observationCategorySchema = z.object({
  category: z.string(),
  positive: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  months: z.array(z.object({ month, positive: z.number().int(), negative: z.number().int(), neutral: z.number().int() })),
  /** Share of negative observations in the first half of the period against the second half. */
  evolution: z.enum(OBSERVATION_EVOLUTIONS),
  quotes: z.array(quotedFactSchema),
});
export type ObservationCategoryFacts = z.infer<typeof observationCategorySchema>;

export const skillPointSchema = z.object({
  level: z.enum(SKILL_LEVELS), observedFact: z.string().nullable(), source: sourceRefSchema,
});
export const skillFactsSchema = z.object({
  skill: z.string(),
  dimension: z.enum(SKILL_DIMENSIONS),
  first: z.enum(SKILL_LEVELS),
  current: z.enum(SKILL_LEVELS),
  progression: z.enum(TRENDS),
  history: z.array(skillPointSchema),
});
export type SkillFacts = z.infer<typeof skillFactsSchema>;

export const situationFactsSchema = z.object({
  theme: z.string(), kind: z.enum(['frein', 'atout']), label: z.string(), status: z.string(),
  intensity: z.enum(NEED_INTENSITIES).nullable(), source: sourceRefSchema,
});
export type SituationFacts = z.infer<typeof situationFactsSchema>;

export const objectiveFactsSchema = z.object({
  theme: z.string(), label: z.string(), status: z.enum(OBJECTIVE_STATUSES), dueOn: isoDate.nullable(),
  consentGiven: z.boolean(), consentOn: isoDate.nullable(),
  actions: z.array(z.object({ label: z.string(), status: z.enum(ACTION_STATUSES), dueOn: isoDate.nullable(), source: sourceRefSchema })),
  source: sourceRefSchema,
});
export type ObjectiveFacts = z.infer<typeof objectiveFactsSchema>;

export const eventFactsSchema = z.object({ kind: z.string(), text: z.string(), status: z.string().nullable(), source: sourceRefSchema });
export type EventFacts = z.infer<typeof eventFactsSchema>;

export const OWN_WORDS_ORIGINS = ['observation', 'self_assessment', 'bilan'] as const;
export const ownWordsSchema = z.object({ origin: z.enum(OWN_WORDS_ORIGINS), text: z.string(), source: sourceRefSchema });
export type OwnWords = z.infer<typeof ownWordsSchema>;

export const bilanFactsSchema = z.object({
  kind: z.enum(BILAN_KINDS), participants: z.array(z.string()), salarieAgreement: z.boolean().nullable(),
  exitCategory: z.enum(EXIT_CATEGORIES).nullable(), source: sourceRefSchema,
});
export type BilanFacts = z.infer<typeof bilanFactsSchema>;

export const progressFactsSchema = z.object({
  person: z.object({
    id: z.string(), firstName: z.string(), lastName: z.string(), teamName: z.string().nullable(),
    status: z.string(), exitDate: isoDate.nullable(), exitCategory: z.string().nullable(),
  }),
  period: z.object({ from: isoDate, to: isoDate }),
  contract: z.object({
    start: isoDate.nullable(), end: isoDate.nullable(),
    /** Calendar days from the summary date to the contract end (negative once ended). */
    daysLeft: z.number().int().nullable(),
    /** Whole months left (30-day months), for the narrative. */
    monthsLeft: z.number().int().nullable(),
    source: sourceRefSchema,
  }),
  attendance: attendanceFactsSchema,
  observations: z.array(observationCategorySchema),
  skills: z.array(skillFactsSchema),
  situations: z.array(situationFactsSchema),
  objectives: z.array(objectiveFactsSchema),
  incidents: z.array(eventFactsSchema),
  alerts: z.array(eventFactsSchema),
  ownWords: z.array(ownWordsSchema),
  bilans: z.array(bilanFactsSchema),
  /** Counts stated as facts, so a narrative can quote them without counting by itself. */
  counts: z.object({
    observations: z.number().int(), positiveObservations: z.number().int(), negativeObservations: z.number().int(),
    skillsEvaluated: z.number().int(), skillsImproved: z.number().int(),
    activeFreins: z.number().int(), atouts: z.number().int(),
    objectivesInProgress: z.number().int(), objectivesAchieved: z.number().int(), overdueObjectives: z.number().int(),
    incidents: z.number().int(), alerts: z.number().int(), openAlerts: z.number().int(),
  }),
  /** Content the requester may not see was left out (an ETI never sees freins they did not write). */
  withheld: z.boolean(),
});
export type ProgressFacts = z.infer<typeof progressFactsSchema>;
