import { addCalendarDays, type IsoDate } from './dates';

/** Due-date windows the treasury asks about every morning (缴库及时性: 昨日 / 本月 / 上月). */
export const TIMELINESS_PRESETS = ['yesterday', 'this_month', 'last_month'] as const;
export type TimelinessPreset = (typeof TIMELINESS_PRESETS)[number];

/**
 * The due-date range of a preset, counted from the server's business date `today`. 昨日 is the last working
 * day before today (`lastWorkingDay`, from the holiday calendar: on a Monday the Friday before, after a
 * holiday the day before it, an adjusted working Saturday counts); without it (calendar not loaded) the
 * calendar day before.
 */
export function timelinessPresetRange(
  preset: TimelinessPreset,
  today: IsoDate,
  lastWorkingDay?: IsoDate | null,
): { from: IsoDate; to: IsoDate } {
  const monthStart = `${today.slice(0, 8)}01`;
  if (preset === 'yesterday') {
    const d = lastWorkingDay ?? addCalendarDays(today, -1);
    return { from: d, to: d };
  }
  if (preset === 'this_month') return { from: monthStart, to: today };
  const lastDay = addCalendarDays(monthStart, -1);
  return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
}
