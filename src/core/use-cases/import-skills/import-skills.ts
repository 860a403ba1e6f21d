import type { Actor } from '../../domain/actor.js';
import { skillKeyOf, skillSchema, type Skill } from '../../learning/skills-referential.js';
import type { LearningStore } from '../../ports/learning-store.js';
import { authorize } from '../../policy/authorize.js';
import { err, ok, type Result } from '../../result.js';

export interface SkillLine {
  readonly line: number;
  readonly label: string;
  readonly key: string;
  readonly romeCode: string;
  readonly kind: string;
  readonly cleaDomain: string;
  readonly description: string;
}

export type ImportSkillsCode = 'access.denied' | 'team.unknown' | 'skills.invalid' | 'skills.empty';

const KINDS: Record<string, Skill['kind']> = { '': 'technique', technique: 'technique', metier: 'technique', transversal: 'transversal', transversale: 'transversal', 'savoir-etre': 'transversal', savoir_etre: 'transversal' };
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** Imports a team's skills referential: every line checked first, then all written or nothing. */
export function createImportSkills(deps: { readonly store: LearningStore }) {
  return async (input: { actor: Actor; teamId: string; lines: readonly SkillLine[] }): Promise<Result<{ added: number; updated: number }, ImportSkillsCode>> => {
    const team = await deps.store.team(input.teamId);
    if (!team) return err('team.unknown');
    if (!authorize(input.actor, 'write', 'team-settings', { structureId: team.structureId, teamId: team.id }).ok) return err('access.denied');
    if (input.lines.length === 0) return err('skills.empty');
    const skills: Skill[] = [];
    const problems: string[] = [];
    for (const l of input.lines) {
      const kind = KINDS[fold(l.kind)];
      const parsed = skillSchema.safeParse({
        key: l.key !== '' ? skillKeyOf(l.key) : skillKeyOf(l.label), label: l.label, romeCode: l.romeCode === '' ? null : l.romeCode.toUpperCase(),
        kind: kind ?? l.kind, cleaDomain: l.cleaDomain === '' ? null : Number(l.cleaDomain), description: l.description === '' ? null : l.description,
      });
      if (!parsed.success) problems.push(`ligne ${l.line} : ${parsed.error.issues.map((i) => i.message).join(', ')}`);
      else if (skills.some((s) => s.key === parsed.data.key)) problems.push(`ligne ${l.line} : compétence en double`);
      else skills.push(parsed.data);
    }
    if (problems.length > 0) return err('skills.invalid', { problems: problems.join(' ; ') });
    return ok(await deps.store.upsertSkills(team.id, skills, true));
  };
}
