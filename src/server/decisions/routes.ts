import { and, asc, count, desc, eq, gte, ilike, inArray, lte, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maskDecision, revealSchema } from '../../domain';
import { type AppContext, actorOf } from '../context';
import { collections, decisionEvents, decisions, paidStatusFlags, units, users } from '../db/schema';
import { notFound } from '../http/errors';
import { asIdList, asString, contentRange, listQuerySchema, parseList } from '../http/list-query';
import { decisionScope } from './scope';

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** 处罚决定书 for staff: masked in lists and pages; full values only through an audited reveal. */
export function decisionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const { db } = ctx.database;
  const columns = {
    id: decisions.id,
    decisionNumber: decisions.decisionNumber,
    unitId: decisions.unitId,
    unitName: units.name,
    regionCode: decisions.regionCode,
    projectCode: decisions.projectCode,
    fineFen: decisions.fineFen,
    servedOn: decisions.servedOn,
    partyName: decisions.partyName,
    idNumber: decisions.idNumber,
    licenceNumber: decisions.licenceNumber,
    plate: decisions.plate,
    suspensions: decisions.suspensions,
    paymentStatus: decisions.paymentStatus,
    paidAt: decisions.paidAt,
    version: decisions.version,
    updatedAt: decisions.updatedAt,
  };
  const base = () => db.select(columns).from(decisions).innerJoin(units, eq(units.id, decisions.unitId));

  return async (app) => {
    app.get(
      '/',
      { config: { permission: ['decisions', 'list'] }, schema: { querystring: listQuerySchema } },
      async (request, reply) => {
        const actor = actorOf(request);
        const parsed = parseList(request.query, {
          sortable: {
            id: decisions.id,
            servedOn: decisions.servedOn,
            fineFen: decisions.fineFen,
            decisionNumber: decisions.decisionNumber,
          },
          defaultSort: ['id', 'DESC'],
          idColumn: decisions.id,
          filters: {
            id: (v) => inArray(decisions.id, asIdList('id', v).map(Number)),
            q: (v) => ilike(decisions.decisionNumber, `%${asString('q', v)}%`),
            paymentStatus: (v) =>
              inArray(
                decisions.paymentStatus,
                asIdList('paymentStatus', v).map(String) as (typeof decisions.$inferSelect.paymentStatus)[],
              ),
            unitId: (v) => inArray(decisions.unitId, asIdList('unitId', v).map(Number)),
            servedOn_gte: (v) => gte(decisions.servedOn, asString('servedOn_gte', v)),
            servedOn_lte: (v) => lte(decisions.servedOn, asString('servedOn_lte', v)),
          },
        });
        const where: SQL | undefined = and(decisionScope(db, actor), parsed.where);
        const [rows, [{ total }]] = await Promise.all([
          base()
            .where(where)
            .orderBy(...parsed.orderBy)
            .limit(parsed.limit)
            .offset(parsed.offset),
          db.select({ total: count() }).from(decisions).where(where),
        ]);
        reply.header('Content-Range', contentRange('decisions', parsed.offset, rows.length, total));
        return rows.map(maskDecision);
      },
    );

    app.get(
      '/:id',
      { config: { permission: ['decisions', 'show'] }, schema: { params: idParams } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await base().where(and(eq(decisions.id, request.params.id), decisionScope(db, actor)));
        if (!row) throw notFound('Decision');
        const [events, pays, flags] = await Promise.all([
          db
            .select({
              id: decisionEvents.id,
              fromStatus: decisionEvents.fromStatus,
              toStatus: decisionEvents.toStatus,
              source: decisionEvents.source,
              reason: decisionEvents.reason,
              keyId: decisionEvents.keyId,
              actorName: users.displayName,
              collectionId: decisionEvents.collectionId,
              at: decisionEvents.at,
            })
            .from(decisionEvents)
            .leftJoin(users, eq(users.id, decisionEvents.actorId))
            .where(eq(decisionEvents.decisionId, row.id))
            .orderBy(asc(decisionEvents.at), asc(decisionEvents.id)),
          db
            .select()
            .from(collections)
            .where(eq(collections.decisionId, row.id))
            .orderBy(asc(collections.collectedAt)),
          db
            .select()
            .from(paidStatusFlags)
            .where(eq(paidStatusFlags.decisionId, row.id))
            .orderBy(desc(paidStatusFlags.id)),
        ]);
        return { ...maskDecision(row), events, collections: pays, flags };
      },
    );

    app.post(
      '/:id/reveal',
      { config: { permission: ['decisions', 'reveal'] }, schema: { params: idParams, body: revealSchema } },
      async (request) => {
        const actor = actorOf(request);
        const [row] = await db
          .select()
          .from(decisions)
          .where(and(eq(decisions.id, request.params.id), decisionScope(db, actor)));
        if (!row) throw notFound('Decision');
        await ctx.audit.recordNow(db, {
          actor,
          action: 'reveal',
          resource: 'decisions',
          recordId: row.id,
          after: { reason: request.body.reason, fields: 'partyName,idNumber,licenceNumber,plate' },
          ip: request.ip,
        });
        return {
          id: row.id,
          partyName: row.partyName,
          idNumber: row.idNumber,
          licenceNumber: row.licenceNumber,
          plate: row.plate,
        };
      },
    );
  };
}
