import { SEQUENCE_KINDS, type SequenceKind, type SequenceStep, type SessionPlan } from '../../core/learning/session-plan.js';
import { skillKeyOf, type Skill } from '../../core/learning/skills-referential.js';
import type { Translate } from '../../i18n/translator.js';
import { fold } from '../intent/french-words.js';

/**
 * The parts of a fiche de séance that are lists of structured items (targeted
 * skills, the timed sequence, the evaluation criteria), as text an ETI edits on
 * a phone in the Modifier form, one item per line, and read back:
 *
 *   Taille de haies (ROME A1203)
 *   Démonstration (15 min) : je montre la coupe… — Questions : Qu'as-tu remarqué ? ; …
 *   Taille de haies : coupe nette (comment l'observer : on regarde la haie après passage)
 *
 * Reading is lenient where a phone keyboard is (case, accents, « 1 h 30 »,
 * bullets, numbering) and strict where a guess could change the fiche: an
 * unknown skill or a line it cannot read is a problem reported to the ETI, and
 * nothing is saved.
 */
type PlanSkill = SessionPlan['skills'][number];
type Criterion = SessionPlan['criteria'][number];

const KIND_WORDS: Readonly<Record<SequenceKind, readonly string[]>> = {
  demonstration: ['demonstration', 'demo'],
  mise_en_situation: ['mise en situation', 'mise en pratique', 'pratique', 'practice'],
  sequence_reflexive: ['sequence reflexive', 'reflexion', 'retour reflexif', 'debriefing', 'reflection'],
};
// « — Questions : » or « Questions à poser : » (« répondre aux questions : » inside a description is not one).
const QUESTIONS_MARK = /\s+[—–-]\s*questions?(?:\s+(?:à poser|a poser|to ask))?\s*:\s*|\s*\bquestions?\s+(?:à poser|a poser|to ask)\s*:\s*/giu;
const OBSERVE_MARK = /\s*\(\s*(?:comment l['’]observer|how to observe it|à observer|a observer|observation)\s*:\s*([^]*?)\s*\)\s*$/iu;
const STEP_LINE = /^(?:\d{1,2}\s*[.)]\s*)?(.+?)\s*\(\s*(?:(\d{1,3})\s*(?:min|mn|minutes?)|(\d{1,2})\s*h\s*(\d{2})?(?:\s*min)?)\s*\)\s*:\s*(.*)$/iu;
const ROME_SUFFIX = /\s*\(\s*ROME\s*:?\s*([A-Na-n]\d{4})\s*\)\s*$/u;

const lines = (text: string): string[] => text.split(/\r?\n/).map((l) => l.replace(/^\s*[•\-*]\s*/, '').trim()).filter((l) => l !== '');
const unquote = (s: string): string => s.replace(/^[«"“]\s*|\s*[»"”]$/gu, '').trim();

export function skillsText(plan: SessionPlan): string {
  return plan.skills.map((s) => `${s.label}${s.romeCode ? ` (ROME ${s.romeCode})` : ''}`).join('\n');
}

export function sequenceText(plan: SessionPlan, t: Translate): string {
  return plan.sequence.map((s) => `${t(`session.form.kind.${s.kind}`)} (${s.minutes} min) : ${s.description}${s.questions.length > 0 ? ` — ${t('session.questions')} : ${s.questions.join(' ; ')}` : ''}`).join('\n');
}

export function criteriaText(plan: SessionPlan, t: Translate): string {
  return plan.criteria.map((c) => `${plan.skills.find((s) => s.key === c.skillKey)?.label ?? c.skillKey} : ${c.criterion} (${t('session.observe')} : ${c.observation})`).join('\n');
}

/** Each line names a skill of the fiche or of the team's referential (its label, or its key). */
export function parseSkills(text: string, known: ReadonlyArray<PlanSkill | Skill>, t: Translate): { skills: PlanSkill[]; problems: string[] } {
  const skills: PlanSkill[] = [];
  const problems: string[] = [];
  for (const line of lines(text)) {
    const name = line.replace(ROME_SUFFIX, '').trim();
    const wanted = fold(name);
    const found = known.find((s) => fold(s.label) === wanted) ?? known.find((s) => s.key === skillKeyOf(name));
    if (!found) problems.push(t('session.form.problem.skill', { name }));
    else if (!skills.some((s) => s.key === found.key)) skills.push({ key: found.key, label: found.label, romeCode: found.romeCode });
  }
  if (skills.length === 0 && problems.length === 0) problems.push(t('session.form.problem.no_skill'));
  return { skills, problems };
}

function kindOf(words: string): SequenceKind | null {
  const folded = fold(words.replace(/\([^)]*\)/g, ' ')).replace(/_/g, ' ').trim();
  for (const kind of SEQUENCE_KINDS) {
    if (KIND_WORDS[kind].includes(folded) || fold(kind.replace(/_/g, ' ')) === folded) return kind;
  }
  return null;
}

/** « Phase (minutes) : description — Questions : q1 ; q2 », one step per line, in order. */
export function parseSequence(text: string, t: Translate): { steps: SequenceStep[]; problems: string[] } {
  const steps: SequenceStep[] = [];
  const problems: string[] = [];
  for (const line of lines(text)) {
    const m = STEP_LINE.exec(line);
    const kind = m ? kindOf(m[1]!) : null;
    const minutes = m ? (m[2] !== undefined ? Number(m[2]) : Number(m[3]) * 60 + Number(m[4] ?? 0)) : 0;
    if (!m || !kind || minutes <= 0) {
      problems.push(t('session.form.problem.step', { line: line.slice(0, 80) }));
      continue;
    }
    const rest = m[5]!;
    const marks = [...rest.matchAll(QUESTIONS_MARK)];
    const mark = marks.at(-1);
    const description = (mark ? rest.slice(0, mark.index) : rest).trim();
    const questions = mark ? rest.slice(mark.index + mark[0].length).split(/\s*;\s*/).map(unquote).filter((q) => q !== '') : [];
    if (description === '') {
      problems.push(t('session.form.problem.step', { line: line.slice(0, 80) }));
      continue;
    }
    steps.push({ kind, minutes, description, questions });
  }
  return { steps, problems };
}

/** « Compétence : critère (comment l'observer : …) »; the skill is one of the fiche's targeted skills. */
export function parseCriteria(text: string, skills: readonly PlanSkill[], t: Translate): { criteria: Criterion[]; problems: string[] } {
  const criteria: Criterion[] = [];
  const problems: string[] = [];
  const longestFirst = [...skills].sort((a, b) => b.label.length - a.label.length);
  for (const line of lines(text)) {
    const folded = fold(line);
    let skill = longestFirst.find((s) => new RegExp(`^${escape(fold(s.label))}\\s*:`).test(folded));
    let rest: string;
    if (skill) {
      rest = line.slice(line.indexOf(':', skill.label.length - 1) + 1);
    } else {
      const colon = line.indexOf(':');
      const name = colon > 0 ? fold(line.slice(0, colon)) : '';
      skill = skills.find((s) => s.key === name || s.key === skillKeyOf(name));
      rest = line.slice(colon + 1);
    }
    const observed = OBSERVE_MARK.exec(rest);
    const criterion = (observed ? rest.slice(0, observed.index) : rest).trim();
    if (!skill || !observed || criterion === '' || observed[1]!.trim() === '') {
      problems.push(t('session.form.problem.criterion', { line: line.slice(0, 80) }));
      continue;
    }
    criteria.push({ skillKey: skill.key, criterion, observation: observed[1]!.trim() });
  }
  return { criteria, problems };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
