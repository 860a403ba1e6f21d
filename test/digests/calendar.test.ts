import { easterSunday, frenchPublicHolidays, isFrenchPublicHoliday } from '../../src/core/digests/french-holidays.js';
import { isoWeekOf, lastWorkingDayOfWeek, localInstant, nextRun, previousRun } from '../../src/jobs/next-run.js';

const weekdays = { workingDays: [1, 2, 3, 4, 5] };
const everyDay = { workingDays: [1, 2, 3, 4, 5, 6, 7] };
const iso = (d: Date | undefined) => d?.toISOString();

describe('French public holidays', () => {
  it('computes Easter for known years', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y))))
      .toEqual(['2024-03-31', '2025-04-20', '2026-04-05', '2027-03-28', '2038-04-25']);
  });

  it('lists the eleven holidays, Easter-based ones included', () => {
    const h = frenchPublicHolidays(2026);
    expect(h.size).toBe(11);
    expect(h.get('2026-04-06')).toBe('Lundi de Pâques');
    expect(h.get('2026-05-14')).toBe('Ascension');
    expect(h.get('2026-05-25')).toBe('Lundi de Pentecôte');
    expect(isFrenchPublicHoliday('2026-11-11')).toBe(true);
    expect(isFrenchPublicHoliday('2026-11-12')).toBe(false);
    expect(isFrenchPublicHoliday('2025-06-09')).toBe(true);
  });
});

describe('nextRun in the team timezone', () => {
  it('skips week-ends and public holidays', () => {
    // Tuesday 10 November 2026 after 17:30 → Thursday 12 (11 is Armistice).
    expect(nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-11-10T16:31:00Z'))).toEqual({ date: '2026-11-12', at: new Date('2026-11-12T16:30:00Z') });
    // Friday 13 November after the run → Monday 16.
    expect(nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-11-13T17:00:00Z'))?.date).toBe('2026-11-16');
    // Before the time, the same day.
    expect(nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-11-13T08:00:00Z'))?.date).toBe('2026-11-13');
    // Easter Monday and Ascension Thursday.
    expect(nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-04-03T17:00:00Z'))?.date).toBe('2026-04-07');
    expect(nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-05-13T17:00:00Z'))?.date).toBe('2026-05-15');
  });

  it('keeps 17:30 local time across the March change (UTC+1 → UTC+2)', () => {
    const friday = nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-03-27T08:00:00Z'));
    expect(iso(friday?.at)).toBe('2026-03-27T16:30:00.000Z');
    const monday = nextRun(weekdays, 'Europe/Paris', '17:30', friday!.at);
    expect(monday).toEqual({ date: '2026-03-30', at: new Date('2026-03-30T15:30:00.000Z') });
  });

  it('keeps 17:30 local time across the October change (UTC+2 → UTC+1)', () => {
    const friday = nextRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-10-23T08:00:00Z'));
    expect(iso(friday?.at)).toBe('2026-10-23T15:30:00.000Z');
    const monday = nextRun(weekdays, 'Europe/Paris', '17:30', friday!.at);
    expect(monday).toEqual({ date: '2026-10-26', at: new Date('2026-10-26T16:30:00.000Z') });
  });

  it('runs exactly once on the days of the change, even at a time that is skipped or repeated', () => {
    // 29 March 2026: 02:30 does not exist in Paris; the run moves to 03:30 summer time.
    expect(iso(localInstant('2026-03-29', '02:30', 'Europe/Paris'))).toBe('2026-03-29T01:30:00.000Z');
    const spring = nextRun(everyDay, 'Europe/Paris', '02:30', new Date('2026-03-28T12:00:00Z'));
    expect(spring?.date).toBe('2026-03-29');
    expect(nextRun(everyDay, 'Europe/Paris', '02:30', spring!.at)?.date).toBe('2026-03-30');
    // 25 October 2026: 02:30 happens twice; one run only, then the next day.
    const autumn = nextRun(everyDay, 'Europe/Paris', '02:30', new Date('2026-10-24T12:00:00Z'));
    expect(autumn?.date).toBe('2026-10-25');
    expect(nextRun(everyDay, 'Europe/Paris', '02:30', autumn!.at)?.date).toBe('2026-10-26');
    expect(nextRun(everyDay, 'Europe/Paris', '02:30', new Date(autumn!.at.getTime() + 3_600_000))?.date).toBe('2026-10-26');
  });

  it('finds the run just passed and the week bounds', () => {
    expect(previousRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-11-16T08:00:00Z'))?.date).toBe('2026-11-13');
    expect(previousRun(weekdays, 'Europe/Paris', '17:30', new Date('2026-11-16T16:30:00Z'))?.date).toBe('2026-11-16');
    expect(isoWeekOf('2026-11-04')).toEqual({ from: '2026-11-02', to: '2026-11-08', key: '2026-W45' });
    expect(lastWorkingDayOfWeek(weekdays, '2026-11-04')).toBe('2026-11-06');
    expect(lastWorkingDayOfWeek({ workingDays: [1, 2, 3] }, '2026-11-09')).toBe('2026-11-10');
  });

  it('works in another timezone', () => {
    expect(nextRun(weekdays, 'America/Cayenne', '17:30', new Date('2026-11-02T12:00:00Z'))?.at).toEqual(new Date('2026-11-02T20:30:00Z'));
  });
});
