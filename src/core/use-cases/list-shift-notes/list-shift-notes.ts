import type { Actor } from '../../domain/actor.js';
import { addDays, businessDate, isoWeekday } from '../../domain/business-date.js';
import type { ShiftNote } from '../../domain/shift-note.js';
import type { Clock } from '../../ports/clock.js';
import type { UnitOfWork } from '../../ports/unit-of-work.js';

export type NotePeriod = 'today' | 'yesterday' | 'week' | 'last-week' | 'month';

/** "mes notes de la semaine": the author's own notes of a period, newest first. */
export function createListShiftNotes(deps: { readonly uow: UnitOfWork; readonly clock: Clock; readonly defaultTimezone: string }) {
  return async function listShiftNotes(input: { actor: Actor; period: NotePeriod }): Promise<{ notes: ShiftNote[]; from: string; to: string }> {
    const team = input.actor.teamId ? await deps.uow.stores.identities.teamById(input.actor.teamId) : null;
    const today = businessDate(deps.clock.now(), team?.timezone ?? deps.defaultTimezone);
    const [from, to] = periodBounds(today, input.period);
    return { notes: await deps.uow.stores.notes.listByAuthor(input.actor.personId, from, to), from, to };
  };
}

export function periodBounds(today: string, period: NotePeriod): [string, string] {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (period) {
    case 'today': return [today, today];
    case 'yesterday': return [addDays(today, -1), addDays(today, -1)];
    case 'week': return [monday, today];
    case 'last-week': return [addDays(monday, -7), addDays(monday, -1)];
    case 'month': return [`${today.slice(0, 8)}01`, today];
  }
}
