import { matchPersonName } from '../../core/domain/person-names.js';
import type { RosterEntry } from '../../core/domain/roster.js';
import { ADAPTATION_NEEDS, type SessionPlan } from '../../core/learning/session-plan.js';
import type { Skill } from '../../core/learning/skills-referential.js';
import type { SessionPatch } from '../../core/use-cases/edit-learning-session/edit-learning-session.js';
import type { Translate } from '../../i18n/translator.js';
import { parseCriteria, parseSequence, parseSkills } from './session-form-text.js';

const lines = (v: string | undefined): string[] => (v ?? '').split(/\r?\n/).map((l) => l.replace(/^[•\-*]\s*/, '').trim()).filter((l) => l !== '');

/** What the structured fields are read against: the fiche being edited and the team's skills referential. */
export interface SessionFormContext {
  readonly plan: SessionPlan;
  readonly referential: readonly Skill[];
  readonly t: Translate;
}

/**
 * Modifier form values → a patch; the problems found (in French) when a field cannot be read.
 * A field the form did not carry (an older form) leaves that part of the fiche as it was.
 */
export function parseSessionForm(form: Readonly<Record<string, string>>, team: readonly RosterEntry[], teamId: string, context: SessionFormContext): { patch: SessionPatch; problems: string[] } {
  const problems: string[] = [];
  const patch: { -readonly [K in keyof SessionPatch]: SessionPatch[K] } = {};
  const date = (form.date ?? '').trim();
  if (date === '') patch.date = null;
  else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(date) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) problems.push(`date « ${date} » (JJ/MM/AAAA)`);
    else patch.date = m[3]!.length === 4 ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : `${m[1]}-${m[2]}-${m[3]}`;
  }
  const time = (form.time ?? '').trim();
  if (time === '') patch.startTime = null;
  else {
    const m = /^(\d{1,2})\s*[h:]\s*(\d{2})?$/i.exec(time);
    if (!m || Number(m[1]) > 23) problems.push(`heure « ${time} »`);
    else patch.startTime = `${m[1]!.padStart(2, '0')}:${m[2] ?? '00'}`;
  }
  const duration = Number((form.duration ?? '').trim());
  if (!Number.isInteger(duration) || duration < 15 || duration > 480) problems.push('durée (entre 15 et 480 minutes)');
  else patch.durationMinutes = duration;
  patch.site = (form.site ?? '').trim() || null;
  const participants: Array<{ personId: string; name: string; firstName: string }> = [];
  for (const name of (form.participants ?? '').split(/[,;\n]|\set\s/).map((n) => n.trim()).filter((n) => n !== '')) {
    const found = matchPersonName(name, team, teamId);
    if (found.length !== 1) problems.push(`participant « ${name} »`);
    else if (!participants.some((p) => p.personId === found[0]!.id)) participants.push({ personId: found[0]!.id, name: `${found[0]!.firstName} ${found[0]!.lastName}`, firstName: found[0]!.firstName });
  }
  if (participants.length > 0) patch.participants = participants;
  if ((form.objective ?? '').trim() !== '') patch.objective = form.objective!.trim().replace(/\s+/g, ' ');
  patch.prerequisites = lines(form.prerequisites);
  if ((form.task ?? '').trim() !== '') patch.task = form.task!.trim();
  if ((form.teaching ?? '').trim() !== '') patch.teachingAdaptation = form.teaching!.trim();
  patch.risks = lines(form.risks);
  patch.epi = lines(form.epi);
  patch.material = lines(form.material);
  const adaptations: Array<SessionPlan['adaptations'][number]> = [];
  for (const line of lines(form.adaptations)) {
    const m = /^([a-z_]+)\s*:\s*(.+)$/i.exec(line);
    const need = m?.[1]?.toLowerCase() as (typeof ADAPTATION_NEEDS)[number] | undefined;
    adaptations.push(need && (ADAPTATION_NEEDS as readonly string[]).includes(need) ? { need, text: m![2]!.trim() } : { need: 'autre', text: line });
  }
  patch.adaptations = adaptations;
  let skills = context.plan.skills;
  if (form.skills !== undefined) {
    const read = parseSkills(form.skills, [...context.plan.skills, ...context.referential], context.t);
    problems.push(...read.problems);
    if (read.problems.length === 0) patch.skills = skills = read.skills;
  }
  if (form.sequence !== undefined) {
    const read = parseSequence(form.sequence, context.t);
    problems.push(...read.problems);
    if (read.problems.length === 0) patch.sequence = read.steps;
  }
  if (form.criteria !== undefined) {
    const read = parseCriteria(form.criteria, skills, context.t);
    problems.push(...read.problems);
    if (read.problems.length === 0) patch.criteria = read.criteria;
  }
  return { patch, problems };
}
