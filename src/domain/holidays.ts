import type { CalendarEntry } from './calendar';
import { addCalendarDays } from './dates';

// The State Council's official arrangements (DOMAIN.md §2). 2027 is published late in 2026 and must be imported.
const range = (from: string, to: string) => {
  const days: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.push(d);
  return days;
};

const off = (...spans: [string, string?][]) => spans.flatMap(([a, b]) => range(a, b ?? a));

export const OFFICIAL_CALENDARS: Record<number, { holidays: string[]; adjustedWorkdays: string[] }> = {
  2025: {
    holidays: off(
      ['2025-01-01'],
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-06'],
      ['2025-05-01', '2025-05-05'],
      ['2025-05-31', '2025-06-02'],
      ['2025-10-01', '2025-10-08'],
    ),
    adjustedWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: off(
      ['2026-01-01', '2026-01-03'],
      ['2026-02-15', '2026-02-23'],
      ['2026-04-04', '2026-04-06'],
      ['2026-05-01', '2026-05-05'],
      ['2026-06-19', '2026-06-21'],
      ['2026-09-25', '2026-09-27'],
      ['2026-10-01', '2026-10-07'],
    ),
    adjustedWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

export function officialEntries(year: number): CalendarEntry[] {
  const c = OFFICIAL_CALENDARS[year];
  if (!c) return [];
  return [
    ...c.holidays.map((date) => ({ date, kind: 'HOLIDAY' as const })),
    ...c.adjustedWorkdays.map((date) => ({ date, kind: 'ADJUSTED_WORKDAY' as const })),
  ];
}
