import { and, count, eq, inArray } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type FlagDetail, reasonSchema, statusCorrectionInputSchema } from '../../domain';
import {
  paymentStatusTexts,
  statusCorrectionFieldTexts,
  statusCorrectionStateTexts,
} from '../../domain/i18n';
import type { Actor } from '../../domain/roles';
import { type AppContext, actorOf } from '../context';
import type { Db } from '../db/client';
import {
  collections,
  decisionEvents,
  decisions,
  paidStatusFlags,
  statusCorrections,
  users,
} from '../db/schema';
import { decisionScope } from '../decisions/scope';
import { badRequest, conflict, notFound, unprocessable } from '../http/errors';
import { type ExportColumn, registerExports } from '../http/export';
import { exportColumns } from '../http/export-labels';
import { asIdList, asString, listQuerySchema } from '../http/list-query';
import { assertStep } from '../http/refusal';
import { type ResourceList, serveList } from '../http/resource-list';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** A correction is seen and decided only by those who may see its decision (its region and below). */
const correctionScope = (db: Db, actor: Actor) =>
  inArray(
    statusCorrections.decisionId,
    db.select({ id: decisions.id }).from(decisions).where(decisionScope(db, actor)),
  );

type CorrectionRow = typeof statusCorrections.$inferSelect & {
  decisionNumber: string;
  proposedByName: string;
};

/** The correction list and its exports; the scope is part of the query. */
function correctionList(db: Db): ResourceList<CorrectionRow> {
  return {
    resource: 'status-corrections',
    spec: () => ({
      sortable: { id: statusCorrections.id },
      defaultSort: ['id', 'DESC'],
      idColumn: statusCorrections.id,
      filters: {
        id: (v) => inArray(statusCorrections.id, asIdList('id', v).map(Number)),
        state: (v) =>
          eq(statusCorrections.state, asString('state', v) as 'proposed' | 'confirmed' | 'rejected'),
        decisionId: (v) => eq(statusCorrections.decisionId, Number(v)),
      },
    }),
    scope: (actor) => correctionScope(db, actor),
    page: async (where, p) =>
      (
        await db
          .select({
            c: statusCorrections,
            decisionNumber: decisions.decisionNumber,
            proposedByName: users.displayName,
          })
          .from(statusCorrections)
          .innerJoin(decisions, eq(decisions.id, statusCorrections.decisionId))
          .innerJoin(users, eq(users.id, statusCorrections.proposedBy))
          .where(where)
          .orderBy(...p.orderBy)
          .limit(p.limit)
          .offset(p.offset)
      ).map((r) => ({ ...r.c, decisionNumber: r.decisionNumber, proposedByName: r.proposedByName })),
    count: async (where) => (await db.select({ n: count() }).from(statusCorrections).where(where))[0].n,
  };
}

const cc = exportColumns<CorrectionRow, keyof (typeof statusCorrectionFieldTexts)['en']>(
  statusCorrectionFieldTexts,
);
const correctionExportColumns: ExportColumn<CorrectionRow>[] = [
  cc.col('id', 'number'),
  cc.col('decisionNumber', 'id'),
  cc.word('toStatus', paymentStatusTexts),
  cc.col('reason', 'text'),
  cc.col('proposedByName', 'text'),
  cc.col('createdAt', 'instant'),
  cc.word('state', statusCorrectionStateTexts),
  cc.col('decisionNote', 'text'),
  cc.col('updatedAt', 'instant'),
];

/** Four-eyes manual status change: one police user proposes, a different one confirms or rejects. */
export function statusCorrectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const inScope = (actor: Actor) => correctionScope(db, actor);
  const list = correctionList(db);
  return async (app) => {
    registerExports(app, ctx, {
      list,
      columns: correctionExportColumns,
      permission: ['status-corrections', 'list'],
      name: 'status-corrections',
    });

    app.get(
      '/',
      { config: { permission: ['status-corrections', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => serveList(list, actorOf(request), request.query, reply),
    );

    app.post(
      '/',
      {
        config: { permission: ['status-corrections', 'create'] },
        schema: { body: statusCorrectionInputSchema },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const { decisionId, toStatus, reason } = request.body;
        const [d] = await db
          .select()
          .from(decisions)
          .where(and(eq(decisions.id, decisionId), decisionScope(db, actor)));
        if (!d) throw notFound('Decision');
        if (d.paymentStatus === toStatus)
          throw unprocessable('no_change', `The decision is already ${toStatus}`);
        const [pending] = await db
          .select()
          .from(statusCorrections)
          .where(and(eq(statusCorrections.decisionId, decisionId), eq(statusCorrections.state, 'proposed')));
        if (pending)
          throw conflict(
            'correction_pending',
            `Correction ${pending.id} for this decision is still waiting for confirmation`,
          );
        const row = await db.transaction(async (tx) => {
          const [c] = await tx
            .insert(statusCorrections)
            .values({ decisionId, toStatus, reason, proposedBy: actor.id })
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'propose',
            resource: 'status-corrections',
            recordId: c.id,
            after: c,
            ip: request.ip,
          });
          return c;
        });
        reply.code(201);
        return row;
      },
    );

    app.post(
      '/:id/confirm',
      {
        config: { permission: ['status-corrections', 'confirm'] },
        schema: { params: idParams, body: reasonSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        return db.transaction(async (tx) => {
          const [c] = await tx
            .select()
            .from(statusCorrections)
            .where(and(eq(statusCorrections.id, request.params.id), inScope(actor)))
            .for('update');
          if (!c) throw notFound('Status correction');
          assertStep(
            actor,
            'confirm',
            'status-corrections',
            c,
            { wrong_state: 'invalid_transition' },
            c.state,
          );
          const [d] = await tx.select().from(decisions).where(eq(decisions.id, c.decisionId)).for('update');
          const now = ctx.clock.now();
          await tx
            .update(decisions)
            .set({
              paymentStatus: c.toStatus,
              paidAt: c.toStatus === 'unpaid' ? null : (d.paidAt ?? now),
              version: d.version + 1,
              updatedAt: now,
            })
            .where(eq(decisions.id, d.id));
          await tx.insert(decisionEvents).values({
            decisionId: d.id,
            fromStatus: d.paymentStatus,
            toStatus: c.toStatus,
            source: 'manual',
            actorId: actor.id,
            reason: `${c.reason}（${request.body.reason ?? '复核确认'}）`,
            at: now,
          });
          const flag = (type: 'reversal' | 'paid_without_funds', detail: FlagDetail) =>
            tx
              .insert(paidStatusFlags)
              .values({ type, decisionId: d.id, regionCode: d.regionCode, detail, createdAt: now });
          if (d.paymentStatus === 'paid' && c.toStatus === 'unpaid')
            await flag('reversal', { code: 'reversal_by_correction', params: { correctionId: c.id } });
          if (c.toStatus === 'paid') {
            const [{ n }] = await tx
              .select({ n: count() })
              .from(collections)
              .where(eq(collections.decisionId, d.id));
            if (n === 0)
              await flag('paid_without_funds', {
                code: 'paid_by_correction_without_collection',
                params: { correctionId: c.id },
              });
          }
          const [after] = await tx
            .update(statusCorrections)
            .set({
              state: 'confirmed',
              decidedBy: actor.id,
              decisionNote: request.body.reason ?? null,
              version: c.version + 1,
              updatedAt: now,
            })
            .where(eq(statusCorrections.id, c.id))
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'confirm',
            resource: 'status-corrections',
            recordId: c.id,
            before: c,
            after,
            ip: request.ip,
          });
          return after;
        });
      },
    );

    app.post(
      '/:id/reject',
      {
        config: { permission: ['status-corrections', 'reject'] },
        schema: { params: idParams, body: reasonSchema },
      },
      async (request) => {
        const actor = actorOf(request);
        if (!request.body.reason)
          throw badRequest('A reason is required to reject', { reason: { code: 'required' } });
        return db.transaction(async (tx) => {
          const [c] = await tx
            .select()
            .from(statusCorrections)
            .where(and(eq(statusCorrections.id, request.params.id), inScope(actor)))
            .for('update');
          if (!c) throw notFound('Status correction');
          assertStep(
            actor,
            'reject',
            'status-corrections',
            c,
            { wrong_state: 'invalid_transition' },
            c.state,
          );
          const [after] = await tx
            .update(statusCorrections)
            .set({
              state: 'rejected',
              decidedBy: actor.id,
              decisionNote: request.body.reason,
              version: c.version + 1,
              updatedAt: ctx.clock.now(),
            })
            .where(eq(statusCorrections.id, c.id))
            .returning();
          await ctx.audit.record(tx, {
            actor,
            action: 'reject',
            resource: 'status-corrections',
            recordId: c.id,
            before: c,
            after,
            ip: request.ip,
          });
          return after;
        });
      },
    );
  };
}
