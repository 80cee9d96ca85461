import { addCalendarDays, isPlausibleEventTime } from '../../domain/dates';
import type { AppContext } from '../context';
import { badRequest } from './errors';

/**
 * 400 unless a pushed time of something that already happened lies in the plausible window
 * (`PLAUSIBLE_PAST_DAYS` back, a day ahead): a payment dated year 1 or 9999 is a sender's bug, and
 * once stored it would poison every date computation that reads it.
 */
export function assertPlausibleEventTime(ctx: AppContext, field: string, value: string): void {
  const now = ctx.clock.now();
  if (isPlausibleEventTime(new Date(value), now, ctx.config.plausiblePastDays)) return;
  const today = ctx.clock.today();
  const params = {
    from: addCalendarDays(today, -ctx.config.plausiblePastDays),
    to: addCalendarDays(today, 1),
  };
  throw badRequest(`${field} ${value} is outside ${params.from} … ${params.to}`, {
    [field]: { code: 'implausible_time', params },
  });
}
