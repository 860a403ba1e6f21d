import { z } from 'zod';
import { isoDateSchema, SKILL_LEVELS } from './skill-level.js';

/** A dated fact backing a level: always from a confirmed evaluation or observation. */
export const evidenceSchema = z.object({
  date: isoDateSchema,
  fact: z.string().trim().min(1).max(500),
  source: z.enum(['seance', 'evaluation', 'observation']),
});

const levelled = z.object({
  label: z.string().trim().min(1).max(200),
  /** The best level reached (non évalué never appears on an attestation). */
  level: z.enum(SKILL_LEVELS).exclude(['non_evalue']),
  evidence: z.array(evidenceSchema).min(1),
});

/** Attestation de compétences: built only from confirmed data, for the encadrant to review and sign. */
export const attestationSchema = z.object({
  structure: z.object({ name: z.string().min(1), kind: z.string().min(1) }),
  salarie: z.object({ personId: z.string().min(1), name: z.string().min(1) }),
  post: z.object({ team: z.string().min(1), activity: z.string().min(1), romeCode: z.string().nullable(), from: isoDateSchema.nullable(), to: isoDateSchema.nullable() }),
  activities: z.array(z.object({ label: z.string().min(1), sessions: z.number().int().min(1), from: isoDateSchema, to: isoDateSchema })),
  competences: z.array(levelled.extend({ romeCode: z.string().nullable() })),
  transversal: z.array(levelled.extend({ cleaDomain: z.number().int().min(1).max(7) })),
  issuedOn: isoDateSchema,
  encadrant: z.string().nullable(),
});
export type Attestation = z.infer<typeof attestationSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;

/** CléA domains used for savoir-être (see the domain guide). */
export const CLEA_DOMAINS: Readonly<Record<number, string>> = {
  1: 'Communiquer en français',
  2: 'Utiliser les règles de base de calcul et du raisonnement mathématique',
  3: "Utiliser les techniques usuelles de l'information et de la communication numérique",
  4: "Travailler dans le cadre de règles définies d'un travail en équipe",
  5: 'Travailler en autonomie et réaliser un objectif individuel',
  6: "Apprendre à apprendre tout au long de la vie",
  7: "Maîtriser les gestes et postures, et respecter des règles d'hygiène, de sécurité et environnementales élémentaires",
};
