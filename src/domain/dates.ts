/** 'YYYY-MM-DD' business date in Asia/Shanghai. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class InvalidDateError extends Error {
  constructor(value: string) {
    super(`Invalid date "${value}": expected a real calendar date as YYYY-MM-DD`);
    this.name = 'InvalidDateError';
  }
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new InvalidDateError(date);
  return Date.parse(`${date}T00:00:00Z`);
}

const DAY_MS = 86_400_000;

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / DAY_MS);
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has had no daylight saving time since 1991

/** The Asia/Shanghai business date of an instant, whatever the machine's time zone. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai business date begins. */
export function shanghaiMidnight(date: IsoDate): Date {
  return new Date(toUtcMidnight(date) - SHANGHAI_OFFSET_MS);
}
