import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

import {
  CalendarMissingError,
  type CalendarRow,
  calendarImportSchema,
  DomainInputError,
  deadlineQuerySchema,
  explainLateFee,
  validateCalendarRows,
} from '../../domain';
import {
  calendarEntryFieldTexts,
  calendarEntryKindTexts,
  calendarSourceTexts,
  calendarYearFieldTexts,
} from '../../domain/i18n';
import { type AppContext, actorOf } from '../context';
import { calendarEntries, calendarYears, regions } from '../db/schema';
import { badRequest, notFound, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { readImportRows } from '../http/import-file';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import { labelledColumns, tableList, wordedCell } from '../http/table-list';
import { loadCalendar, replaceYears } from './repository';

const IMPORT_LIMIT = 20 * 1024 * 1024;

function parseRows(format: 'csv' | 'json', content: string): CalendarRow[] {
  return readImportRows<CalendarRow>(format, content, { lowerCaseHeaders: true });
}

/** A rule that hit a missing calendar year or bad input answers 422 naming it, never a guessed result. */
export function domainError(e: unknown): never {
  if (e instanceof CalendarMissingError)
    throw unprocessable(
      'calendar_missing',
      e.message,
      { year: { code: 'calendar_missing', params: { year: e.year } } },
      undefined,
      { year: e.year },
    );
  if (e instanceof DomainInputError)
    throw unprocessable('invalid_value', e.message, { [e.field]: { code: e.code, params: e.params } });
  throw e;
}

// A year is national (region '') or a region's own; its react-admin id is `2026` or `2026-63`.
const yearId = sql<string>`case when ${calendarYears.regionCode} = '' then ${calendarYears.year}::text else ${calendarYears.year}::text || '-' || ${calendarYears.regionCode} end`;
type CalendarYearRow = typeof calendarYears.$inferSelect & { id: string };
const calendarYearExportColumns = labelledColumns<CalendarYearRow, keyof typeof calendarYearFieldTexts.en>(
  calendarYearFieldTexts,
  [
    ['year', 'number'],
    ['regionCode', 'id'],
    ['holidays', 'number'],
    ['adjustedWorkdays', 'number'],
    ['source', 'text', wordedCell(calendarSourceTexts, (y) => y.source)],
    ['importedBy', 'number'],
    ['importedAt', 'instant'],
  ],
);

const entryId = sql<string>`case when ${calendarEntries.regionCode} = '' then ${calendarEntries.date}::text else ${calendarEntries.date}::text || '-' || ${calendarEntries.regionCode} end`;
type CalendarEntryRow = typeof calendarEntries.$inferSelect & { id: string };
const calendarEntryExportColumns = labelledColumns<CalendarEntryRow, keyof typeof calendarEntryFieldTexts.en>(
  calendarEntryFieldTexts,
  [
    ['date', 'date'],
    ['regionCode', 'id'],
    ['year', 'number'],
    ['kind', 'text', wordedCell(calendarEntryKindTexts, (e) => e.kind)],
    ['name', 'text'],
  ],
);

export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const entryList = tableList(db, calendarEntries, 'calendar-entries', {
    spec: () => ({
      sortable: { id: entryId, date: calendarEntries.date },
      defaultSort: ['date', 'ASC'],
      idColumn: entryId,
      maxPageSize: 1000,
      filters: {
        year: (v) => eq(calendarEntries.year, Number(v)),
        regionCode: (v) => eq(calendarEntries.regionCode, asString('regionCode', v)),
        kind: (v) =>
          inArray(
            calendarEntries.kind,
            asIdList('kind', v).map(String) as ('HOLIDAY' | 'ADJUSTED_WORKDAY')[],
          ),
      },
    }),
    present: (r): CalendarEntryRow => ({ id: r.regionCode ? `${r.date}-${r.regionCode}` : r.date, ...r }),
  });
  const yearList = tableList(db, calendarYears, 'calendar-years', {
    spec: () => ({
      sortable: { id: yearId, year: calendarYears.year },
      defaultSort: ['year', 'DESC'],
      idColumn: yearId,
      filters: { regionCode: (v) => eq(calendarYears.regionCode, asString('regionCode', v)) },
    }),
    present: (r): CalendarYearRow => ({
      id: r.regionCode ? `${r.year}-${r.regionCode}` : String(r.year),
      ...r,
    }),
  });
  return async (app) => {
    await app.register(
      async (years) =>
        registerExports(years, ctx, {
          list: yearList,
          columns: calendarYearExportColumns,
          permission: ['calendar-years', 'list'],
          name: 'calendar-years',
        }),
      { prefix: '/calendar-years' },
    );

    app.get(
      '/calendar-years',
      { config: { permission: ['calendar-years', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(yearList, actorOf(request), request.query, reply),
    );

    app.get(
      '/calendar-years/:id',
      {
        config: { permission: ['calendar-years', 'show'] },
        schema: { params: z.object({ id: z.string().regex(/^\d{4}(-\d{2,6})?$/) }) },
      },
      async (request) => {
        const [year, regionCode = ''] = request.params.id.split('-');
        const [row] = await db
          .select()
          .from(calendarYears)
          .where(and(eq(calendarYears.year, Number(year)), eq(calendarYears.regionCode, regionCode)));
        if (!row) throw notFound('Calendar year');
        return { id: request.params.id, ...row };
      },
    );

    await app.register(
      async (entries) =>
        registerExports(entries, ctx, {
          list: entryList,
          columns: calendarEntryExportColumns,
          permission: ['calendar-entries', 'list'],
          name: 'calendar-entries',
        }),
      { prefix: '/calendar-entries' },
    );

    app.get(
      '/calendar-entries',
      { config: { permission: ['calendar-entries', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(entryList, actorOf(request), request.query, reply),
    );

    app.post(
      '/calendar-years/import',
      {
        config: { permission: ['calendar-years', 'import'] },
        bodyLimit: IMPORT_LIMIT,
        schema: { body: calendarImportSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { format, content, dryRun } = request.body;
        const rows = parseRows(format, content);
        const known = new Set((await db.select({ code: regions.code }).from(regions)).map((r) => r.code));
        const { errors, years } = validateCalendarRows(rows, known);
        const existing = await db
          .select({ year: calendarYears.year, regionCode: calendarYears.regionCode })
          .from(calendarYears);
        const preview = years.map((y) => ({
          year: y.year,
          regionCode: y.regionCode,
          holidays: y.holidays,
          adjustedWorkdays: y.adjustedWorkdays,
          replaces: existing.some((e) => e.year === y.year && e.regionCode === y.regionCode),
        }));
        if (errors.length)
          throw unprocessable(
            'import_rejected',
            `${errors.length} row(s) are invalid; nothing was imported: ${errors
              .slice(0, 3)
              .map((e) => `row ${e.row} ${e.field}: ${e.message}`)
              .join('; ')}`,
            undefined,
            { rowErrors: errors.slice(0, 500), years: preview },
          );
        if (dryRun) return { dryRun: true, rows: rows.length, years: preview, errors: [] };
        await db.transaction(async (tx) => {
          await replaceYears(tx, years, `${format}_import`, actor.id);
          await ctx.audit.record(tx, {
            actor,
            action: 'import',
            resource: 'calendar-years',
            recordId: preview.map((p) => p.year).join(','),
            after: {
              rows: rows.length,
              years: preview.map((p) => `${p.year}${p.regionCode ? `/${p.regionCode}` : ''}`).join(','),
            },
            ip: request.ip,
          });
        });
        // After the commit: a request in between must not re-cache the old calendar.
        ctx.calendars.invalidate();
        return { dryRun: false, rows: rows.length, years: preview, errors: [] };
      },
    );

    app.get(
      '/deadline-calculator',
      {
        config: { permission: ['deadline-calculator', 'show'] },
        schema: { querystring: deadlineQuerySchema },
      },
      async (request) => {
        const q = request.query;
        if ((q.suspendedFrom && !q.suspendedTo) || (!q.suspendedFrom && q.suspendedTo))
          throw badRequest('A suspension needs both dates', { suspendedTo: { code: 'needs_both_dates' } });
        const cal = await loadCalendar(db, q.regionCode ?? '');
        try {
          const suspensions =
            q.suspendedFrom && q.suspendedTo ? [{ from: q.suspendedFrom, to: q.suspendedTo }] : [];
          const e = explainLateFee(q.fineFen, q.servedOn, q.paidOn, cal, suspensions);
          return {
            ...e,
            fineFen: q.fineFen,
            amountDueFen: q.fineFen + e.feeFen,
            servedOn: q.servedOn,
            paidOn: q.paidOn,
          };
        } catch (e) {
          domainError(e);
        }
      },
    );
  };
}
