import { assertYearsLoaded, type BusinessCalendar } from './calendar';
import {
  addCalendarDays,
  InvalidDateError,
  type IsoDate,
  isIsoDate,
  isRealInstant,
  shanghaiDate,
} from './dates';
import { DomainInputError } from './errors';

/** Days to pay after service 送达; the day of service is not counted (Administrative Penalty Law art.72). */
export const PAYMENT_DAYS = 15;
/** 加处罚款 late fee: 3% of the fine per day, capped at the fine. */
export const LATE_FEE_PERCENT_PER_DAY = 3;

function checkDate(_field: string, d: IsoDate): void {
  if (!isIsoDate(d)) throw new InvalidDateError(d);
}

export interface DeadlineExplanation {
  deadline: IsoDate;
  fifteenthDay: IsoDate;
  /** Days off the deadline moved across (empty when the 15th day is a working day). */
  movedOver: IsoDate[];
}

export function explainDeadline(servedOn: IsoDate, cal: BusinessCalendar): DeadlineExplanation {
  checkDate('servedOn', servedOn);
  const fifteenthDay = addCalendarDays(servedOn, PAYMENT_DAYS);
  assertYearsLoaded(cal, servedOn, fifteenthDay);
  if (cal.isWorkingDay(fifteenthDay)) return { deadline: fifteenthDay, fifteenthDay, movedOver: [] };
  const deadline = cal.nextWorkingDay(fifteenthDay);
  const movedOver: IsoDate[] = [];
  for (let d = fifteenthDay; d < deadline; d = addCalendarDays(d, 1)) movedOver.push(d);
  return { deadline, fifteenthDay, movedOver };
}

/** Last day to pay without a late fee: the 15th day after service, moved to the next working day if it is a day off. */
export const paymentDeadline = (servedOn: IsoDate, cal: BusinessCalendar): IsoDate =>
  explainDeadline(servedOn, cal).deadline;

export interface Suspension {
  from: IsoDate;
  to: IsoDate;
}

export interface LateFeeExplanation extends DeadlineExplanation {
  lateDays: number;
  suspendedDays: number;
  feeFen: number;
  capped: boolean;
}

export function explainLateFee(
  fineFen: number,
  servedOn: IsoDate,
  paidOn: IsoDate,
  cal: BusinessCalendar,
  suspensions: Suspension[] = [],
): LateFeeExplanation {
  if (!Number.isSafeInteger(fineFen) || fineFen <= 0)
    throw new DomainInputError(
      'fineFen',
      `The fine must be a positive whole number of fen, got ${fineFen}`,
      'fine_positive',
    );
  checkDate('servedOn', servedOn);
  checkDate('paidOn', paidOn);
  if (paidOn < servedOn)
    throw new DomainInputError(
      'paidOn',
      `Payment date ${paidOn} is before the service date ${servedOn}`,
      'paid_before_served',
      { paidOn, servedOn },
    );
  for (const s of suspensions) {
    checkDate('suspensions.from', s.from);
    checkDate('suspensions.to', s.to);
    if (s.to < s.from)
      throw new DomainInputError(
        'suspensions',
        `Suspension ${s.from}…${s.to} ends before it starts`,
        'end_before_start',
      );
  }
  const fifteenth = addCalendarDays(servedOn, PAYMENT_DAYS);
  assertYearsLoaded(cal, servedOn, paidOn > fifteenth ? paidOn : fifteenth);
  const explanation = explainDeadline(servedOn, cal);
  assertYearsLoaded(cal, servedOn, paidOn > explanation.deadline ? paidOn : explanation.deadline);

  let lateDays = 0;
  let suspendedDays = 0;
  for (let d = addCalendarDays(explanation.deadline, 1); d <= paidOn; d = addCalendarDays(d, 1)) {
    if (suspensions.some((s) => s.from <= d && d <= s.to)) suspendedDays++;
    else lateDays++;
  }
  // Round half up to the fen in integers: fine × 3 × days / 100.
  const raw = Math.floor((fineFen * LATE_FEE_PERCENT_PER_DAY * Math.min(lateDays, 100) + 50) / 100);
  const feeFen = Math.min(raw, fineFen);
  return { ...explanation, lateDays, suspendedDays, feeFen, capped: raw > fineFen };
}

export const lateFeeFen = (
  fineFen: number,
  servedOn: IsoDate,
  paidOn: IsoDate,
  cal: BusinessCalendar,
  suspensions?: Suspension[],
): number => explainLateFee(fineFen, servedOn, paidOn, cal, suspensions).feeFen;

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * 缴库 remittance due date: the same working day if collected before the agreement's cut-off (Asia/Shanghai),
 * otherwise — at or after the cut-off, or on a day off — the next working day.
 */
export function remittanceDueDate(collectedAt: string, cutoff: string, cal: BusinessCalendar): IsoDate {
  if (!isRealInstant(collectedAt))
    throw new DomainInputError(
      'collectedAt',
      `collectedAt must be an ISO-8601 instant with an offset, got "${collectedAt}"`,
      'instant_with_offset',
    );
  const m = CUTOFF.exec(cutoff);
  if (!m) throw new DomainInputError('cutoff', `cutoff must be HH:mm, got "${cutoff}"`, 'time_hhmm');
  const instant = new Date(collectedAt);
  const day = shanghaiDate(instant);
  const local = new Date(instant.getTime() + 8 * 3_600_000);
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  const cutoffMinutes = Number(m[1]) * 60 + Number(m[2]);
  if (cal.isWorkingDay(day) && minutes < cutoffMinutes) return day;
  return cal.nextWorkingDay(day);
}
