import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users';

// One imported official arrangement per year; region '' is the national list, a region code an override.
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').notNull(),
    regionCode: text('region_code').default('').notNull(),
    holidays: integer('holidays').notNull(),
    adjustedWorkdays: integer('adjusted_workdays').notNull(),
    source: text('source').notNull(),
    importedBy: integer('imported_by').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).defaultNow().notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.regionCode] })],
);

export const calendarEntries = pgTable(
  'calendar_entries',
  {
    date: date('date', { mode: 'string' }).notNull(),
    regionCode: text('region_code').default('').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: ['HOLIDAY', 'ADJUSTED_WORKDAY'] }).notNull(),
    name: text('name'),
  },
  (t) => [
    primaryKey({ columns: [t.date, t.regionCode] }),
    index('calendar_entries_year_idx').on(t.year, t.regionCode),
  ],
);
