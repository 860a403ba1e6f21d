import type { Button } from '../../core/messages/reply.js';
import type { ProgressFacts } from '../../core/progress/progress-facts.js';
import type { Translate } from '../../i18n/translator.js';

export const PREPARE_SESSION_ACTION = 'session.prepare';

/** What the « préparer une séance » button carries: the salarié and, when there is one, the skill to work on. */
export interface PrepareSessionValue { readonly p: string; readonly s?: string }

/**
 * The skill a séance would help most: among those not yet acquired (« en cours », « non acquis »),
 * the one evaluated most recently. None: the ETI names the topic when the draft asks for it.
 */
export function skillToWorkOn(facts: Pick<ProgressFacts, 'skills'>): string | null {
  const open = facts.skills
    .filter((s) => s.current === 'en_cours' || s.current === 'non_acquis')
    .map((s) => ({ skill: s.skill, last: s.history.at(-1)?.source.date ?? '' }))
    .sort((a, b) => b.last.localeCompare(a.last));
  return open[0]?.skill ?? null;
}

/** « Préparer une séance » under a salarié's observations (progress summary). */
export function prepareSessionButton(facts: Pick<ProgressFacts, 'skills' | 'person'>, t: Translate): Button {
  const skill = skillToWorkOn(facts);
  const name = facts.person.firstName;
  const value: PrepareSessionValue = { p: facts.person.id, ...(skill ? { s: skill } : {}) };
  return {
    type: 'button', action: PREPARE_SESSION_ACTION, value: JSON.stringify(value),
    label: skill ? t('progress.chat.prepare_session_on', { skill, name }) : t('progress.chat.prepare_session', { name }),
  };
}

/** The request the button stands for, as the ETI would have written it. */
export function prepareSessionRequest(value: string | undefined, person: { firstName: string; lastName: string }): string {
  const skill = readValue(value)?.s;
  return `séance ${skill ? `sur ${skill} ` : ''}pour ${person.firstName} ${person.lastName}`;
}

export function readValue(value: string | undefined): PrepareSessionValue | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<PrepareSessionValue>;
    return typeof parsed.p === 'string' && (parsed.s === undefined || typeof parsed.s === 'string') ? { p: parsed.p, ...(parsed.s ? { s: parsed.s.slice(0, 200) } : {}) } : null;
  } catch {
    return null;
  }
}
