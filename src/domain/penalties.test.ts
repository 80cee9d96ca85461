import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  CalendarMissingError,
  createCalendar,
  DomainInputError,
  explainLateFee,
  InvalidDateError,
  lateFeeFen,
  officialEntries,
  paymentDeadline,
  remittanceDueDate,
} from './index';

const cal = createCalendar({
  years: [2025, 2026],
  entries: [...officialEntries(2025), ...officialEntries(2026)],
});

describe('calendar', () => {
  it.each([
    ['2025-10-01', false, 'National Day holiday'],
    ['2025-09-28', true, 'Sunday, adjusted workday'],
    ['2025-09-27', false, 'Saturday'],
    ['2025-09-26', true, 'Friday'],
    ['2026-02-14', true, 'Saturday, adjusted workday'],
    ['2026-02-16', false, 'Spring Festival'],
  ])('isWorkingDay(%s) = %s (%s)', (d, working) => expect(cal.isWorkingDay(d)).toBe(working));

  it.each([
    ['2025-09-30', '2025-10-09'],
    ['2025-09-26', '2025-09-28'],
    ['2026-02-13', '2026-02-14'],
    ['2026-02-14', '2026-02-24'],
  ])('nextWorkingDay(%s) = %s', (d, next) => expect(cal.nextWorkingDay(d)).toBe(next));

  it('addWorkingDays counts working days strictly after', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-30', 2)).toBe('2025-10-10');
    expect(() => cal.addWorkingDays('2025-09-30', 0)).toThrow(DomainInputError);
    expect(() => cal.addWorkingDays('2025-09-30', 1.5)).toThrow(DomainInputError);
  });

  it('refuses to guess a year without a calendar', () => {
    expect(() => cal.isWorkingDay('2027-01-04')).toThrow(CalendarMissingError);
    expect(() => cal.nextWorkingDay('2026-12-31')).toThrow(CalendarMissingError);
    expect(() => cal.isWorkingDay('2024-12-31')).toThrow(/2024/);
  });

  it('refuses invalid dates', () => expect(() => cal.isWorkingDay('2025-02-30')).toThrow(InvalidDateError));
});

describe('payment deadline and late fee (DOMAIN.md §3)', () => {
  it.each([
    ['2025-03-03', '2025-03-18'],
    ['2025-09-20', '2025-10-09'],
  ])('served %s → deadline %s', (served, deadline) => expect(paymentDeadline(served, cal)).toBe(deadline));

  it.each([
    [20000, '2025-03-03', '2025-03-18', 0],
    [20000, '2025-03-03', '2025-03-20', 1200],
    [20000, '2025-03-03', '2025-04-22', 20000],
    [20000, '2025-09-20', '2025-10-10', 600],
    [20000, '2025-03-03', '2025-03-10', 0],
    [333, '2025-03-03', '2025-03-19', 10], // 9.99 fen rounds half up to 10
    [50, '2025-03-03', '2025-03-19', 2], // 1.5 fen rounds half up to 2
  ])('fine %i served %s paid %s → fee %i fen', (fine, served, paid, fee) =>
    expect(lateFeeFen(fine, served, paid, cal)).toBe(fee),
  );

  it('does not count days inside suspension periods (inclusive)', () => {
    const e = explainLateFee(20000, '2025-03-03', '2025-03-25', cal, [
      { from: '2025-03-20', to: '2025-03-22' },
    ]);
    expect(e).toMatchObject({ deadline: '2025-03-18', lateDays: 4, suspendedDays: 3, feeFen: 2400 });
  });

  it('explains which days off moved the deadline', () => {
    const e = explainLateFee(20000, '2025-09-20', '2025-10-10', cal);
    expect(e.fifteenthDay).toBe('2025-10-05');
    expect(e.movedOver).toEqual(['2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']);
  });

  it.each([
    [0, '2025-03-03', '2025-03-20', 'fineFen'],
    [-100, '2025-03-03', '2025-03-20', 'fineFen'],
    [10.5, '2025-03-03', '2025-03-20', 'fineFen'],
    [100, '2025-03-20', '2025-03-03', 'paidOn'],
  ])('refuses fine %s served %s paid %s (%s)', (fine, served, paid, field) => {
    expect(() => lateFeeFen(fine, served, paid, cal)).toThrow(DomainInputError);
    try {
      lateFeeFen(fine, served, paid, cal);
    } catch (e) {
      expect((e as DomainInputError).field).toBe(field);
    }
  });

  it('throws CalendarMissingError when the payment date reaches an unloaded year', () => {
    expect(() => lateFeeFen(20000, '2026-12-20', '2027-01-20', cal)).toThrow(CalendarMissingError);
    expect(() => paymentDeadline('2026-12-20', cal)).toThrow(CalendarMissingError);
  });

  const day = fc.integer({ min: 0, max: 600 }).map((n) => addCalendarDays('2025-01-01', n));
  it('property: the fee never exceeds the fine and never decreases as payment moves later', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        day,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (fine, served, wait, more) => {
          const paid = addCalendarDays(served, wait);
          const later = addCalendarDays(paid, more);
          if (later > '2026-12-31' || addCalendarDays(served, 30) > '2026-12-31') return;
          const a = lateFeeFen(fine, served, paid, cal);
          const b = lateFeeFen(fine, served, later, cal);
          expect(a).toBeLessThanOrEqual(fine);
          expect(b).toBeGreaterThanOrEqual(a);
          expect(Number.isInteger(a)).toBe(true);
        },
      ),
    );
  });

  it('property: nextWorkingDay is a working day strictly after its input', () => {
    fc.assert(
      fc.property(day, (d) => {
        const next = cal.nextWorkingDay(d);
        expect(next > d).toBe(true);
        expect(cal.isWorkingDay(next)).toBe(true);
        for (let x = addCalendarDays(d, 1); x < next; x = addCalendarDays(x, 1))
          expect(cal.isWorkingDay(x)).toBe(false);
      }),
    );
  });
});

describe('remittance due date (DOMAIN.md §4)', () => {
  it.each([
    ['2025-09-26T16:00:00+08:00', '15:30', '2025-09-28', 'Friday after cut-off → Sunday adjusted workday'],
    ['2025-09-30T16:00:00+08:00', '15:30', '2025-10-09', 'after cut-off before National Day'],
    ['2025-09-26T15:29:59+08:00', '15:30', '2025-09-26', 'before cut-off → same day'],
    ['2025-09-26T15:30:00+08:00', '15:30', '2025-09-28', 'at the cut-off → next working day'],
    ['2025-09-26T07:00:00Z', '15:30', '2025-09-26', '15:00 in Shanghai'],
    ['2025-09-26T08:00:00Z', '15:30', '2025-09-28', '16:00 in Shanghai'],
    ['2025-09-25T16:30:00Z', '15:30', '2025-09-26', '00:30 on the 26th in Shanghai'],
    ['2025-10-03T10:00:00+08:00', '15:30', '2025-10-09', 'collected on a holiday'],
  ])('%s cut-off %s → %s (%s)', (at, cutoff, due) => expect(remittanceDueDate(at, cutoff, cal)).toBe(due));

  it.each([
    ['2025-09-26T16:00:00', '15:30'],
    ['2025-09-26 16:00+08:00', '15:30'],
    ['2025-09-26T16:00:00+08:00', '25:00'],
    ['2025-09-26T16:00:00+08:00', '9:30'],
  ])('refuses %s / %s', (at, cutoff) =>
    expect(() => remittanceDueDate(at, cutoff, cal)).toThrow(DomainInputError),
  );
});
