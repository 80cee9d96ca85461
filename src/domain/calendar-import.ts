import { z } from 'zod';
import type { CalendarKind } from './calendar';
import { isIsoDate } from './dates';

/** One row of an official calendar file: `date,kind,name,region` (region empty = national). */
export interface CalendarRow {
  date: string;
  kind: string;
  name?: string;
  region?: string;
}

export interface RowError {
  /** 1-based data row number (the CSV header is row 0). */
  row: number;
  field: string;
  message: string;
}

export interface CalendarYearImport {
  year: number;
  regionCode: string;
  entries: { date: string; kind: CalendarKind; name: string | null }[];
  holidays: number;
  adjustedWorkdays: number;
}

const KINDS = new Set(['HOLIDAY', 'ADJUSTED_WORKDAY']);

/**
 * Checks every row (all errors, not just the first) and groups the valid ones by year and region.
 * All-or-nothing: callers write only when `errors` is empty.
 */
export function validateCalendarRows(rows: CalendarRow[], knownRegions: ReadonlySet<string>) {
  const errors: RowError[] = [];
  const groups = new Map<string, CalendarYearImport>();
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const date = String(raw.date ?? '').trim();
    const kind = String(raw.kind ?? '')
      .trim()
      .toUpperCase();
    const name = String(raw.name ?? '').trim();
    const region = String(raw.region ?? '').trim();
    let ok = true;
    const fail = (field: string, message: string) => {
      errors.push({ row, field, message });
      ok = false;
    };
    if (!isIsoDate(date)) fail('date', `"${date}" is not a real date YYYY-MM-DD`);
    if (!KINDS.has(kind)) fail('kind', `"${raw.kind ?? ''}" must be HOLIDAY or ADJUSTED_WORKDAY`);
    if (name.length > 64) fail('name', 'must be at most 64 characters');
    if (region && !knownRegions.has(region)) fail('region', `"${region}" is not a known region code`);
    if (ok && kind === 'ADJUSTED_WORKDAY') {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6)
        fail('kind', `${date} is a weekday; only a weekend day can be an adjusted workday`);
    }
    const key = `${date}|${region}`;
    if (ok && seen.has(key)) fail('date', `${date} is listed twice (first on row ${seen.get(key)})`);
    if (!ok) return;
    seen.set(key, row);
    const year = Number(date.slice(0, 4));
    const groupKey = `${year}|${region}`;
    const group = groups.get(groupKey) ?? {
      year,
      regionCode: region,
      entries: [],
      holidays: 0,
      adjustedWorkdays: 0,
    };
    group.entries.push({ date, kind: kind as CalendarKind, name: name || null });
    if (kind === 'HOLIDAY') group.holidays++;
    else group.adjustedWorkdays++;
    groups.set(groupKey, group);
  });
  if (rows.length === 0) errors.push({ row: 0, field: 'file', message: 'The file has no rows' });
  return {
    errors,
    years: [...groups.values()].sort((a, b) => a.year - b.year || a.regionCode.localeCompare(b.regionCode)),
  };
}

export const calendarImportSchema = z.strictObject({
  format: z.enum(['csv', 'json']),
  content: z.string().min(1).max(5_000_000),
  dryRun: z.boolean().default(true),
});

export const deadlineQuerySchema = z.strictObject({
  fineFen: z.coerce.number().int().positive().max(1e13),
  servedOn: z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' }),
  paidOn: z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' }),
  suspendedFrom: z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' }).optional(),
  suspendedTo: z.string().refine(isIsoDate, { message: 'must be a date YYYY-MM-DD' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
});
