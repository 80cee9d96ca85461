import { type IsoDate, isIsoDate, shanghaiDate, shanghaiMidnight } from '../domain/dates';

export interface Clock {
  now(): Date;
  today(): IsoDate;
}

/**
 * Real time, optionally shifted by whole days so that the Shanghai date is `APP_TODAY`:
 * demos and tests pin the business date while durations (lockouts, session expiry) still elapse.
 */
export function createClock(appToday?: string): Clock {
  let shiftMs = 0;
  if (appToday) {
    if (!isIsoDate(appToday)) throw new Error(`APP_TODAY must be YYYY-MM-DD, got "${appToday}"`);
    const real = new Date();
    shiftMs = shanghaiMidnight(appToday).getTime() - shanghaiMidnight(shanghaiDate(real)).getTime();
  }
  const now = () => new Date(Date.now() + shiftMs);
  return { now, today: () => shanghaiDate(now()) };
}
