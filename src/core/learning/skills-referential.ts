import { z } from 'zod';

/** A ROME code: a letter and four digits (e.g. A1203 « Entretien des espaces verts »). */
export const romeCodeSchema = z.string().regex(/^[A-N]\d{4}$/, 'code ROME (une lettre et quatre chiffres)');

/** One skill of a team's referential; transversal skills (savoir-être) map to a CléA domain (1 to 7). */
export const skillSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/),
  label: z.string().trim().min(3).max(200),
  romeCode: romeCodeSchema.nullable(),
  kind: z.enum(['technique', 'transversal']).default('technique'),
  cleaDomain: z.number().int().min(1).max(7).nullable().default(null),
  description: z.string().max(1000).nullable().default(null),
}).refine((s) => s.kind === 'technique' || s.cleaDomain !== null, { message: 'une compétence transversale a un domaine CléA', path: ['cleaDomain'] });
export type Skill = z.infer<typeof skillSchema>;

export const skillsReferentialSchema = z.array(skillSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const [i, s] of list.entries()) {
    if (seen.has(s.key)) ctx.addIssue({ code: 'custom', message: `compétence en double : ${s.key}`, path: [i, 'key'] });
    seen.add(s.key);
  }
});

/** A stable key from a label: « Tailler une haie » → tailler-une-haie. */
export const skillKeyOf = (label: string): string =>
  label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64);
