import { z } from 'zod';
import type { BusinessCalendar } from './calendar';
import { addCalendarDays, type IsoDate } from './dates';

// 月报表 and the treasury's monthly 对账表 (DOMAIN.md §5, seed 002 art.10)

export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month');

/** The first and last calendar day of `YYYY-MM`. */
/** The month before the one `today` falls in: what monthly pages open on and their exports default to. */
export function lastMonth(today: IsoDate): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function monthRange(month: string): { first: IsoDate; last: IsoDate } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first: `${month}-01`, last: addCalendarDays(next, -1) };
}

/** Every month from `from` to `to` inclusive (both `YYYY-MM`); empty when `from` is after `to`. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  while (`${y}-${String(m).padStart(2, '0')}` <= to) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      y += 1;
      m = 1;
    }
  }
  return out;
}

/**
 * Working days between a deadline and the day it was met (or today when it is not yet): 0 when on
 * time, otherwise the number of working days after the deadline up to and including that day.
 */
export function workingDaysLate(due: IsoDate, doneOrToday: IsoDate, cal: BusinessCalendar): number {
  let n = 0;
  for (let d = addCalendarDays(due, 1); d <= doneOrToday; d = addCalendarDays(d, 1))
    if (cal.isWorkingDay(d)) n += 1;
  return n;
}

/** A 对账表 is produced by the treasury, then its unit confirms it or disputes it with a note. */
export const STATEMENT_STATUSES = ['produced', 'confirmed', 'disputed'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

export const statementDisputeSchema = z.strictObject({ note: z.string().trim().min(1).max(1000) });
export const statementProduceSchema = z.strictObject({ month: monthString });

/** Whether the unit may still answer: only a produced (not yet answered) statement. */
export function statementRefusal(status: string | undefined): 'wrong_state' | null {
  return status === undefined || status === 'produced' ? null : 'wrong_state';
}

export interface StatementCollection {
  id: number;
  amountFen: number;
  budgetSubjectCode: string | null;
  budgetLevel: string | null;
  /** The transfer that remitted it (its reference), when remitted. */
  transferReference: string | null;
}

export interface EntryAmount {
  transferReference: string;
  budgetSubjectCode: string;
  budgetLevel: string;
  amountFen: number;
}

/**
 * How much of each collection was entered into the treasury: per transfer and budget subject and
 * level, the entered amount covers that transfer's collections of the same subject and level in id
 * order, each up to its amount (a short entry leaves the later ones partly or not entered; an
 * entry to another subject or level covers none). Integer fen, deterministic.
 */
export function allocateEntered(
  collections: readonly StatementCollection[],
  entries: readonly EntryAmount[],
): Map<number, number> {
  const key = (ref: string, subject: string | null, level: string | null) =>
    `${ref}\u0000${subject}\u0000${level}`;
  const budget = new Map<string, number>();
  for (const e of entries) {
    const k = key(e.transferReference, e.budgetSubjectCode, e.budgetLevel);
    budget.set(k, (budget.get(k) ?? 0) + e.amountFen);
  }
  const out = new Map<number, number>();
  for (const c of [...collections].sort((a, b) => a.id - b.id)) {
    if (!c.transferReference) {
      out.set(c.id, 0);
      continue;
    }
    const k = key(c.transferReference, c.budgetSubjectCode, c.budgetLevel);
    const left = budget.get(k) ?? 0;
    const entered = Math.max(0, Math.min(c.amountFen, left));
    budget.set(k, left - entered);
    out.set(c.id, entered);
  }
  return out;
}
