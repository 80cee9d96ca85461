import { z } from 'zod';
import type { CalendarKind } from './calendar';
import { isIsoDate } from './dates';
import { fieldErrorOf, format, type IssueLike, valueAt } from './i18n';
import type { FieldError } from './i18n/field-errors';

/** One row of an official calendar file: `date,kind,name,region` (region empty = national). */
export interface CalendarRow {
  date: string;
  kind: string;
  name?: string;
  region?: string;
}

/** A problem in one cell of an imported file: the code and params the SPA words, `message` in English. */
export interface RowError extends FieldError {
  /** 1-based data row number (the CSV header is row 0). */
  row: number;
  field: string;
  message: string;
}

/** The issues of one row's schema check, each under its column, worded by code. */
export function issueRowErrors(
  row: number,
  issues: readonly (IssueLike & { path: readonly PropertyKey[]; keys?: readonly string[] })[],
  candidate: unknown,
): RowError[] {
  return issues.map((issue) =>
    rowError(
      row,
      issue.path.map(String).join('.') || String(issue.keys ?? 'row'),
      fieldErrorOf(issue, issue.code === 'unrecognized_keys' ? true : valueAt(candidate, issue.path)),
    ),
  );
}

export const rowError = (row: number, field: string, error: FieldError): RowError => ({
  row,
  field,
  ...error,
  message: format('fieldErrors', error, 'en'),
});

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
    const fail = (field: string, error: FieldError) => {
      errors.push(rowError(row, field, error));
      ok = false;
    };
    if (!isIsoDate(date)) fail('date', { code: 'not_a_date', params: { value: date } });
    if (!KINDS.has(kind)) fail('kind', { code: 'calendar_kind', params: { value: String(raw.kind ?? '') } });
    if (name.length > 64) fail('name', { code: 'too_long', params: { max: 64 } });
    if (region && !knownRegions.has(region)) fail('region', { code: 'unknown_region' });
    if (ok && kind === 'ADJUSTED_WORKDAY') {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6)
        fail('kind', { code: 'adjusted_workday_on_weekday', params: { date } });
    }
    const key = `${date}|${region}`;
    if (ok && seen.has(key))
      fail('date', { code: 'listed_twice', params: { date, firstRow: seen.get(key) ?? 0 } });
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
  if (rows.length === 0) errors.push(rowError(0, 'file', { code: 'file_empty' }));
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
  servedOn: z.string().refine(isIsoDate, { message: 'date_format' }),
  paidOn: z.string().refine(isIsoDate, { message: 'date_format' }),
  suspendedFrom: z.string().refine(isIsoDate, { message: 'date_format' }).optional(),
  suspendedTo: z.string().refine(isIsoDate, { message: 'date_format' }).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
});
