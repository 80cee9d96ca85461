import { describe, expect, it } from 'vitest';
import { createCalendar, previousWorkingDay } from './calendar';
import { officialEntries } from './holidays';
import { type TimelinessPreset, timelinessPresetRange } from './timeliness';

const cal = createCalendar({
  years: [2025, 2026],
  entries: [...officialEntries(2025), ...officialEntries(2026)],
});

describe('previousWorkingDay (the 昨日 of the treasury)', () => {
  it.each([
    ['2026-03-16', '2026-03-13', 'a Monday: the Friday before'],
    ['2026-03-17', '2026-03-16', 'a Tuesday: Monday'],
    [
      '2026-02-24',
      '2026-02-14',
      'the day after the Spring Festival (02-15…02-23): the adjusted working Saturday 02-14',
    ],
    ['2026-02-14', '2026-02-13', 'an adjusted working Saturday: the Friday before'],
    ['2026-03-02', '2026-02-28', 'a Monday after an adjusted working Saturday (02-28): that Saturday'],
    ['2026-10-08', '2026-09-30', 'the day after National Day (10-01…10-07)'],
    ['2026-01-05', '2026-01-04', 'a Monday after the adjusted working Sunday 01-04'],
    ['2026-01-04', '2025-12-31', 'across the year: 01-01…01-03 are holidays'],
  ])('%s → %s (%s)', (today, expected) => {
    expect(previousWorkingDay(cal, today)).toBe(expected);
  });

  it('refuses to guess in a year whose calendar is not loaded', () => {
    expect(() => previousWorkingDay(cal, '2025-01-01')).toThrow(/2024/);
  });
});

describe('timeliness presets', () => {
  it.each<[TimelinessPreset, string, string | null, string, string]>([
    ['yesterday', '2026-03-16', '2026-03-13', '2026-03-13', '2026-03-13'],
    ['yesterday', '2026-03-16', null, '2026-03-15', '2026-03-15'],
    ['yesterday', '2026-01-01', null, '2025-12-31', '2025-12-31'],
    ['this_month', '2026-03-16', '2026-03-13', '2026-03-01', '2026-03-16'],
    ['this_month', '2026-03-01', null, '2026-03-01', '2026-03-01'],
    ['last_month', '2026-03-16', '2026-03-13', '2026-02-01', '2026-02-28'],
    ['last_month', '2028-03-31', null, '2028-02-01', '2028-02-29'],
    ['last_month', '2026-01-10', null, '2025-12-01', '2025-12-31'],
  ])('%s on %s (last working day %s) → %s … %s', (preset, today, lastWorkingDay, from, to) => {
    expect(timelinessPresetRange(preset, today, lastWorkingDay)).toEqual({ from, to });
  });
});
