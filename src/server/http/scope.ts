import { type Column, inArray, like, or, type SQL } from 'drizzle-orm';

/**
 * Rows of the caller's region and below, plus rows of the regions above it
 * (a provincial agreement also serves a county): `6301` sees `6301%`, `63`.
 */
export function regionScope(column: Column, regionCode: string): SQL | undefined {
  const ancestors: string[] = [];
  for (let len = 2; len < regionCode.length; len += 2) ancestors.push(regionCode.slice(0, len));
  const own = like(column, `${regionCode}%`);
  return ancestors.length ? or(own, inArray(column, ancestors)) : own;
}

/** Rows strictly inside the caller's region (for data that belongs to one place, such as users). */
export const regionSubtree = (column: Column, regionCode: string): SQL => like(column, `${regionCode}%`);
