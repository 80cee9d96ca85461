import { and, asc, count, eq, gte, ilike, inArray, lt, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalsNeeded,
  EVIDENCE_MAX_BYTES,
  evidenceType,
  maskAccount,
  maskDecision,
  REFUND_ACTIONS,
  REFUND_READ_ONLY,
  REFUND_REASONS,
  REFUND_STATUSES,
  type RefundAction,
  refundActionSchema,
  refundBulkApproveSchema,
  refundInputSchema,
  version,
  withReadOnly,
} from '../../domain';
import { addCalendarDays, shanghaiMidnight } from '../../domain/dates';
import {
  type RefundField,
  type RefundReasonCode,
  type RefundStatusCode,
  refundFieldTexts,
  refundReasonTexts,
  refundStatusTexts,
} from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import type { Tx } from '../audit/log';
import { type AppContext, actorOf } from '../context';
import {
  decisions,
  refundApprovals,
  refundAttachments,
  refundEvents,
  refunds,
  refundVouchers,
  units,
  users,
} from '../db/schema';
import { badRequest, notFound, unprocessable } from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { asDate, asIdList, asString, listQuerySchema } from '../http/list-query';
import { type ResourceList, serveList } from '../http/resource-list';
import { refundScope, refundsPendingFor } from './scope';
import { bulkTransition, createRefund, refundBalance, transition, updateDraft } from './service';
import { voucherView } from './voucher';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const attachmentParams = z.object({
  id: z.coerce.number().int().positive(),
  aid: z.coerce.number().int().positive(),
});
// The GET shows the payee account masked; sending that mask back keeps the stored account.
const MASKED_ACCOUNT = /^\d{4}\*+\d{4}$/;
const updateSchema = withReadOnly(
  refundInputSchema.extend({
    version,
    payeeAccount: z.union([refundInputSchema.shape.payeeAccount, z.string().regex(MASKED_ACCOUNT)]),
  }),
  REFUND_READ_ONLY,
);
const attachmentSchema = z.strictObject({
  filename: z.string().trim().min(1).max(200),
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 8),
});

const refundLabel = (key: RefundField) => ({
  'zh-CN': refundFieldTexts['zh-CN'][key],
  en: refundFieldTexts.en[key],
});
type RefundListRow = { [K in RefundField]?: unknown } & { reason: string; status: string };
const refundColumn = <R extends RefundListRow>(
  key: RefundField & keyof R,
  kind: ExportColumn<R>['kind'],
): ExportColumn<R> => ({
  key,
  kind,
  label: refundLabel(key),
  value: (r) => r[key] as string | number | Date | null,
});

/** The refund list's fields as on screen; the payee account stays masked as in the list. */
function refundExportColumns<R extends RefundListRow>(): ExportColumn<R>[] {
  return [
    refundColumn<R>('id', 'number'),
    refundColumn<R>('createdAt', 'instant'),
    refundColumn<R>('unitName', 'text'),
    refundColumn<R>('decisionNumber', 'text'),
    {
      key: 'reason',
      kind: 'text',
      label: refundLabel('reason'),
      value: (r, lang) => refundReasonTexts[lang][r.reason as RefundReasonCode] ?? r.reason,
    },
    refundColumn<R>('amountFen', 'money'),
    {
      key: 'status',
      kind: 'text',
      label: refundLabel('status'),
      value: (r, lang) => refundStatusTexts[lang][r.status as RefundStatusCode] ?? r.status,
    },
    refundColumn<R>('approvalCount', 'number'),
    refundColumn<R>('createdByName', 'text'),
    refundColumn<R>('payeeName', 'text'),
    refundColumn<R>('payeeAccount', 'id'),
    refundColumn<R>('payeeBank', 'text'),
    refundColumn<R>('lastReason', 'text'),
    refundColumn<R>('note', 'text'),
  ];
}

/** 退付 refunds: the unit applies, its supervising department reviews, finance approves, treasury pays. */
export function refundRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const creator = alias(users, 'creator');

  const scoped = (actor: Actor, id: number) => (tx: Tx) =>
    tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.id, id), refundScope(db, actor)))
      .for('update')
      .then((r) => r[0]);

  const listColumns = {
    r: refunds,
    decisionNumber: decisions.decisionNumber,
    unitName: units.name,
    unitKind: units.kind,
    unitDepartmentId: units.departmentId,
    createdByName: creator.displayName,
    approvals:
      sql<number>`(select count(*) from refund_approvals a where a.refund_id = ${refunds.id})`.mapWith(
        Number,
      ),
  };

  const present = (row: typeof refunds.$inferSelect) => ({
    ...row,
    payeeAccount: maskAccount(row.payeeAccount),
    approvalsNeeded: approvalsNeeded(row.amountFen, ctx.config.refundSecondApprovalFen),
  });

  async function detail(actor: Actor, id: number) {
    const [row] = await db
      .select(listColumns)
      .from(refunds)
      .innerJoin(decisions, eq(decisions.id, refunds.decisionId))
      .innerJoin(units, eq(units.id, refunds.unitId))
      .innerJoin(creator, eq(creator.id, refunds.createdBy))
      .where(and(eq(refunds.id, id), refundScope(db, actor)));
    if (!row) throw notFound('Refund');
    const [events, approvals, attachments, vouchers, [decision], balance] = await Promise.all([
      db
        .select({
          id: refundEvents.id,
          action: refundEvents.action,
          fromStatus: refundEvents.fromStatus,
          toStatus: refundEvents.toStatus,
          reason: refundEvents.reason,
          actorName: users.displayName,
          at: refundEvents.at,
        })
        .from(refundEvents)
        .innerJoin(users, eq(users.id, refundEvents.actorId))
        .where(eq(refundEvents.refundId, id))
        .orderBy(asc(refundEvents.id)),
      db
        .select({ userId: refundApprovals.userId, name: users.displayName, at: refundApprovals.at })
        .from(refundApprovals)
        .innerJoin(users, eq(users.id, refundApprovals.userId))
        .where(eq(refundApprovals.refundId, id))
        .orderBy(asc(refundApprovals.at)),
      db
        .select({
          id: refundAttachments.id,
          filename: refundAttachments.filename,
          mimeType: refundAttachments.mimeType,
          size: refundAttachments.size,
          uploadedAt: refundAttachments.uploadedAt,
        })
        .from(refundAttachments)
        .where(eq(refundAttachments.refundId, id))
        .orderBy(asc(refundAttachments.id)),
      db.select().from(refundVouchers).where(eq(refundVouchers.refundId, id)).orderBy(asc(refundVouchers.id)),
      db
        .select({
          id: decisions.id,
          decisionNumber: decisions.decisionNumber,
          fineFen: decisions.fineFen,
          servedOn: decisions.servedOn,
          partyName: decisions.partyName,
          paymentStatus: decisions.paymentStatus,
          paidAt: decisions.paidAt,
        })
        .from(decisions)
        .where(eq(decisions.id, row.r.decisionId)),
      db.transaction((tx) => refundBalance(tx, row.r.decisionId)),
    ]);
    const current = vouchers.find((v) => v.supersededAt === null);
    return {
      ...present(row.r),
      decisionNumber: row.decisionNumber,
      unitName: row.unitName,
      unitKind: row.unitKind,
      unitDepartmentId: row.unitDepartmentId,
      createdByName: row.createdByName,
      approvals,
      approvalCount: approvals.length,
      events,
      attachments,
      vouchers,
      voucherNumber: current?.number ?? null,
      decision: maskDecision(decision),
      balance: {
        paidFen: balance.paid,
        refundableFen: balance.refundable,
        earlier: balance.others.filter((o) => o.id !== id),
      },
    };
  }

  type RefundRow = ReturnType<typeof present> & {
    decisionNumber: string;
    unitName: string;
    unitKind: string;
    unitDepartmentId: number | null;
    createdByName: string;
    approvalCount: number;
  };
  const list: ResourceList<RefundRow> = {
    resource: 'refunds',
    spec: (actor: Actor) => ({
      sortable: {
        id: refunds.id,
        amountFen: refunds.amountFen,
        createdAt: refunds.createdAt,
        status: refunds.status,
      },
      defaultSort: ['id', 'DESC'],
      idColumn: refunds.id,
      filters: {
        id: (v) => inArray(refunds.id, asIdList('id', v).map(Number)),
        q: (v) => ilike(decisions.decisionNumber, `%${asString('q', v)}%`),
        status: (v) =>
          inArray(
            refunds.status,
            asIdList('status', v)
              .map(String)
              .filter((s): s is (typeof REFUND_STATUSES)[number] =>
                (REFUND_STATUSES as readonly string[]).includes(s),
              ),
          ),
        reason: (v) =>
          inArray(
            refunds.reason,
            asIdList('reason', v)
              .map(String)
              .filter((s): s is (typeof REFUND_REASONS)[number] =>
                (REFUND_REASONS as readonly string[]).includes(s),
              ),
          ),
        unitId: (v) => inArray(refunds.unitId, asIdList('unitId', v).map(Number)),
        decisionId: (v) => eq(refunds.decisionId, Number(v)),
        amountFen_gte: (v) => gte(refunds.amountFen, Number(v)),
        amountFen_lte: (v) => lte(refunds.amountFen, Number(v)),
        createdAt_gte: (v) => gte(refunds.createdAt, shanghaiMidnight(asDate('createdAt_gte', v))),
        createdAt_lte: (v) =>
          lt(refunds.createdAt, shanghaiMidnight(addCalendarDays(asDate('createdAt_lte', v), 1))),
        pendingFor: (v) => {
          if (v !== 'me')
            throw badRequest('pendingFor must be "me"', {
              'filter.pendingFor': { code: 'invalid_choice' },
            });
          return refundsPendingFor(db, actor);
        },
      },
    }),
    scope: (actor) => refundScope(db, actor),
    page: async (where, p) =>
      (
        await db
          .select(listColumns)
          .from(refunds)
          .innerJoin(decisions, eq(decisions.id, refunds.decisionId))
          .innerJoin(units, eq(units.id, refunds.unitId))
          .innerJoin(creator, eq(creator.id, refunds.createdBy))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({
        ...present(r.r),
        decisionNumber: r.decisionNumber,
        unitName: r.unitName,
        unitKind: r.unitKind,
        unitDepartmentId: r.unitDepartmentId,
        createdByName: r.createdByName,
        approvalCount: r.approvals,
      })),
    count: async (where) =>
      (
        await db
          .select({ total: count() })
          .from(refunds)
          .innerJoin(decisions, eq(decisions.id, refunds.decisionId))
          .where(where)
      )[0].total,
  };

  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: refundExportColumns<RefundRow>(),
      permission: ['refunds', 'list'],
      name: 'refunds',
    });

    app.get(
      '/',
      { config: { permission: ['refunds', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    // What the application form shows up front: how much of the chosen decision can still be refunded.
    app.get(
      '/refundable/:decisionId',
      {
        config: { permission: ['refunds', 'create'] },
        schema: { params: z.object({ decisionId: z.coerce.number().int().positive() }) },
      },
      async (request) => {
        const actor = actorOf(request);
        const { decisionId } = request.params;
        const [d] = await db
          .select({ unitId: decisions.unitId, decisionNumber: decisions.decisionNumber })
          .from(decisions)
          .where(eq(decisions.id, decisionId));
        if (!d || d.unitId !== actor.unitId) throw notFound('Decision');
        const balance = await db.transaction((tx) => refundBalance(tx, decisionId));
        return {
          decisionId,
          decisionNumber: d.decisionNumber,
          paidFen: balance.paid,
          refundableFen: balance.refundable,
        };
      },
    );

    app.get(
      '/:id',
      { config: { permission: ['refunds', 'show'] }, schema: { params: idParams } },
      async (request) => detail(actorOf(request), request.params.id),
    );

    app.post(
      '/',
      { config: { permission: ['refunds', 'create'] }, schema: { body: refundInputSchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await createRefund(ctx, actor, request.body, request.ip);
        reply.code(201);
        return detail(actor, row.id);
      },
    );

    app.put(
      '/:id',
      { config: { permission: ['refunds', 'edit'] }, schema: { params: idParams, body: updateSchema } },
      async (request) => {
        const actor = actorOf(request);
        const [current] = await db
          .select()
          .from(refunds)
          .where(and(eq(refunds.id, request.params.id), refundScope(db, actor)));
        if (!current) throw notFound('Refund');
        const body = {
          ...request.body,
          payeeAccount: MASKED_ACCOUNT.test(request.body.payeeAccount)
            ? current.payeeAccount
            : request.body.payeeAccount,
        };
        const input = refundInputSchema.parse(
          Object.fromEntries(
            Object.keys(refundInputSchema.shape).map((k) => [k, body[k as keyof typeof body]]),
          ),
        );
        await updateDraft(ctx, actor, current, { ...input, version: body.version }, request.ip);
        return detail(actor, current.id);
      },
    );

    for (const action of REFUND_ACTIONS) {
      app.post(
        `/:id/${action}`,
        {
          config: { permission: ['refunds', action] },
          schema: { params: idParams, body: refundActionSchema },
        },
        async (request) => {
          const actor = actorOf(request);
          const { id } = request.params;
          await transition(
            ctx,
            actor,
            id,
            action as RefundAction,
            request.body.reason,
            request.ip,
            scoped(actor, id),
          );
          return detail(actor, id);
        },
      );
    }

    app.post(
      '/bulk/approve',
      { config: { permission: ['refunds', 'approve'] }, schema: { body: refundBulkApproveSchema } },
      async (request) => {
        const actor = actorOf(request);
        const results = await bulkTransition(request.body.ids, (id) =>
          transition(ctx, actor, id, 'approve', undefined, request.ip, scoped(actor, id)),
        );
        return { results };
      },
    );

    app.post(
      '/:id/attachments',
      {
        config: { permission: ['refunds', 'edit'] },
        bodyLimit: Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
        schema: { params: idParams, body: attachmentSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const [refund] = await db
          .select()
          .from(refunds)
          .where(and(eq(refunds.id, request.params.id), refundScope(db, actor)));
        if (!refund) throw notFound('Refund');
        if (refund.status !== 'draft' && refund.status !== 'submitted')
          throw unprocessable(
            'evidence_closed',
            `Evidence can be added while the application is a draft or submitted`,
          );
        const bytes = Buffer.from(request.body.contentBase64, 'base64');
        if (bytes.length > EVIDENCE_MAX_BYTES)
          throw unprocessable('evidence_too_large', 'Evidence files are at most 10 MiB', {
            file: { code: 'file_too_large', params: { max: '10 MiB' } },
          });
        const mimeType = evidenceType(bytes);
        if (!mimeType)
          throw unprocessable(
            'evidence_type',
            'Evidence must be a PDF, JPEG or PNG file (checked by content)',
            {
              file: { code: 'file_type' },
            },
          );
        const row = await db.transaction(async (tx) => {
          const [a] = await tx
            .insert(refundAttachments)
            .values({
              refundId: refund.id,
              filename: request.body.filename,
              mimeType,
              size: bytes.length,
              content: bytes,
              uploadedBy: actor.id,
              uploadedAt: ctx.clock.now(),
            })
            .returning({
              id: refundAttachments.id,
              filename: refundAttachments.filename,
              size: refundAttachments.size,
            });
          await ctx.audit.record(tx, {
            actor,
            action: 'attach',
            resource: 'refunds',
            recordId: refund.id,
            after: { attachmentId: a.id, filename: a.filename, mimeType, size: a.size },
            ip: request.ip,
          });
          return a;
        });
        reply.code(201);
        return { ...row, mimeType };
      },
    );

    app.get(
      '/:id/attachments/:aid',
      { config: { permission: ['refunds', 'show'] }, schema: { params: attachmentParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const [row] = await db
          .select({ a: refundAttachments })
          .from(refundAttachments)
          .innerJoin(refunds, eq(refunds.id, refundAttachments.refundId))
          .where(
            and(
              eq(refundAttachments.id, request.params.aid),
              eq(refunds.id, request.params.id),
              refundScope(db, actor),
            ),
          );
        if (!row) throw notFound('Attachment');
        reply
          .type(row.a.mimeType)
          .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.a.filename)}`)
          .header('X-Content-Type-Options', 'nosniff');
        return row.a.content;
      },
    );

    app.get(
      '/:id/voucher',
      {
        config: { permission: ['refunds', 'show'] },
        schema: { params: idParams, querystring: z.object({ print: z.enum(['1']).optional() }) },
      },
      async (request) =>
        voucherView(ctx, actorOf(request), request.params.id, request.query.print === '1', request.ip),
    );
  };
}
