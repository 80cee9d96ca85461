import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar';
import { officialEntries } from './holidays';
import { entryFeedback, remittanceStatus, timelinessKpi, workingDaysAfter } from './remittances';

const cal = createCalendar({
  years: [2025, 2026],
  entries: [...officialEntries(2025), ...officialEntries(2026)],
});

describe('workingDaysAfter', () => {
  it.each([
    ['2025-09-26', '2025-09-26', 0],
    ['2025-09-26', '2025-09-28', 1], // Sunday 28 September 2025 is an adjusted workday
    ['2025-09-30', '2025-10-09', 1], // National Day: 1–8 October off
    ['2025-09-30', '2025-10-10', 2],
    ['2026-03-13', '2026-03-16', 1], // Friday → Monday
  ])('%s → %s: %i', (from, to, n) => {
    expect(workingDaysAfter(from, to, cal)).toBe(n);
  });
});

describe('remittanceStatus (DOMAIN.md §4)', () => {
  const o = { dueDate: '2025-09-30', amountFen: 100_000, remittedFen: 0, remittedOn: null };
  it.each([
    ['not due yet', o, '2025-09-30', { status: 'pending', workingDaysLate: 0, heldFenDays: 0 }],
    [
      'remitted on the due date',
      { ...o, remittedFen: 100_000, remittedOn: '2025-09-30' },
      '2025-10-20',
      { status: 'on_time', workingDaysLate: 0, heldFenDays: 0 },
    ],
    [
      'remitted after the holiday: one working day late, held 9 calendar days',
      { ...o, remittedFen: 100_000, remittedOn: '2025-10-09' },
      '2025-10-20',
      { status: 'late', workingDaysLate: 1, heldFenDays: 900_000 },
    ],
    [
      'half remitted and past due: overdue on the rest',
      { ...o, remittedFen: 50_000, remittedOn: '2025-09-30' },
      '2025-10-10',
      { status: 'overdue', workingDaysLate: 2, heldFenDays: 500_000 },
    ],
  ] as const)('%s', (_n, obligation, today, expected) => {
    expect(remittanceStatus(obligation, today, cal)).toEqual(expected);
  });
});

describe('timelinessKpi', () => {
  it('leaves pending out, averages delays over all counted, sums overdue and held money', () => {
    const kpi = timelinessKpi([
      { status: 'on_time', amountFen: 100, remittedFen: 100, workingDaysLate: 0, heldFenDays: 0 },
      { status: 'late', amountFen: 200, remittedFen: 200, workingDaysLate: 2, heldFenDays: 800 },
      { status: 'overdue', amountFen: 300, remittedFen: 100, workingDaysLate: 4, heldFenDays: 1_000 },
      { status: 'pending', amountFen: 999, remittedFen: 0, workingDaysLate: 0, heldFenDays: 0 },
    ]);
    expect(kpi).toEqual({
      count: 3,
      onTimeCount: 1,
      onTimeRate: 1 / 3,
      overdueAmountFen: 200,
      heldFenDays: 1_800,
      avgDelayWorkingDays: 2,
      worstDelayWorkingDays: 4,
    });
    expect(timelinessKpi([]).onTimeRate).toBe(0);
  });
});

describe('entryFeedback 入库反馈', () => {
  const expected = [{ budgetSubjectCode: '103050101', budgetLevel: 'provincial', amountFen: 30_000 }];
  const transfer = { businessDate: '2026-03-13', expected };
  const entry = {
    entryDate: '2026-03-13',
    budgetSubjectCode: '103050101',
    budgetLevel: 'provincial',
    amountFen: 30_000,
  };
  it.each([
    ['entered the same day', [entry], '2026-03-16', 'entered'],
    ['entered after the day', [{ ...entry, entryDate: '2026-03-16' }], '2026-03-16', 'entered_late'],
    ['less than sent', [{ ...entry, amountFen: 20_000 }], '2026-03-16', 'partial'],
    ['wrong level (混库)', [{ ...entry, budgetLevel: 'city' }], '2026-03-16', 'wrong_subject_level'],
    ['nothing after the day', [], '2026-03-16', 'missing'],
    ['nothing yet on the day', [], '2026-03-13', null],
  ] as const)('%s → %s', (_n, entries, today, type) => {
    expect(entryFeedback(transfer, [...entries], today, cal)?.type ?? null).toBe(type);
  });
  it('a transfer on a day off is due on the next working day', () => {
    const saturday = { businessDate: '2026-03-14', expected };
    expect(entryFeedback(saturday, [{ ...entry, entryDate: '2026-03-16' }], '2026-03-17', cal)?.type).toBe(
      'entered',
    );
  });
});
