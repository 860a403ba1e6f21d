import { clarifyingQuestions } from '../../core/domain/clarifying-questions.js';
import type { RosterEntry } from '../../core/domain/roster.js';
import type { ShiftNote } from '../../core/domain/shift-note.js';
import type { Block, Button } from '../../core/messages/reply.js';
import type { Translate } from '../../i18n/translator.js';
import { formatQuantity, nameOf } from '../format.js';
import type { Locale } from '../../i18n/translator.js';

export const ANSWER_ACTION = 'note.answer';

/** What a one-tap answer carries: the note, the draft version it answers, and the answer. */
export type Answer =
  | { readonly n: string; readonly k: 'att'; readonly s: 'present' | 'absent'; readonly p: readonly string[] }
  | { readonly n: string; readonly k: 'name'; readonly name: string; readonly p: string }
  | { readonly n: string; readonly k: 'unit'; readonly i: number; readonly u: string }
  | { readonly n: string; readonly k: 'late'; readonly p: string; readonly m: number }
  | { readonly n: string; readonly k: 'act'; readonly i: number; readonly a: string }
  | { readonly n: string; readonly k: 'skip' };

const button = (label: string, answer: Answer, style?: Button['style']): Button =>
  ({ type: 'button', action: ANSWER_ACTION, label, value: JSON.stringify(answer), ...(style ? { style } : {}) });

/** The clarifying questions under a first draft: one line and one row of buttons each, then « Passe ». */
export function questionBlocks(note: ShiftNote, roster: readonly RosterEntry[], t: Translate, locale: Locale): Block[] {
  const draft = note.draft;
  if (!draft || draft.questionsDone) return [];
  const questions = clarifyingQuestions(draft.extraction, { authorId: note.authorId, teamId: note.teamId, roster, askLateMinutes: draft.askLateMinutes === true, teamActivities: draft.teamActivities ?? [] });
  if (questions.length === 0) return [];
  const first = (id: string) => nameOf(roster, id, t).split(' ')[0]!;
  const blocks: Block[] = [{ type: 'divider' }, { type: 'text', text: `*${t('note.questions.title')}*` }];
  for (const q of questions) {
    switch (q.kind) {
      case 'unmentioned': {
        const names = q.persons.map(first);
        const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${t('note.questions.and')} ${names.at(-1)}`;
        blocks.push({ type: 'text', text: t(q.persons.length === 1 ? 'note.question.unmentioned_one' : 'note.question.unmentioned', { names: list }) });
        blocks.push({ type: 'actions', elements: [
          button(t(q.persons.length === 1 ? 'note.answer.present_one' : 'note.answer.present'), { n: note.id, k: 'att', s: 'present', p: q.persons }, 'primary'),
          button(t(q.persons.length === 1 ? 'note.answer.absent_one' : 'note.answer.absent'), { n: note.id, k: 'att', s: 'absent', p: q.persons }),
        ] });
        break;
      }
      case 'unknown-name':
        blocks.push({ type: 'text', text: t('note.question.unknown_name', { name: q.name, candidate: nameOf(roster, q.candidates[0]!, t) }) });
        blocks.push({ type: 'actions', elements: q.candidates.map((id, i) => button(i === 0 ? t('note.answer.yes_name', { name: nameOf(roster, id, t) }) : nameOf(roster, id, t), { n: note.id, k: 'name', name: q.name, p: id }, i === 0 ? 'primary' : undefined)) });
        break;
      case 'unit':
        blocks.push({ type: 'text', text: t('note.question.unit', { quantity: formatQuantity(q.quantity, locale), activity: q.activity }) });
        blocks.push({ type: 'actions', elements: q.units.map((u) => button(t(`unit.${u}`), { n: note.id, k: 'unit', i: q.position, u })) });
        break;
      case 'activity': {
        const amount = `${formatQuantity(q.quantity, locale)}${q.unit === null ? '' : ` ${t(`unit.${q.unit}`)}`}`;
        blocks.push({ type: 'text', text: t('note.question.activity', { amount }) });
        blocks.push({ type: 'actions', elements: q.choices.map((a) => button(a, { n: note.id, k: 'act', i: q.position, a })) });
        break;
      }
      case 'late-minutes':
        blocks.push({ type: 'text', text: t('note.question.late_minutes', { name: first(q.person) }) });
        blocks.push({ type: 'actions', elements: q.choices.map((m) => button(t('note.answer.minutes', { minutes: m }), { n: note.id, k: 'late', p: q.person, m })) });
        break;
    }
  }
  blocks.push({ type: 'actions', elements: [button(t('note.answer.skip'), { n: note.id, k: 'skip' })] });
  return blocks;
}
