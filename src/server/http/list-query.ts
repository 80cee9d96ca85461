import { and, asc, type Column, desc, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';
import { badRequest } from './errors';
import { assertStorable } from './text-hygiene';

/** simple-rest list parameters, each a JSON string. */
export const listQuerySchema = z.strictObject({
  sort: z.string().max(200).optional(),
  range: z.string().max(100).optional(),
  filter: z.string().max(4000).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

function parseJson(name: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(`Query parameter "${name}" is not valid JSON`, { [name]: { code: 'not_json' } });
  }
  // JSON escapes (`\u0000`, a lone `\ud800`) only turn into unstorable text here.
  assertStorable(value, [name]);
  return value;
}

export type FilterValue = string | number | boolean | null | (string | number)[];
export type FilterSpec = Record<string, (value: FilterValue) => SQL | undefined>;

export interface ListSpec {
  /** Sortable field name → column. */
  sortable: Record<string, Column | SQL>;
  filters: FilterSpec;
  defaultSort: [string, 'ASC' | 'DESC'];
  /** Tie-breaker so pages are stable (an expression where the id is composite). */
  idColumn: Column | SQL;
  maxPageSize?: number;
}

export interface ParsedList {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  offset: number;
}

const filterValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(200), z.number()])).max(1000),
]);

/** Parses and whitelists sort, range and filter; anything unknown is a 400 naming it. */
export function parseList(query: ListQuery, spec: ListSpec): ParsedList {
  const sort = query.sort ? parseJson('sort', query.sort) : spec.defaultSort;
  if (!Array.isArray(sort) || sort.length !== 2)
    throw badRequest('sort must be [field, order]', { sort: { code: 'invalid_format' } });
  const [sortField, sortOrder] = sort as unknown[];
  if (typeof sortField !== 'string' || !(sortField in spec.sortable))
    throw badRequest(`Cannot sort by "${String(sortField)}"`, {
      sort: { code: 'invalid_choice', params: { value: String(sortField) } },
    });
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC')
    throw badRequest('Sort order must be ASC or DESC', { sort: { code: 'invalid_choice' } });

  const max = spec.maxPageSize ?? 1000;
  const range = query.range ? parseJson('range', query.range) : [0, 24];
  if (
    !Array.isArray(range) ||
    range.length !== 2 ||
    !range.every((n) => Number.isInteger(n) && n >= 0) ||
    range[1] < range[0] ||
    range[1] - range[0] >= max
  )
    throw badRequest(`range must be [start, end] with at most ${max} rows`, { range: { code: 'invalid' } });

  const filterRaw = query.filter ? parseJson('filter', query.filter) : {};
  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw))
    throw badRequest('filter must be a JSON object', { filter: { code: 'invalid_type' } });
  const conditions: SQL[] = [];
  for (const [key, raw] of Object.entries(filterRaw)) {
    const build = spec.filters[key];
    if (!build)
      throw badRequest(`Unknown filter "${key}"`, { [`filter.${key}`]: { code: 'not_a_known_filter' } });
    const parsed = filterValue.safeParse(raw);
    if (!parsed.success)
      throw badRequest(`Filter "${key}" has an invalid value`, { [`filter.${key}`]: { code: 'invalid' } });
    if (parsed.data === '' || (Array.isArray(parsed.data) && parsed.data.length === 0 && key !== 'id'))
      continue;
    const condition = build(parsed.data);
    if (condition) conditions.push(condition);
  }

  const dir = sortOrder === 'ASC' ? asc : desc;
  return {
    where: conditions.length ? and(...conditions) : undefined,
    orderBy: [dir(spec.sortable[sortField]), dir(spec.idColumn)],
    limit: range[1] - range[0] + 1,
    offset: range[0],
  };
}

/** Filter value helpers that reject the wrong type with a 400 naming the filter. */
export function asString(key: string, value: FilterValue): string {
  if (typeof value !== 'string')
    throw badRequest(`Filter "${key}" must be a string`, { [`filter.${key}`]: { code: 'invalid_type' } });
  return value;
}
export function asBoolean(key: string, value: FilterValue): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw badRequest(`Filter "${key}" must be true or false`, { [`filter.${key}`]: { code: 'invalid_type' } });
}
export function asIdList(key: string, value: FilterValue): (string | number)[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.some((v) => typeof v !== 'string' && typeof v !== 'number'))
    throw badRequest(`Filter "${key}" must be ids`, { [`filter.${key}`]: { code: 'invalid_type' } });
  return list as (string | number)[];
}

export function contentRange(resource: string, offset: number, count: number, total: number): string {
  const end = count === 0 ? offset : offset + count - 1;
  return `${resource} ${offset}-${end}/${total}`;
}
/** A business date `YYYY-MM-DD`, or a 400 naming the filter. */
export function asDate(key: string, value: FilterValue): string {
  const s = asString(key, value);
  if (!isIsoDate(s))
    throw badRequest(`Filter "${key}" must be a date YYYY-MM-DD`, {
      [`filter.${key}`]: { code: 'date_format' },
    });
  return s;
}
