import { z } from 'zod';
import {
  ALERT_TOPICS, ATTENDANCE_STATUSES, INCIDENT_KINDS, OBSERVATION_CATEGORIES, POLARITIES, UNITS,
} from '../core/domain/taxonomy.js';

/**
 * What the model is asked to return: the contract's shape, with `person`
 * values that are placeholders ("Salarié A") and evidence quoted from the
 * pseudonymised note. Mapped back to roster ids and original spans afterwards.
 * Every field is required (nullable where optional) for strict structured outputs.
 */
export const modelExtractionSchema = z.object({
  attendance: z.array(z.object({
    person: z.string(),
    status: z.enum(ATTENDANCE_STATUSES),
    excused: z.boolean().nullable(),
    minutes: z.number().int().nullable(),
  })),
  observations: z.array(z.object({
    person: z.string(),
    category: z.enum(OBSERVATION_CATEGORIES),
    polarity: z.enum(POLARITIES),
    evidence: z.string(),
  })),
  production: z.array(z.object({
    activity: z.string(),
    quantity: z.number().nullable(),
    unit: z.enum(UNITS).nullable(),
  })),
  incidents: z.array(z.object({
    kind: z.enum(INCIDENT_KINDS),
    persons: z.array(z.string()),
    evidence: z.string(),
  })),
  alerts: z.array(z.object({
    person: z.string().nullable(),
    topic: z.enum(ALERT_TOPICS),
    evidence: z.string(),
  })),
  unknownNames: z.array(z.string()),
});

export type ModelExtraction = z.infer<typeof modelExtractionSchema>;
