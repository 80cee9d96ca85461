import { and, asc, count, eq, gte, inArray, lte } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  calendarImportSchema,
  type RemittanceStatus,
  type RowError,
  reasonSchema,
  rowError,
  timelinessKpi,
  timelinessQuerySchema,
  treasuryEntryFromCsvRow,
  treasuryEntryInputSchema,
} from '../../domain';
import { type AppContext, actorOf } from '../context';
import {
  banks,
  collections,
  entryFeedback,
  remittances,
  remittanceTransferItems,
  remittanceTransfers,
  treasuries,
  treasuryEntries,
} from '../db/schema';
import { badRequest, conflict, notFound, unprocessable } from '../http/errors';
import { registerExports } from '../http/export';
import { readImportRows } from '../http/import-file';
import { listQuerySchema } from '../http/list-query';
import { serveList } from '../http/resource-list';
import {
  entryFeedbackExportColumns,
  entryFeedbackList,
  entryFeedbackScope,
  entryFeedbackSelect,
  presentFeedback,
  remittanceExportColumns,
  remittanceList,
  remittanceScope,
  remittanceTransferExportColumns,
  remittanceTransferList,
  treasuryEntryExportColumns,
  treasuryEntryList,
} from './lists';
import { obligationCollections, refreshFeedback } from './service';
import { insertEntries, judgeEntries } from './treasury-entries';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** 缴库 timeliness for the treasury, finance and each bank (its own). */
export function remittanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const scope = remittanceScope;
  const list = remittanceList(db);

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: remittanceExportColumns,
      permission: ['remittances', 'list'],
      name: 'remittances',
    });

    app.get(
      '/',
      { config: { permission: ['remittances', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/timeliness',
      { config: { permission: ['remittances', 'list'] }, schema: { querystring: timelinessQuerySchema } },
      async (request) => {
        const actor = actorOf(request);
        const { from, to, bankId } = request.query;
        if (from > to) throw badRequest('from must not be after to', { from: { code: 'after_to' } });
        const rows = await db
          .select({ r: remittances, bankName: banks.name })
          .from(remittances)
          .innerJoin(banks, eq(banks.id, remittances.bankId))
          .where(
            and(
              scope(actor),
              gte(remittances.dueDate, from),
              lte(remittances.dueDate, to),
              bankId ? eq(remittances.bankId, bankId) : undefined,
            ),
          );
        const byBank = new Map<string, { bankName: string; rows: (typeof remittances.$inferSelect)[] }>();
        for (const { r, bankName } of rows) {
          const b = byBank.get(r.bankId) ?? { bankName, rows: [] };
          b.rows.push(r);
          byBank.set(r.bankId, b);
        }
        return [...byBank.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([id, b]) => ({ bankId: id, bankName: b.bankName, ...timelinessKpi(b.rows) }));
      },
    );

    // The bank × day pivot: per bank and due date, how many obligations ended in each status.
    app.get(
      '/daily',
      { config: { permission: ['remittances', 'list'] }, schema: { querystring: timelinessQuerySchema } },
      async (request) => {
        const actor = actorOf(request);
        const { from, to, bankId } = request.query;
        if (from > to) throw badRequest('from must not be after to', { from: { code: 'after_to' } });
        const rows = await db
          .select({
            bankId: remittances.bankId,
            dueDate: remittances.dueDate,
            status: remittances.status,
            n: count(),
            worst: remittances.workingDaysLate,
          })
          .from(remittances)
          .where(
            and(
              scope(actor),
              gte(remittances.dueDate, from),
              lte(remittances.dueDate, to),
              bankId ? eq(remittances.bankId, bankId) : undefined,
            ),
          )
          .groupBy(remittances.bankId, remittances.dueDate, remittances.status, remittances.workingDaysLate);
        const cells = new Map<
          string,
          { bankId: string; date: string; worstDelay: number } & Record<RemittanceStatus, number>
        >();
        for (const r of rows) {
          const key = `${r.bankId}|${r.dueDate}`;
          const c = cells.get(key) ?? {
            bankId: r.bankId,
            date: r.dueDate,
            worstDelay: 0,
            pending: 0,
            on_time: 0,
            late: 0,
            overdue: 0,
          };
          c[r.status] += r.n;
          c.worstDelay = Math.max(c.worstDelay, r.worst);
          cells.set(key, c);
        }
        return [...cells.values()].sort(
          (a, b) => a.date.localeCompare(b.date) || a.bankId.localeCompare(b.bankId),
        );
      },
    );

    app.get(
      '/:id',
      { config: { permission: ['remittances', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select({ r: remittances, bankName: banks.name })
          .from(remittances)
          .innerJoin(banks, eq(banks.id, remittances.bankId))
          .where(and(eq(remittances.id, request.params.id), scope(actor)));
        if (!row) throw notFound('Remittance');
        return { ...row.r, bankName: row.bankName };
      },
    );

    // The drill-down's last step: which collections make up this obligation, and how each was remitted.
    app.get(
      '/:id/collections',
      { config: { permission: ['remittances', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select()
          .from(remittances)
          .where(and(eq(remittances.id, request.params.id), scope(actor)));
        if (!row) throw notFound('Remittance');
        return obligationCollections(db, ctx, row);
      },
    );
  };
}

/** Transfers the banks sent, with the collections each covers. */
export function transferRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const list = remittanceTransferList(ctx.database.db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: remittanceTransferExportColumns,
      permission: ['remittance-transfers', 'list'],
      name: 'remittance-transfers',
    });

    app.get(
      '/',
      { config: { permission: ['remittance-transfers', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
  };
}

/** 入库: the treasury types an entry in; each entry refreshes the feedback of its transfer. */
export function treasuryEntryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = treasuryEntryList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: treasuryEntryExportColumns,
      permission: ['treasury-entries', 'list'],
      name: 'treasury-entries',
    });

    // The treasury's daily entry file: all or nothing, every bad row named, duplicates refused.
    app.post(
      '/import',
      {
        config: { permission: ['treasury-entries', 'import'] },
        bodyLimit: 20 * 1024 * 1024,
        schema: { body: calendarImportSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        const { format, content, dryRun } = request.body;
        const raw = readImportRows<Record<string, unknown>>(format, content);
        const cellErrors: RowError[] = [];
        const candidates = raw.map((r, i) => {
          if (format === 'json') return r;
          const { candidate, errors } = treasuryEntryFromCsvRow(r as Record<string, string>);
          for (const [field, error] of Object.entries(errors)) cellErrors.push(rowError(i + 1, field, error));
          return candidate;
        });
        const judged = await judgeEntries(ctx, candidates);
        // A cell that could not be converted is reported once, under the column the user wrote.
        const covered = new Set(cellErrors.map((e) => `${e.row}|amount`));
        const rowErrors = [
          ...cellErrors,
          ...judged.errors.filter((e) => !covered.has(`${e.row}|amount`) || e.field !== 'amountFen'),
        ].sort((a, b) => a.row - b.row);
        if (raw.length === 0) rowErrors.push(rowError(0, 'file', { code: 'file_empty' }));
        if (rowErrors.length)
          throw unprocessable(
            'import_rejected',
            `${rowErrors.length} problem(s); nothing was imported`,
            undefined,
            {
              rowErrors: rowErrors.slice(0, 500),
            },
          );
        const totalFen = judged.accepted.reduce((n, a) => n + a.input.amountFen, 0);
        if (dryRun) return { dryRun, rows: judged.accepted.length, totalFen };
        const rows = await insertEntries(
          ctx,
          judged.accepted.map((a) => a.input),
          { source: 'import', actor, keyId: null, ip: request.ip },
        );
        return { dryRun, rows: rows.length, totalFen };
      },
    );

    app.get(
      '/',
      { config: { permission: ['treasury-entries', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.post(
      '/',
      { config: { permission: ['treasury-entries', 'create'] }, schema: { body: treasuryEntryInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const input = request.body;
        const [treasury] = await db.select().from(treasuries).where(eq(treasuries.id, input.treasuryId));
        if (!treasury) throw badRequest('Unknown treasury', { treasuryId: { code: 'unknown_reference' } });
        const transfers = await db
          .select({ id: remittanceTransfers.id })
          .from(remittanceTransfers)
          .where(eq(remittanceTransfers.reference, input.transferReference));
        if (transfers.length === 0)
          throw unprocessable(
            'unknown_transfer',
            `No bank transfer has the reference ${input.transferReference}`,
            {
              transferReference: { code: 'unknown_reference' },
            },
          );
        const row = await db.transaction(async (tx) => {
          const [e] = await tx
            .insert(treasuryEntries)
            .values({ ...input, source: 'manual', createdBy: actor.id, createdAt: ctx.clock.now() })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'treasury-entries',
            recordId: e.id,
            after: e,
            ip: request.ip,
          });
          return e;
        });
        await refreshFeedback(
          db,
          ctx,
          transfers.map((t) => t.id),
        );
        const feedback = await db
          .select()
          .from(entryFeedback)
          .where(
            inArray(
              entryFeedback.transferId,
              transfers.map((t) => t.id),
            ),
          );
        reply.code(201);
        return { ...row, feedback };
      },
    );
  };
}

/** 入库反馈 for finance: what the treasury found for each transfer; finance acknowledges it. */
export function entryFeedbackRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const base = () => entryFeedbackSelect(db);
  const scope = entryFeedbackScope;
  const list = entryFeedbackList(db);

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: entryFeedbackExportColumns,
      permission: ['entry-feedback', 'list'],
      name: 'entry-feedback',
    });

    app.get(
      '/',
      { config: { permission: ['entry-feedback', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.get(
      '/:id',
      { config: { permission: ['entry-feedback', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await base().where(and(eq(entryFeedback.id, request.params.id), scope(actor)));
        if (!row) throw notFound('Entry feedback');
        const [entries, items] = await Promise.all([
          db
            .select()
            .from(treasuryEntries)
            .where(eq(treasuryEntries.transferReference, row.reference))
            .orderBy(asc(treasuryEntries.id)),
          db
            .select({ n: count() })
            .from(remittanceTransferItems)
            .innerJoin(collections, eq(collections.id, remittanceTransferItems.collectionId))
            .where(eq(remittanceTransferItems.transferId, row.f.transferId)),
        ]);
        return { ...presentFeedback(row), entries, collectionCount: items[0]?.n ?? 0 };
      },
    );

    app.post(
      '/:id/acknowledge',
      {
        config: { permission: ['entry-feedback', 'acknowledge'] },
        schema: { params: idParams, body: reasonSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.transaction(async (tx) => {
          const [f] = await tx
            .select()
            .from(entryFeedback)
            .where(eq(entryFeedback.id, request.params.id))
            .for('update');
          if (!f) throw notFound('Entry feedback');
          if (f.acknowledgedAt)
            throw conflict('already_acknowledged', 'This feedback is already acknowledged');
          const [row] = await tx
            .update(entryFeedback)
            .set({
              acknowledgedBy: actor.id,
              acknowledgedAt: ctx.clock.now(),
              note: request.body.reason ?? null,
            })
            .where(eq(entryFeedback.id, f.id))
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'acknowledge',
            resource: 'entry-feedback',
            recordId: f.id,
            before: { type: f.type },
            after: { note: row.note },
            ip: request.ip,
          });
          return row;
        });
      },
    );
  };
}
