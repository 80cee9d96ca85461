import { z } from 'zod';
import type { BusinessCalendar } from './calendar';
import type { IsoDate } from './dates';
import { BUDGET_LEVELS } from './master-data';
import { instant, isoDate } from './schemas';

// 缴库 remittance of collections to the treasury; 入库 treasury entry; 占压 holding funds late
export const REMITTANCE_STATUSES = ['pending', 'on_time', 'late', 'overdue'] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];

/** Working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysAfter(from: IsoDate, to: IsoDate, cal: BusinessCalendar): number {
  let n = 0;
  for (let d = cal.nextWorkingDay(from); d <= to; d = cal.nextWorkingDay(d)) n++;
  return n;
}

const calendarDaysBetween = (from: IsoDate, to: IsoDate) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface Obligation {
  dueDate: IsoDate;
  amountFen: number;
  remittedFen: number;
  /** Business date on which the obligation was fully remitted, or of the last partial transfer. */
  remittedOn: IsoDate | null;
}

/**
 * The state of one obligation on `today`: fully remitted by the due date → on time; fully remitted
 * later → late by the working days after the due date; not fully remitted and past due → overdue.
 */
export function remittanceStatus(
  o: Obligation,
  today: IsoDate,
  cal: BusinessCalendar,
): { status: RemittanceStatus; workingDaysLate: number; heldFenDays: number } {
  if (o.remittedFen >= o.amountFen && o.remittedOn) {
    if (o.remittedOn <= o.dueDate) return { status: 'on_time', workingDaysLate: 0, heldFenDays: 0 };
    return {
      status: 'late',
      workingDaysLate: workingDaysAfter(o.dueDate, o.remittedOn, cal),
      heldFenDays: o.amountFen * calendarDaysBetween(o.dueDate, o.remittedOn),
    };
  }
  if (today > o.dueDate)
    return {
      status: 'overdue',
      workingDaysLate: workingDaysAfter(o.dueDate, today, cal),
      heldFenDays: (o.amountFen - o.remittedFen) * calendarDaysBetween(o.dueDate, today),
    };
  return { status: 'pending', workingDaysLate: 0, heldFenDays: 0 };
}

export interface TimelinessRow {
  status: RemittanceStatus;
  amountFen: number;
  remittedFen: number;
  workingDaysLate: number;
  heldFenDays: number;
}

/**
 * A bank's KPI over obligations due in a period. Pending ones (not yet due) are left out; the
 * average delay is over all counted obligations (on time counts as 0), the worst is the maximum.
 */
export function timelinessKpi(rows: TimelinessRow[]) {
  const counted = rows.filter((r) => r.status !== 'pending');
  const onTimeCount = counted.filter((r) => r.status === 'on_time').length;
  const delays = counted.map((r) => r.workingDaysLate);
  return {
    count: counted.length,
    onTimeCount,
    onTimeRate: counted.length ? onTimeCount / counted.length : 0,
    overdueAmountFen: counted
      .filter((r) => r.status === 'overdue')
      .reduce((s, r) => s + (r.amountFen - r.remittedFen), 0),
    heldFenDays: counted.reduce((s, r) => s + r.heldFenDays, 0),
    avgDelayWorkingDays: counted.length ? delays.reduce((s, d) => s + d, 0) / counted.length : 0,
    worstDelayWorkingDays: delays.length ? Math.max(...delays) : 0,
  };
}

export const ENTRY_FEEDBACK_TYPES = [
  'entered',
  'entered_late',
  'partial',
  'missing',
  'wrong_subject_level',
] as const;
export type EntryFeedbackType = (typeof ENTRY_FEEDBACK_TYPES)[number];

export interface ExpectedEntry {
  budgetSubjectCode: string;
  budgetLevel: string;
  amountFen: number;
}
export interface TreasuryEntryLine {
  entryDate: IsoDate;
  budgetSubjectCode: string;
  budgetLevel: string;
  amountFen: number;
}

/**
 * 入库反馈 for one transfer: the treasury should enter it on the day it arrives (the next working day
 * when it arrives on a day off). Null while that day has not passed and nothing is entered yet.
 */
export function entryFeedback(
  transfer: { businessDate: IsoDate; expected: ExpectedEntry[] },
  entries: TreasuryEntryLine[],
  today: IsoDate,
  cal: BusinessCalendar,
): { type: EntryFeedbackType; expectedFen: number; enteredFen: number } | null {
  const expectedFen = transfer.expected.reduce((s, e) => s + e.amountFen, 0);
  const enteredFen = entries.reduce((s, e) => s + e.amountFen, 0);
  const entryDue = cal.isWorkingDay(transfer.businessDate)
    ? transfer.businessDate
    : cal.nextWorkingDay(transfer.businessDate);
  const result = (type: EntryFeedbackType) => ({ type, expectedFen, enteredFen });
  if (entries.length === 0) return today > entryDue ? result('missing') : null;
  const key = (e: { budgetSubjectCode: string; budgetLevel: string }) =>
    `${e.budgetSubjectCode}|${e.budgetLevel}`;
  const wanted = new Map(transfer.expected.map((e) => [key(e), e.amountFen]));
  if (entries.some((e) => !wanted.has(key(e)))) return result('wrong_subject_level');
  if (enteredFen < expectedFen) return result('partial');
  if (entries.some((e) => e.entryDate > entryDue)) return result('entered_late');
  return result('entered');
}

export const timelinessQuerySchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  bankId: z.string().optional(),
});

export const treasuryEntryInputSchema = z.strictObject({
  treasuryId: z.number().int().positive(),
  entryDate: isoDate,
  amountFen: z.number().int().positive().max(1e13),
  budgetSubjectCode: z.string().regex(/^\d{9}(\d{3})?$/, { message: 'budget_subject_code' }),
  budgetLevel: z.enum(BUDGET_LEVELS),
  transferReference: z.string().trim().min(4).max(64),
});
export type TreasuryEntryInput = z.infer<typeof treasuryEntryInputSchema>;

export const remittancePushSchema = z.strictObject({
  reference: z.string().regex(/^[\w-]{4,64}$/, { message: 'reference_format' }),
  amountFen: z.number().int().positive().max(1e13),
  transferredAt: instant,
  bankTxnIds: z.array(z.string().min(1).max(64)).min(1).max(20_000),
});
