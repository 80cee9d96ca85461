import { z } from 'zod';
import type { BusinessCalendar } from './calendar';
import { addCalendarDays, type IsoDate } from './dates';
import { isoDate } from './schemas';

// 对账 three-way reconciliation of platform records, bank collections and statements, transfers and entries
export const DISCREPANCY_TYPES = [
  'bank_not_platform',
  'platform_not_bank',
  'amount_mismatch',
  'collected_not_remitted',
  'remitted_not_entered',
  'wrong_subject_level',
  'duplicate',
  'refund_without_voucher',
] as const;
export type DiscrepancyType = (typeof DISCREPANCY_TYPES)[number];

export const DISCREPANCY_STATES = ['open', 'explained', 'resolved'] as const;
export type DiscrepancyState = (typeof DISCREPANCY_STATES)[number];

/** Who answers a discrepancy: the bank for what its records say, the treasury for entries, finance otherwise. */
export const DISCREPANCY_OWNER: Record<DiscrepancyType, 'bank' | 'treasury' | 'finance'> = {
  bank_not_platform: 'bank',
  platform_not_bank: 'bank',
  amount_mismatch: 'bank',
  collected_not_remitted: 'bank',
  remitted_not_entered: 'treasury',
  wrong_subject_level: 'treasury',
  duplicate: 'finance',
  refund_without_voucher: 'bank',
};

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const reconciliationRunSchema = z
  .strictObject({
    periodType: z.enum(['day', 'month']),
    periodStart: isoDate,
    bankId: z.string().min(1).max(16).nullish(),
  })
  .refine((r) => r.periodType === 'day' || r.periodStart.endsWith('-01'), {
    message: 'month_first_day',
    path: ['periodStart'],
  });

/** The days a run covers: one, or every day of the month. */
export function periodDays(periodType: 'day' | 'month', periodStart: IsoDate): IsoDate[] {
  if (periodType === 'day') return [periodStart];
  const days: IsoDate[] = [];
  for (let d = periodStart; d.slice(0, 7) === periodStart.slice(0, 7); d = addCalendarDays(d, 1))
    days.push(d);
  return days;
}

/**
 * The monthly timetable (DOMAIN.md §5, seed 002 art.10): the treasury's table within 3 days after
 * month end, each unit's confirmation within 2 days of receiving it, the monthly report within 5
 * days; a deadline on a day off moves to the next working day.
 */
export function monthlyTimetable(month: string, cal: BusinessCalendar) {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const monthEnd = addCalendarDays(next, -1);
  const roll = (d: IsoDate) => (cal.isWorkingDay(d) ? d : cal.nextWorkingDay(d));
  const treasuryTable = roll(addCalendarDays(monthEnd, 3));
  return {
    monthEnd,
    treasuryTable,
    unitConfirmation: roll(addCalendarDays(treasuryTable, 2)),
    monthlyReport: roll(addCalendarDays(monthEnd, 5)),
  };
}

export const SIGNOFF_ROLES = ['finance', 'police', 'bank'] as const;
export const signoffSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  bankId: z.string().min(1).max(16),
});
export const reopenSchema = signoffSchema.extend({ reason: z.string().trim().min(1).max(500) });
