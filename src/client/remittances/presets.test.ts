import { describe, expect, it } from 'vitest';
import { type Preset, presetRange } from './presets';

describe('timeliness presets', () => {
  it.each<[Preset, string, string, string]>([
    ['yesterday', '2026-03-16', '2026-03-15', '2026-03-15'],
    ['yesterday', '2026-03-01', '2026-02-28', '2026-02-28'],
    ['yesterday', '2026-01-01', '2025-12-31', '2025-12-31'],
    ['this_month', '2026-03-16', '2026-03-01', '2026-03-16'],
    ['this_month', '2026-03-01', '2026-03-01', '2026-03-01'],
    ['last_month', '2026-03-16', '2026-02-01', '2026-02-28'],
    ['last_month', '2028-03-31', '2028-02-01', '2028-02-29'],
    ['last_month', '2026-01-10', '2025-12-01', '2025-12-31'],
  ])('%s on %s → %s … %s', (preset, today, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });
});
