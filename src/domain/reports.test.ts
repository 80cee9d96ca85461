import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { allocateEntered, monthRange, monthsBetween, workingDaysLate } from './reports';

describe('reports', () => {
  it('month ranges and month lists', () => {
    expect(monthRange('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthRange('2024-12')).toEqual({ first: '2024-12-01', last: '2024-12-31' });
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('working days late count the working days after the deadline up to the day', () => {
    // 2026-10-01..07 National Day holidays; 2026-10-10 (Saturday) a worked day.
    const cal = createCalendar({
      years: [2026],
      entries: [
        ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
          date: `2026-10-${d}`,
          kind: 'HOLIDAY' as const,
        })),
        { date: '2026-10-10', kind: 'ADJUSTED_WORKDAY' },
      ],
    });
    expect(workingDaysLate('2026-09-30', '2026-09-30', cal)).toBe(0);
    expect(workingDaysLate('2026-09-30', '2026-09-29', cal)).toBe(0);
    expect(workingDaysLate('2026-09-30', '2026-10-08', cal)).toBe(1);
    expect(workingDaysLate('2026-09-30', '2026-10-12', cal)).toBe(4);
  });

  it('allocates entered amounts per transfer, subject and level, in id order, never beyond a collection', () => {
    const c = (
      id: number,
      amountFen: number,
      ref: string | null,
      subject = '103050101',
      level = 'provincial',
    ) => ({
      id,
      amountFen,
      budgetSubjectCode: subject,
      budgetLevel: level,
      transferReference: ref,
    });
    const entered = allocateEntered(
      [c(3, 500, 'T1'), c(1, 1000, 'T1'), c(2, 700, 'T1', '103050102'), c(4, 900, null), c(5, 300, 'T2')],
      [
        {
          transferReference: 'T1',
          budgetSubjectCode: '103050101',
          budgetLevel: 'provincial',
          amountFen: 1200,
        },
        // Entered to the wrong level: covers nothing of T2's provincial collection.
        { transferReference: 'T2', budgetSubjectCode: '103050101', budgetLevel: 'city', amountFen: 300 },
      ],
    );
    expect(Object.fromEntries(entered)).toEqual({ 1: 1000, 2: 0, 3: 200, 4: 0, 5: 0 });
  });
});
