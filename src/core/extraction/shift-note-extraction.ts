import { z } from 'zod';
import {
  ALERT_TOPICS, ATTENDANCE_STATUSES, INCIDENT_KINDS, OBSERVATION_CATEGORIES, POLARITIES, UNITS,
} from '../domain/taxonomy.js';

/**
 * The one output schema of shift-note extraction, shared by the rules engine,
 * the LLM engine and `relais extract` (contract: ../shared/eval/README.md).
 * `person` values are roster ids; every `evidence` is a verbatim span of the note.
 */
export const attendanceSchema = z.object({
  person: z.string().min(1),
  status: z.enum(ATTENDANCE_STATUSES),
  excused: z.boolean().nullable(),
  minutes: z.number().int().nonnegative().nullable(),
});

export const observationSchema = z.object({
  person: z.string().min(1),
  category: z.enum(OBSERVATION_CATEGORIES),
  polarity: z.enum(POLARITIES),
  evidence: z.string().min(1),
});

export const productionSchema = z.object({
  activity: z.string(),
  quantity: z.number().nonnegative().nullable(),
  unit: z.enum(UNITS).nullable(),
});

export const incidentSchema = z.object({
  kind: z.enum(INCIDENT_KINDS),
  persons: z.array(z.string().min(1)),
  evidence: z.string().min(1),
});

export const alertSchema = z.object({
  person: z.string().min(1).nullable(),
  topic: z.enum(ALERT_TOPICS),
  evidence: z.string().min(1),
});

export const shiftNoteExtractionSchema = z.object({
  attendance: z.array(attendanceSchema),
  observations: z.array(observationSchema),
  production: z.array(productionSchema),
  incidents: z.array(incidentSchema),
  alerts: z.array(alertSchema),
  unknownNames: z.array(z.string()),
});

export type AttendanceRecord = z.infer<typeof attendanceSchema>;
export type ObservationRecord = z.infer<typeof observationSchema>;
export type ProductionRecord = z.infer<typeof productionSchema>;
export type IncidentRecord = z.infer<typeof incidentSchema>;
export type AlertRecord = z.infer<typeof alertSchema>;
export type ShiftNoteExtraction = z.infer<typeof shiftNoteExtractionSchema>;

export const emptyExtraction = (): ShiftNoteExtraction => ({
  attendance: [], observations: [], production: [], incidents: [], alerts: [], unknownNames: [],
});
