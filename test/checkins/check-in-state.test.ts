import fc from 'fast-check';
import { CHECK_IN_STATES, checkInRank, nextCheckInState, type CheckInEvent, type CheckInState } from '../../src/core/checkins/check-in-state.js';

const EVENTS: readonly CheckInEvent[] = ['open', 'note', 'questions', 'confirm', 'discard', 'later', 'close'];

describe('the check-in state machine', () => {
  it.each([
    [null, 'open', 'opened'],
    [null, 'note', 'note_received'],
    [null, 'close', null],
    ['opened', 'open', null],
    ['opened', 'later', 'opened'],
    ['opened', 'note', 'note_received'],
    ['opened', 'close', 'skipped'],
    ['note_received', 'questions', 'questions_asked'],
    ['note_received', 'close', null],
    ['questions_asked', 'confirm', 'confirmed'],
    ['questions_asked', 'discard', 'opened'],
    ['confirmed', 'discard', null],
    ['confirmed', 'note', null],
    ['skipped', 'note', 'note_received'],
    ['skipped', 'open', null],
  ] as Array<[CheckInState | null, CheckInEvent, CheckInState | null]>)('%s + %s → %s', (from, event, to) => {
    expect(nextCheckInState(from, event)).toBe(to);
  });

  it('property: a check-in is opened at most once, stays confirmed once confirmed, and only a discarded draft moves it back', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 30 }), (events) => {
      let state: CheckInState | null = null;
      let opened = 0;
      for (const event of events) {
        const next = nextCheckInState(state, event);
        if (next === null) continue;
        expect(CHECK_IN_STATES).toContain(next);
        if (state === null && next === 'opened') opened += 1;
        if (state === 'confirmed') throw new Error(`left confirmed on ${event}`);
        if (state !== null && checkInRank(next) < checkInRank(state)) expect(event).toBe('discard');
        state = next;
      }
      expect(opened).toBeLessThanOrEqual(1);
    }));
  });
});
