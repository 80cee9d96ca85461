import { addCalendarDays } from '../../domain/dates';

export const PRESETS = ['yesterday', 'this_month', 'last_month'] as const;
export type Preset = (typeof PRESETS)[number];

/** Due-date windows the treasury asks about every morning, counted from the server's business date. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  const monthStart = `${today.slice(0, 8)}01`;
  if (preset === 'yesterday') {
    const d = addCalendarDays(today, -1);
    return { from: d, to: d };
  }
  if (preset === 'this_month') return { from: monthStart, to: today };
  const lastDay = addCalendarDays(monthStart, -1);
  return { from: `${lastDay.slice(0, 8)}01`, to: lastDay };
}
