import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allocationInputSchema,
  eReceiptCode,
  eReceiptSegmentInputSchema,
  isoDate,
  RECEIPT_TYPE_CODES,
  reasonSchema,
  receiptBatchInputSchema,
  receiptIssueSchema,
  receiptRequestInputSchema,
  shanghaiDate,
  writeOffInputSchema,
} from '../../domain';
import { type AppContext, actorOf } from '../context';
import { decisions, eReceiptSegments, receiptBatches, receiptRequests, receipts, units } from '../db/schema';
import { EXCLUSION_VIOLATION, pgErrorCode } from '../http/db-errors';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { registerExports } from '../http/export';
import { registerRowExports } from '../http/export-rows';
import { contentRange, listQuerySchema } from '../http/list-query';
import { assertStep } from '../http/refusal';
import { serveList } from '../http/resource-list';
import { drainQueue } from './e-receipts';
import {
  eReceiptSegmentExportColumns,
  eReceiptSegmentList,
  presentReceipt,
  receiptBatchExportColumns,
  receiptBatchList,
  receiptExportColumns,
  receiptFindingExportColumns,
  receiptHoldingExportColumns,
  receiptHoldingList,
  receiptList,
  receiptRequestExportColumns,
  receiptRequestList,
  receiptTypeExportColumns,
  receiptTypeList,
  receiptWriteOffExportColumns,
  receiptWriteOffList,
  unitScope,
} from './lists';
import { balanceReport, findings, numberHistory } from './reports';
import {
  allocate,
  allocateIn,
  decideWriteOff,
  issuePaper,
  purchase,
  requestWriteOff,
  voidReceipt,
} from './stock';

const idParams = z.object({ id: z.coerce.number().int().positive() });

export function receiptTypeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const list = receiptTypeList(ctx.database.db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: receiptTypeExportColumns,
      permission: ['receipt-types', 'list'],
      name: 'receipt-types',
    });
    app.get(
      '/',
      { config: { permission: ['receipt-types', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
  };
}

/** 领购 purchases by finance. */
export function receiptBatchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = receiptBatchList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: receiptBatchExportColumns,
      permission: ['receipt-batches', 'list'],
      name: 'receipt-batches',
    });
    app.get(
      '/',
      { config: { permission: ['receipt-batches', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.get(
      '/:id',
      { config: { permission: ['receipt-batches', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const [row] = await db.select().from(receiptBatches).where(eq(receiptBatches.id, request.params.id));
        if (!row) throw notFound('Purchase');
        return { ...row, count: row.endNo - row.startNo + 1 };
      },
    );
    app.post(
      '/',
      { config: { permission: ['receipt-batches', 'create'] }, schema: { body: receiptBatchInputSchema } },
      async (request, reply) => {
        const batch = await purchase(ctx, actorOf(request), request.body, request.ip);
        reply.code(201);
        return { ...batch, count: batch.endNo - batch.startNo + 1 };
      },
    );
  };
}

/** Current holdings (the stock tree) and 发放 allocations / transfers back. */
export function receiptHoldingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = receiptHoldingList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: receiptHoldingExportColumns,
      permission: ['receipt-holdings', 'list'],
      name: 'receipt-holdings',
    });
    app.get(
      '/',
      { config: { permission: ['receipt-holdings', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.post(
      '/allocate',
      { config: { permission: ['receipt-holdings', 'allocate'] }, schema: { body: allocationInputSchema } },
      async (request, reply) => {
        const result = await allocate(ctx, actorOf(request), request.body, request.ip);
        reply.code(201);
        return result;
      },
    );
  };
}

export function receiptRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = receiptList(db);
  const present = presentReceipt;
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: receiptExportColumns,
      permission: ['receipts', 'list'],
      name: 'receipts',
    });
    app.get(
      '/',
      { config: { permission: ['receipts', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.get(
      '/history',
      {
        config: { permission: ['receipts', 'show'] },
        schema: {
          querystring: z.strictObject({
            typeCode: z.enum(RECEIPT_TYPE_CODES),
            number: z.coerce.number().int().positive(),
            code: z
              .string()
              .regex(/^\d{8}$/)
              .optional(),
          }),
        },
      },
      async (request) => {
        const { typeCode, number, code } = request.query;
        if (typeCode === 'e_receipt' && !code)
          throw badRequest('An e-receipt number needs its 8-digit code', { code: { code: 'required' } });
        const h = await numberHistory(db, typeCode, number, code ?? '');
        const actor = actorOf(request);
        if (actor.role === 'unit' && h.receipt && h.receipt.unitId !== actor.unitId)
          throw notFound('Receipt');
        return { ...h, receipt: h.receipt ? { ...h.receipt, token: undefined } : null };
      },
    );
    app.get(
      '/:id',
      { config: { permission: ['receipts', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select({
            r: receipts,
            unitName: units.name,
            partyName: decisions.partyName,
            decisionNumber: decisions.decisionNumber,
          })
          .from(receipts)
          .innerJoin(units, eq(units.id, receipts.unitId))
          .leftJoin(decisions, eq(decisions.id, receipts.decisionId))
          .where(
            and(eq(receipts.id, request.params.id), unitScope(actor, receipts.unitId, receipts.regionCode)),
          );
        if (!row) throw notFound('Receipt');
        const history = await numberHistory(db, row.r.typeCode, row.r.number, row.r.code);
        return {
          ...present(row.r, row),
          // The unit that issued it may hand the payer's link on; others see that it exists.
          payerLink: row.r.token && actor.unitId === row.r.unitId ? `/r/${row.r.token}` : null,
          history: { batch: history.batch, movements: history.movements, writeOff: history.writeOff },
        };
      },
    );
    app.post(
      '/',
      { config: { permission: ['receipts', 'create'] }, schema: { body: receiptIssueSchema } },
      async (request, reply) => {
        const r = await issuePaper(ctx, actorOf(request), request.body, request.ip);
        reply.code(201);
        return present(r, {});
      },
    );
    app.post(
      '/:id/void',
      { config: { permission: ['receipts', 'void'] }, schema: { params: idParams, body: reasonSchema } },
      async (request) => {
        const reason = request.body.reason?.trim();
        if (!reason)
          throw badRequest('Voiding needs a reason', { reason: { code: 'required' } }, 'reason_required');
        return present(await voidReceipt(ctx, actorOf(request), request.params.id, reason, request.ip), {});
      },
    );
  };
}

export function writeOffRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = receiptWriteOffList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: receiptWriteOffExportColumns,
      permission: ['receipt-write-offs', 'list'],
      name: 'receipt-write-offs',
    });
    app.get(
      '/',
      { config: { permission: ['receipt-write-offs', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.post(
      '/',
      { config: { permission: ['receipt-write-offs', 'create'] }, schema: { body: writeOffInputSchema } },
      async (request, reply) => {
        const w = await requestWriteOff(ctx, actorOf(request), request.body, request.ip);
        reply.code(201);
        return w;
      },
    );
    for (const action of ['approve', 'reject'] as const)
      app.post(
        `/:id/${action}`,
        {
          config: { permission: ['receipt-write-offs', action] },
          schema: { params: idParams, body: reasonSchema },
        },
        async (request) =>
          decideWriteOff(
            ctx,
            actorOf(request),
            request.params.id,
            action,
            request.body.reason ?? undefined,
            request.ip,
          ),
      );
  };
}

/** 电子票据号段: finance hands each unit segments of pre-assigned codes; queued e-receipts are then issued. */
export function eReceiptSegmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = eReceiptSegmentList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: eReceiptSegmentExportColumns,
      permission: ['e-receipt-segments', 'list'],
      name: 'e-receipt-segments',
    });
    app.get(
      '/',
      { config: { permission: ['e-receipt-segments', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.post(
      '/',
      {
        config: { permission: ['e-receipt-segments', 'create'] },
        schema: { body: eReceiptSegmentInputSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const input = request.body;
        const [unit] = await db.select().from(units).where(eq(units.id, input.unitId));
        if (!unit?.regionCode.startsWith(actor.regionCode))
          throw badRequest('Unknown unit', { unitId: { code: 'unknown_reference' } });
        const code = eReceiptCode(unit.regionCode.slice(0, 2), input.category, input.type, input.year);
        try {
          const { segment, drained } = await db.transaction(async (tx) => {
            const [segment] = await tx
              .insert(eReceiptSegments)
              .values({
                unitId: unit.id,
                code,
                startNo: input.startNo,
                endNo: input.endNo,
                nextNo: input.startNo,
                createdBy: actor.id,
                createdAt: ctx.clock.now(),
              })
              .returning();
            const drained = await drainQueue(tx, ctx.clock, unit.id);
            await ctx.audit.record(tx, {
              actor,
              action: 'create',
              resource: 'e-receipt-segments',
              recordId: segment.id,
              after: { ...segment, drained },
              ip: request.ip,
            });
            return { segment, drained };
          });
          reply.code(201);
          return { ...segment, unitName: unit.name, drained };
        } catch (e) {
          if (pgErrorCode(e) === EXCLUSION_VIOLATION)
            throw conflict(
              'segment_overlap',
              `Numbers ${input.startNo}–${input.endNo} of code ${code} overlap an existing segment`,
            );
          throw e;
        }
      },
    );
  };
}

export function receiptReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  return async (app) => {
    app.get(
      '/receipt-balance',
      {
        config: { permission: ['receipt-balance', 'show'] },
        schema: { querystring: z.strictObject({ date: isoDate.optional() }) },
      },
      async (request) => {
        const date = request.query.date ?? shanghaiDate(ctx.clock.now());
        return { date, rows: await balanceReport(db, actorOf(request), date) };
      },
    );
    // A computed view (per unit, from several readings): exported from the very rows its list answers.
    await app.register(
      async (findingsApp) =>
        registerRowExports(findingsApp, ctx, {
          resource: 'receipt-findings',
          rows: (actor) => findings(ctx, actor),
          columns: receiptFindingExportColumns,
          permission: ['receipt-findings', 'list'],
          name: 'receipt-findings',
        }),
      { prefix: '/receipt-findings' },
    );
    app.get(
      '/receipt-findings',
      { config: { permission: ['receipt-findings', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const rows = await findings(ctx, actorOf(request));
        reply.header('Content-Range', contentRange('receipt-findings', 0, rows.length, rows.length));
        return rows;
      },
    );
  };
}

/** 申请领用: units ask for stock; finance fulfils (allocating in the same transaction) or declines. */
export function receiptRequestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const list = receiptRequestList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list: list,
      columns: receiptRequestExportColumns,
      permission: ['receipt-requests', 'list'],
      name: 'receipt-requests',
    });
    app.get(
      '/',
      { config: { permission: ['receipt-requests', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );
    app.post(
      '/',
      { config: { permission: ['receipt-requests', 'create'] }, schema: { body: receiptRequestInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const [unit] = await db
          .select()
          .from(units)
          .where(eq(units.id, actor.unitId ?? -1));
        if (!unit) throw forbidden('Only an enforcement unit requests stock');
        const row = await db.transaction(async (tx) => {
          const [r] = await tx
            .insert(receiptRequests)
            .values({
              ...request.body,
              unitId: unit.id,
              regionCode: unit.regionCode,
              requestedBy: actor.id,
              requestedAt: ctx.clock.now(),
            })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'create',
            resource: 'receipt-requests',
            recordId: r.id,
            after: r,
            ip: request.ip,
          });
          return r;
        });
        reply.code(201);
        return row;
      },
    );
    for (const action of ['approve', 'reject'] as const)
      app.post(
        `/:id/${action}`,
        {
          config: { permission: ['receipt-requests', action] },
          schema: { params: idParams, body: reasonSchema },
        },
        async (request) => {
          const actor = actorOf(request);
          const reason = request.body.reason?.trim() || null;
          if (action === 'reject' && !reason)
            throw badRequest('Declining needs a reason', { reason: { code: 'required' } }, 'reason_required');
          return db.transaction(async (tx) => {
            const [r] = await tx
              .select()
              .from(receiptRequests)
              .where(eq(receiptRequests.id, request.params.id))
              .for('update');
            if (!r?.regionCode.startsWith(actor.regionCode)) throw notFound('Stock request');
            assertStep(actor, action, 'receipt-requests', r, {}, `request #${r.id} is ${r.status}`);
            const allocation =
              action === 'approve'
                ? await allocateIn(
                    tx,
                    ctx,
                    actor,
                    {
                      typeCode: r.typeCode as 'payment_form' | 'onsite_receipt',
                      from: { regionCode: actor.regionCode },
                      to: { unitId: r.unitId },
                      count: r.count,
                    },
                    request.ip,
                  )
                : null;
            const [after] = await tx
              .update(receiptRequests)
              .set({
                status: action === 'approve' ? 'fulfilled' : 'rejected',
                decidedBy: actor.id,
                decidedAt: ctx.clock.now(),
                decisionReason: reason,
              })
              .where(eq(receiptRequests.id, r.id))
              .returning();
            await ctx.audit.record(tx, {
              actor,
              action,
              resource: 'receipt-requests',
              recordId: r.id,
              before: r,
              after,
              ip: request.ip,
            });
            return { ...after, allocation };
          });
        },
      );
  };
}
