import { addCalendarDays, InvalidDateError, type IsoDate, isIsoDate } from './dates';
import { DomainInputError } from './errors';

// 节假日安排 official holiday arrangement: days off (HOLIDAY) and weekend days worked (ADJUSTED_WORKDAY, 调休上班)
export type CalendarKind = 'HOLIDAY' | 'ADJUSTED_WORKDAY';
export interface CalendarEntry {
  date: IsoDate;
  kind: CalendarKind;
}

export interface BusinessCalendar {
  isWorkingDay(d: IsoDate): boolean;
  /** First working day strictly after d. */
  nextWorkingDay(d: IsoDate): IsoDate;
  /** The n-th working day strictly after d; n >= 1. */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  readonly years: readonly number[];
}

/** A date computation reached a year whose official calendar is not loaded: never guess. */
export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`No holiday calendar is loaded for ${year}; import the State Council's ${year} arrangement first`);
    this.name = 'CalendarMissingError';
  }
}

const yearOf = (d: IsoDate) => Number(d.slice(0, 4));

export function createCalendar(opts: { years: number[]; entries: CalendarEntry[] }): BusinessCalendar {
  const years = new Set(opts.years);
  const kinds = new Map<IsoDate, CalendarKind>();
  for (const e of opts.entries) {
    if (!isIsoDate(e.date)) throw new InvalidDateError(e.date);
    if (!years.has(yearOf(e.date)))
      throw new DomainInputError(
        'date',
        `Entry ${e.date} is outside the loaded years`,
        'outside_loaded_years',
        {
          date: e.date,
        },
      );
    kinds.set(e.date, e.kind);
  }

  function isWorkingDay(d: IsoDate): boolean {
    if (!isIsoDate(d)) throw new InvalidDateError(d);
    if (!years.has(yearOf(d))) throw new CalendarMissingError(yearOf(d));
    const kind = kinds.get(d);
    if (kind === 'HOLIDAY') return false;
    if (kind === 'ADJUSTED_WORKDAY') return true;
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  function nextWorkingDay(d: IsoDate): IsoDate {
    let day = addCalendarDays(d, 1);
    while (!isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  function addWorkingDays(d: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1)
      throw new DomainInputError('n', `Working days to add must be an integer >= 1, got ${n}`, 'too_small', {
        min: 1,
      });
    let day = d;
    for (let i = 0; i < n; i++) day = nextWorkingDay(day);
    return day;
  }

  return { isWorkingDay, nextWorkingDay, addWorkingDays, years: [...years].sort() };
}

/**
 * The last working day strictly before d: Saturdays, Sundays and holidays are skipped, adjusted working
 * Saturdays and Sundays (调休上班) count. Throws CalendarMissingError when it reaches a year not loaded.
 */
export function previousWorkingDay(cal: Pick<BusinessCalendar, 'isWorkingDay'>, d: IsoDate): IsoDate {
  let day = addCalendarDays(d, -1);
  while (!cal.isWorkingDay(day)) day = addCalendarDays(day, -1);
  return day;
}

/** Throws CalendarMissingError for the first year in [from, to] that is not loaded. */
export function assertYearsLoaded(cal: BusinessCalendar, from: IsoDate, to: IsoDate): void {
  for (let y = yearOf(from); y <= yearOf(to); y++)
    if (!cal.years.includes(y)) throw new CalendarMissingError(y);
}
