import { and, eq, inArray } from 'drizzle-orm';
import { type BusinessCalendar, type CalendarYearImport, createCalendar } from '../../domain';
import type { Tx } from '../audit/log';
import type { Db } from '../db/client';
import { calendarEntries, calendarYears } from '../db/schema';

/** The national calendar with a region's overrides (a region entry wins over the national one for its date). */
export async function loadCalendar(db: Db | Tx, regionCode = ''): Promise<BusinessCalendar> {
  const regions = regionCode ? ['', ...prefixes(regionCode)] : [''];
  const [years, entries] = await Promise.all([
    db.select().from(calendarYears).where(inArray(calendarYears.regionCode, regions)),
    db.select().from(calendarEntries).where(inArray(calendarEntries.regionCode, regions)),
  ]);
  const byDate = new Map<string, (typeof entries)[number]>();
  for (const e of entries.sort((a, b) => a.regionCode.length - b.regionCode.length)) byDate.set(e.date, e);
  return createCalendar({
    years: [...new Set(years.map((y) => y.year))],
    entries: [...byDate.values()].map((e) => ({ date: e.date, kind: e.kind })),
  });
}

const prefixes = (code: string) =>
  Array.from({ length: code.length / 2 }, (_, i) => code.slice(0, (i + 1) * 2));

/** Replaces each imported year (and region) as a whole, inside the caller's transaction. */
export async function replaceYears(
  tx: Tx,
  years: CalendarYearImport[],
  source: string,
  userId: number | null,
) {
  for (const y of years) {
    await tx
      .delete(calendarEntries)
      .where(and(eq(calendarEntries.year, y.year), eq(calendarEntries.regionCode, y.regionCode)));
    await tx
      .delete(calendarYears)
      .where(and(eq(calendarYears.year, y.year), eq(calendarYears.regionCode, y.regionCode)));
    if (y.entries.length)
      await tx
        .insert(calendarEntries)
        .values(y.entries.map((e) => ({ ...e, year: y.year, regionCode: y.regionCode })));
    await tx.insert(calendarYears).values({
      year: y.year,
      regionCode: y.regionCode,
      holidays: y.holidays,
      adjustedWorkdays: y.adjustedWorkdays,
      source,
      importedBy: userId,
    });
  }
}

export interface CalendarCache {
  /** The region's calendar (national entries overlaid by the region's), cached for a minute. */
  forRegion(db: Db | Tx, regionCode: string): Promise<BusinessCalendar>;
  /** Called after an import so this process never answers from an outdated calendar. */
  invalidate(): void;
}

const CALENDAR_TTL_MS = 60_000;

/**
 * Every bank push computes a late fee, and calendars change a few times a year: one per process,
 * invalidated on import; other processes (PostgreSQL deployments) see an import within a minute.
 */
export function createCalendarCache(): CalendarCache {
  let cache = new Map<string, { at: number; cal: Promise<BusinessCalendar> }>();
  return {
    forRegion(db, regionCode) {
      const hit = cache.get(regionCode);
      if (hit && Date.now() - hit.at < CALENDAR_TTL_MS) return hit.cal;
      const cal = loadCalendar(db, regionCode);
      cache.set(regionCode, { at: Date.now(), cal });
      cal.catch(() => cache.delete(regionCode));
      return cal;
    },
    invalidate() {
      cache = new Map();
    },
  };
}
