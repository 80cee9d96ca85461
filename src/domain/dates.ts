/** 'YYYY-MM-DD' business date in Asia/Shanghai. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

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
  // setUTCFullYear, not Date.UTC: the latter reads years 0–99 as 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO-8601 instant with an offset whose every part is real. `Date.parse` rolls impossible values
 * over silently (02-30 becomes 03-02, 24:00 the next day), so each part is checked on its own.
 */
export function isRealInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m;
  return (
    isIsoDate(`${y}-${mo}-${d}`) &&
    Number(h) <= 23 &&
    Number(mi) <= 59 &&
    Number(s ?? 0) <= 59 &&
    Number(oh ?? 0) <= 14 &&
    Number(om ?? 0) <= 59
  );
}

/**
 * Whether something that has already happened (a payment, a transfer) at `instant` is believable
 * today: not more than `pastDays` ago, and not later than a day ahead (clocks of other systems drift).
 */
export function isPlausibleEventTime(instant: Date, now: Date, pastDays: number): boolean {
  const t = instant.getTime();
  return t >= now.getTime() - pastDays * DAY_MS && t <= now.getTime() + DAY_MS;
}

function toUtcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new InvalidDateError(date);
  return Date.parse(`${date}T00:00:00Z`);
}

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
