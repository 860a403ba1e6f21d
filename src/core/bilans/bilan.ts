import { z } from 'zod';
import { BILAN_KINDS, EXIT_CATEGORIES, NEED_INTENSITIES, type BilanKind } from '../domain/taxonomy.js';

/**
 * Needs assessed in a PASS IAE prolongation bilan, on the Carnet de bord themes
 * (the public reference lists) plus the two the employment side adds. Each need
 * takes an intensity on the official scale ++ / + / − / −−.
 */
export const NEED_THEMES = [
  'mobilite', 'logement', 'sante', 'contraintes_familiales', 'difficulte_financiere', 'difficulte_administrative',
  'maitrise_langue', 'numerique', 'emploi', 'formation',
] as const;
export type NeedTheme = (typeof NEED_THEMES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().trim().min(1).max(2000);

export const bilanContentSchema = z.object({
  needs: z.array(z.object({ theme: z.enum(NEED_THEMES), intensity: z.enum(NEED_INTENSITIES), comment: z.string().trim().max(500).optional() })).default([]),
  outcomes: z.array(text).default([]),
  nextSteps: z.array(text).default([]),
  notes: z.string().trim().max(4000).optional(),
});
export type BilanContent = z.infer<typeof bilanContentSchema>;

/** What a CIP records after a bilan meeting. */
export const bilanInputSchema = z.object({
  kind: z.enum(BILAN_KINDS),
  date: isoDate,
  /** Person ids of who took part (the salarié is implied). */
  participants: z.array(z.string().min(1)).default([]),
  content: bilanContentSchema.default({ needs: [], outcomes: [], nextSteps: [] }),
  salarieView: z.string().trim().max(4000).nullable().default(null),
  salarieAgreement: z.boolean().nullable().default(null),
  exitCategory: z.enum(EXIT_CATEGORIES).nullable().default(null),
}).superRefine((b, ctx) => {
  if (b.kind === 'sortie' && b.exitCategory === null) ctx.addIssue({ code: 'custom', path: ['exitCategory'], message: 'bilan.exit_category_required' });
  if (b.kind !== 'sortie' && b.exitCategory !== null) ctx.addIssue({ code: 'custom', path: ['exitCategory'], message: 'bilan.exit_category_only_at_sortie' });
  if (b.kind !== 'prolongation' && b.content.needs.length > 0) ctx.addIssue({ code: 'custom', path: ['content', 'needs'], message: 'bilan.needs_only_at_prolongation' });
  const themes = b.content.needs.map((n) => n.theme);
  if (new Set(themes).size !== themes.length) ctx.addIssue({ code: 'custom', path: ['content', 'needs'], message: 'bilan.need_twice' });
});
export type BilanInput = z.input<typeof bilanInputSchema>;
export type ValidBilan = z.output<typeof bilanInputSchema>;

export interface BilanRecord extends ValidBilan {
  readonly id: string;
  readonly personId: string;
  readonly createdBy: string | null;
}

export type { BilanKind };
